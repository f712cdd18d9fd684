package org.comptoir.schedule;

import de.focus_shift.jollyday.core.HolidayManager;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.phone.RecipientZone;

/**
 * The territories a number may belong to: its candidate time zones ({@link RecipientZone#candidates}) each with
 * the holidays of that territory. A +262 692 mobile gives Réunion and Mayotte; a +590 number gives Guadeloupe,
 * Saint-Martin and Saint-Barthélemy (one numbering plan, one zone, three holiday calendars). Pure and
 * thread-safe.
 */
final class Territories {

    /** Jollyday's subdivision for Moselle; Bas-Rhin (67) and Haut-Rhin (68) add the same two days. */
    static final String ALSACE_MOSELLE = "57";

    /** French territories whose holidays follow the zone, whatever region libphonenumber gives the number. */
    private static final Map<ZoneId, String> FRENCH_CALENDAR_BY_ZONE = Map.of(
            RecipientZone.PARIS, "fr",
            RecipientZone.REUNION, "re",
            RecipientZone.MAYOTTE, "yt",
            ZoneId.of("America/Martinique"), "mq",
            ZoneId.of("America/Cayenne"), "gf");

    private static final Set<Integer> FRENCH_CODES = Set.of(33, 262, 590, 594, 596);

    /** +590 is shared by three collectivities with their own abolition day (27 May, 28 May, 9 October). */
    private static final List<String> CALENDARS_OF_590 = List.of("gp", "mf", "bl");

    /** Jollyday lists its calendars by upper-case ISO code and loads them by lower case. */
    private static final Set<String> JOLLYDAY_CODES = HolidayManager.getSupportedCalendarCodes().stream()
            .map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private Territories() {
    }

    /** Never empty; the most likely territory first. */
    static List<Territory> of(PhoneNumber number, boolean alsaceMoselle) {
        int cc = number.countryCode();
        List<ZoneId> zones = RecipientZone.candidates(number);
        List<Territory> out = new ArrayList<>();
        if (cc == 590) {
            for (String calendar : CALENDARS_OF_590) {
                out.add(Territory.of(zones.get(0), calendar));
            }
            return List.copyOf(out);
        }
        boolean french = FRENCH_CODES.contains(cc);
        Optional<String> byRegion = french ? Optional.empty() : jollydayCode(number.regionCode());
        for (ZoneId zone : zones) {
            Optional<String> calendar = french
                    ? Optional.ofNullable(FRENCH_CALENDAR_BY_ZONE.get(zone))
                    : byRegion;
            Optional<String> subdivision = alsaceMoselle && calendar.filter("fr"::equals).isPresent()
                    ? Optional.of(ALSACE_MOSELLE) : Optional.empty();
            out.add(new Territory(zone, calendar, subdivision));
        }
        return List.copyOf(out);
    }

    private static Optional<String> jollydayCode(String region) {
        String code = region == null ? "" : region.toLowerCase(Locale.ROOT);
        return JOLLYDAY_CODES.contains(code) ? Optional.of(code) : Optional.empty();
    }
}
