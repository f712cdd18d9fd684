package org.comptoir.schedule;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a recipient may be, for the sending window: the time zone their clock shows and the public-holiday
 * calendar that closes their days.
 *
 * @param zone        the wall clock the window is judged in
 * @param calendar    a jollyday calendar code ({@code fr}, {@code mq}, {@code yt}, {@code be}...), or empty when
 *                    the library has none for the territory (then no holiday closes a day)
 * @param subdivision a jollyday subdivision ({@code 57} for Alsace-Moselle), or empty
 */
public record Territory(ZoneId zone, Optional<String> calendar, Optional<String> subdivision) {

    public Territory {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(subdivision, "subdivision");
    }

    static Territory of(ZoneId zone, String calendar) {
        return new Territory(zone, Optional.of(calendar), Optional.empty());
    }
}
