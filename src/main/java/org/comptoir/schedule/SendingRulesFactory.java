package org.comptoir.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.comptoir.i18n.UserMessage;

/**
 * Builds the {@link SendingRules} from the values of the {@code schedule.*} settings (the caller reads them),
 * and checks those values for the settings' validators, so both read the same grammar. Pure.
 *
 * <p>Days: three-letter names in English or French, single or as ranges, separated by commas
 * ({@code mon-sat}, {@code lun,mer,ven}, {@code tue-fri,sun}). Hours: {@code HH:MM-HH:MM}, opening before
 * closing, within one day ({@code 09:00-19:30}; the French {@code 9h30-19h} too).
 */
public final class SendingRulesFactory {

    private static final Map<String, DayOfWeek> DAY_NAMES = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("lun", DayOfWeek.MONDAY),
            Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("mar", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("mer", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("jeu", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("ven", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("sam", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("dim", DayOfWeek.SUNDAY));

    private static final Pattern HOURS = Pattern.compile("\\s*(\\d{1,2}(?:[:h]\\d{2}|h))\\s*[-–]\\s*(\\d{1,2}(?:[:h]\\d{2}|h))\\s*");

    private SendingRulesFactory() {
    }

    /**
     * The rules for the settings' values.
     *
     * @param preset        {@code france}, {@code france-22h}, {@code us} or {@code custom}
     * @param customDays    the custom window's days (read only for {@code custom})
     * @param customHours   the custom window's hours (read only for {@code custom})
     * @param alsaceMoselle Good Friday and 26 December close mainland days too
     * @throws IllegalArgumentException on a value the settings' validators refuse
     */
    public static WindowRules from(String preset, String customDays, String customHours, boolean alsaceMoselle) {
        WindowPreset chosen = WindowPreset.CUSTOM.equals(preset)
                ? WindowPreset.custom(customWindow(customDays, customHours))
                : WindowPreset.byId(preset).orElseThrow(() -> new IllegalArgumentException("unknown preset: " + preset));
        return new WindowRules(chosen, alsaceMoselle);
    }

    /** The rules with the product's defaults: the French operators' window, no Alsace-Moselle days. */
    public static WindowRules defaults() {
        return new WindowRules(WindowPreset.FRANCE, false);
    }

    /** The ids {@code schedule.preset} accepts. */
    public static String[] presetIds() {
        return Stream.concat(WindowPreset.BUILT_IN.stream().map(WindowPreset::id),
                Stream.of(WindowPreset.CUSTOM)).toArray(String[]::new);
    }

    /** The custom window from its two settings; closes on holidays. */
    static Window customWindow(String days, String hours) {
        Set<DayOfWeek> d = parseDays(days).orElseThrow(() -> new IllegalArgumentException("bad days: " + days));
        LocalTime[] h = parseHours(hours).orElseThrow(() -> new IllegalArgumentException("bad hours: " + hours));
        return new Window(d, h[0], h[1], true);
    }

    /** What is wrong with a value of {@code schedule.custom-days}, or empty. */
    public static Optional<UserMessage> daysProblem(String value) {
        return parseDays(value).isPresent() ? Optional.empty()
                : Optional.of(UserMessage.of("schedule.error.days", value == null ? "" : value));
    }

    /** What is wrong with a value of {@code schedule.custom-hours}, or empty. */
    public static Optional<UserMessage> hoursProblem(String value) {
        return parseHours(value).isPresent() ? Optional.empty()
                : Optional.of(UserMessage.of("schedule.error.hours", value == null ? "" : value));
    }

    static Optional<Set<DayOfWeek>> parseDays(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : value.toLowerCase(Locale.ROOT).split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] ends = part.split("-", -1);
            if (ends.length > 2) {
                return Optional.empty();
            }
            DayOfWeek first = DAY_NAMES.get(ends[0]);
            DayOfWeek last = DAY_NAMES.get(ends[ends.length - 1]);
            if (first == null || last == null) {
                return Optional.empty();
            }
            // a range runs forward through the week, so "sat-mon" is Saturday, Sunday and Monday
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days.isEmpty() ? Optional.empty() : Optional.of(days);
    }

    static Optional<LocalTime[]> parseHours(String value) {
        Matcher m = value == null ? null : HOURS.matcher(value);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            LocalTime opens = time(m.group(1));
            LocalTime closes = time(m.group(2));
            return opens.isBefore(closes) ? Optional.of(new LocalTime[] {opens, closes}) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static LocalTime time(String hhmm) {
        String[] p = hhmm.split("[:h]", -1);
        int h = Integer.parseInt(p[0]);
        int m = p[1].isEmpty() ? 0 : Integer.parseInt(p[1]); // "19h" is 19:00
        if (h > 23 || m > 59) {
            throw new NumberFormatException(hhmm);
        }
        return LocalTime.of(h, m);
    }
}
