package org.comptoir.export;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written as text, the way French and English spreadsheets hold them: ISO ({@code 2025-03-02},
 * {@code 2025-03-02T14:30:00}, {@code 2025/03/02}), French day-first numbers ({@code 02/03/2025},
 * {@code 2.3.2025}, {@code 02-03-25}), and French words ({@code 2 mars 2025}, {@code 1er févr. 2025}), each
 * optionally followed by a time, which is dropped. Day-first is the French convention: {@code 03/02/2025} is
 * 3 February. Anything else, or a day that does not exist (31/02), is no date. Pure and thread-safe.
 */
public final class DateText {

    // matched after lower-casing and removing accents: "T14:30:00Z" is "t14:30:00z", "à 14h30" is "a 14h30"
    private static final String TIME = "(?:[ t](?:a )?\\d{1,2}[:h]\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:z|[+-]\\d{2}:?\\d{2})?)?";
    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})" + TIME);
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4}|\\d{2})" + TIME);
    private static final Pattern WORDS = Pattern.compile("(?:[a-z]+\\.? )?(\\d{1,2})(?:er)? ([a-z]+)\\.? (\\d{4})" + TIME);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("janvier", 1), Map.entry("janv", 1), Map.entry("jan", 1),
            Map.entry("fevrier", 2), Map.entry("fevr", 2), Map.entry("fev", 2),
            Map.entry("mars", 3), Map.entry("mar", 3),
            Map.entry("avril", 4), Map.entry("avr", 4),
            Map.entry("mai", 5),
            Map.entry("juin", 6),
            Map.entry("juillet", 7), Map.entry("juil", 7),
            Map.entry("aout", 8),
            Map.entry("septembre", 9), Map.entry("sept", 9), Map.entry("sep", 9),
            Map.entry("octobre", 10), Map.entry("oct", 10),
            Map.entry("novembre", 11), Map.entry("nov", 11),
            Map.entry("decembre", 12), Map.entry("dec", 12));

    private DateText() {
    }

    /** The day {@code text} names, or empty when it is not a date in one of the forms above. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
        Matcher m = ISO.matcher(t);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = DAY_FIRST.matcher(t);
        if (m.matches()) {
            String year = m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
            return date(year, m.group(2), m.group(1));
        }
        m = WORDS.matcher(t);
        if (m.matches()) {
            Integer month = MONTHS.get(m.group(2));
            return month == null ? Optional.empty() : date(m.group(3), month.toString(), m.group(1));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
