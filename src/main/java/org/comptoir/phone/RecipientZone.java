package org.comptoir.phone;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The time zone a recipient most likely lives in, judged from their number, so that sending windows are
 * applied in their local time. French overseas mobiles are decided by prefix (ARCEP allocations, REFERENCE.md
 * §1.5) because libphonenumber maps a +262 692 mobile to both Réunion and Mayotte.
 *
 * <p>Pure and thread-safe.
 */
public final class RecipientZone {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final ZoneId REUNION = ZoneId.of("Indian/Reunion");
    public static final ZoneId MAYOTTE = ZoneId.of("Indian/Mayotte");

    /** Country code → zone where one zone covers the whole code. */
    private static final Map<Integer, ZoneId> BY_COUNTRY_CODE = Map.of(
            33, PARIS,
            590, ZoneId.of("America/Guadeloupe"),
            594, ZoneId.of("America/Cayenne"),
            596, ZoneId.of("America/Martinique"));

    /**
     * For countries whose mobiles libphonenumber maps to several zones: where most of the population lives
     * (a UK mobile may be in Jersey or Guernsey, but almost always in London's zone, which they share).
     */
    private static final Map<String, ZoneId> MAIN_ZONE = Map.of(
            "GB", ZoneId.of("Europe/London"),
            "ES", ZoneId.of("Europe/Madrid"),
            "PT", ZoneId.of("Europe/Lisbon"),
            "NL", ZoneId.of("Europe/Amsterdam"),
            "DK", ZoneId.of("Europe/Copenhagen"),
            "NO", ZoneId.of("Europe/Oslo"));

    private RecipientZone() {
    }

    /** The recipient's zone; for a country spanning several zones, the first candidate libphonenumber gives. */
    public static ZoneId zoneOf(PhoneNumber number) {
        return candidates(number).get(0);
    }

    /**
     * Every zone the number may be in, most likely first (one for mainland France and most overseas numbers;
     * Réunion then Mayotte for a +262 692/693 mobile; several for e.g. the USA). Callers that must be strict
     * apply the narrowest window over all of them.
     * Never empty: an unknown number gives Europe/Paris, the product's home.
     */
    public static List<ZoneId> candidates(PhoneNumber number) {
        int cc = number.countryCode();
        ZoneId fixed = BY_COUNTRY_CODE.get(cc);
        if (fixed != null) {
            return List.of(fixed);
        }
        if (cc == 262) {
            String nsn = number.nationalNumber();
            // fixed lines say where they are: 262 Réunion, 269 Mayotte; 639 mobiles were opened for Mayotte
            // (ARCEP 2006). The 692/693 mobiles are Réunion's ranges, but the operators serve both islands and
            // libphonenumber maps them to both zones: Réunion first, and strict callers check Mayotte too.
            if (nsn.startsWith("262")) {
                return List.of(REUNION);
            }
            if (nsn.startsWith("269") || nsn.startsWith("639")) {
                return List.of(MAYOTTE);
            }
            return List.of(REUNION, MAYOTTE);
        }
        List<String> ids = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number.proto());
        List<ZoneId> zones = ids.stream()
                .filter(id -> !id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()))
                .map(ZoneId::of)
                .toList();
        if (zones.isEmpty()) {
            return List.of(PARIS);
        }
        ZoneId main = MAIN_ZONE.get(number.regionCode());
        if (main != null && zones.size() > 1) {
            List<ZoneId> ordered = new java.util.ArrayList<>(List.of(main));
            zones.stream().filter(z -> !z.equals(main)).forEach(ordered::add);
            return List.copyOf(ordered);
        }
        return zones;
    }
}
