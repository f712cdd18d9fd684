package org.comptoir.schedule;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.comptoir.i18n.Messages;

/**
 * Holiday names as the French say them ("Lundi de Pentecôte", "Fête nationale"), from the schedule bundle
 * ({@code schedule.holiday.<jollyday key>}); a holiday the bundle does not name (another country's) keeps
 * jollyday's own description.
 */
public final class HolidayNames {

    private static final String PREFIX = "schedule.holiday.";
    private static final Messages FRENCH = Messages.forLanguage("fr");

    private HolidayNames() {
    }

    /** The French name of the holiday with jollyday key {@code key}: what {@link WindowDecision#detail} holds. */
    static String french(String key) {
        String bundleKey = PREFIX + key;
        return FRENCH.has(bundleKey) ? FRENCH.get(bundleKey)
                : new Holiday(LocalDate.EPOCH, key, HolidayType.PUBLIC_HOLIDAY).getDescription(Locale.FRENCH);
    }

    /**
     * {@code frenchName} (a {@link WindowDecision#detail}) in the language of {@code messages}; unchanged when
     * it is not one the bundle names.
     */
    public static String in(Messages messages, String frenchName) {
        return keyOf(frenchName).map(messages::get).orElse(frenchName);
    }

    private static Optional<String> keyOf(String frenchName) {
        for (String key : KNOWN) {
            if (FRENCH.get(PREFIX + key).equals(frenchName)) {
                return Optional.of(PREFIX + key);
            }
        }
        return Optional.empty();
    }

    /** The days of the French territories (mainland, Alsace-Moselle, the overseas departments). */
    static final List<String> KNOWN = List.of(
            "NEW_YEAR", "christian.GOOD_FRIDAY", "christian.EASTER_MONDAY", "LABOUR_DAY", "VICTORY_DAY",
            "christian.ASCENSION_DAY", "christian.WHIT_MONDAY", "NATIONAL_DAY", "ASSUMPTION_MARY", "ALL_SAINTS",
            "ARMISTICE", "CHRISTMAS", "SECOND_CHRISTMAS_DAY", "ABOLITION_OF_SLAVERY", "islamic.ID_UL_ADHA");
}
