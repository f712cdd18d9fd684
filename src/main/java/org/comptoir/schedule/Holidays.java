package org.comptoir.schedule;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays from jollyday (not a hand-written table), one map per calendar, subdivision and year,
 * computed once. Only {@link HolidayType#PUBLIC_HOLIDAY}: Mayotte's observances (Eid al-Fitr, Mawlid...) depend on
 * collective agreements and do not close the day. Thread-safe.
 */
final class Holidays {

    private record Key(String calendar, String subdivision, int year) {
    }

    /** One key per holiday; its name comes from {@link HolidayNames}. */
    private static final Map<Key, Map<LocalDate, String>> CACHE = new ConcurrentHashMap<>();

    private Holidays() {
    }

    /** The jollyday properties key of the holiday on {@code date} in {@code territory}, if any. */
    static Optional<String> on(Territory territory, LocalDate date) {
        if (territory.calendar().isEmpty()) {
            return Optional.empty();
        }
        Key key = new Key(territory.calendar().get(), territory.subdivision().orElse(""), date.getYear());
        return Optional.ofNullable(CACHE.computeIfAbsent(key, Holidays::load).get(date));
    }

    private static Map<LocalDate, String> load(Key key) {
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(key.calendar()));
        String[] args = key.subdivision().isEmpty() ? new String[0] : new String[] {key.subdivision()};
        Map<LocalDate, String> days = new HashMap<>();
        for (Holiday h : manager.getHolidays(Year.of(key.year()), HolidayType.PUBLIC_HOLIDAY, args)) {
            days.putIfAbsent(h.getDate(), h.getPropertiesKey());
        }
        return Map.copyOf(days);
    }
}
