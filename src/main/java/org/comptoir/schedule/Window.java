package org.comptoir.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One weekly sending window in the recipient's wall-clock time: the days it is open, the hours (from
 * {@code opens} included to {@code closes} excluded) and whether public holidays close it.
 *
 * <p>A stretch opens at the first instant the recipient's clock shows {@code opens} and closes at the first
 * instant it shows {@code closes} or later; so a clock change can shorten a stretch (spring forward inside it)
 * but never open an hour outside it.
 *
 * @param days             the weekdays it is open; never empty
 * @param opens            first allowed local time
 * @param closes           first forbidden local time in the evening; after {@code opens}
 * @param closedOnHolidays public holidays of the recipient's territory are closed all day
 */
public record Window(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, boolean closedOnHolidays) {

    public Window {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a window needs at least one day");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("a window opens before it closes: " + opens + "–" + closes);
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** Monday to Saturday. */
    public static Set<DayOfWeek> mondayToSaturday() {
        return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
    }

    /** Every day of the week. */
    public static Set<DayOfWeek> everyDay() {
        return EnumSet.allOf(DayOfWeek.class);
    }
}
