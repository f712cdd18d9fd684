package org.comptoir.schedule;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A country's sending rules as data: the marketing window and the wider one for service messages. Adding a
 * country is adding a row to {@link #BUILT_IN}, not a code path. See docs/sending-windows.md for the sources.
 *
 * @param id        the value of the {@code schedule.preset} setting
 * @param marketing the window for promotions
 * @param service   the window for messages the recipient asked for or expects
 */
public record WindowPreset(String id, Window marketing, Window service) {

    /** The id of the preset built from {@code schedule.custom-days} and {@code schedule.custom-hours}. */
    public static final String CUSTOM = "custom";

    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    /**
     * Service messages in France: every day, Sundays and holidays included, 08:00–22:00. The operators' rule
     * (Mon–Sat 08:00–20:00, REFERENCE.md §1.6) is about advertising; a confirmation request is sent while the
     * customer stands at the till, and shops open on Sundays and holidays, but nobody wants one at night.
     */
    static final Window FRENCH_SERVICE = new Window(Window.everyDay(), EIGHT, LocalTime.of(22, 0), false);

    /** The operators' rule for promotions: Mon–Sat 08:00–20:00, never Sunday, never a public holiday. */
    public static final WindowPreset FRANCE = new WindowPreset("france",
            new Window(Window.mondayToSaturday(), EIGHT, LocalTime.of(20, 0), true), FRENCH_SERVICE);

    /** The 22:00 evening limit some providers allow; still never Sunday or a holiday. */
    public static final WindowPreset FRANCE_22H = new WindowPreset("france-22h",
            new Window(Window.mondayToSaturday(), EIGHT, LocalTime.of(22, 0), true), FRENCH_SERVICE);

    /**
     * TCPA quiet hours, 47 CFR § 64.1200(c)(1): 8 a.m. to 9 p.m. at the called party's location, any day; the
     * federal rule names no holidays. Service texts keep the same hours (a text is a "call" to the FCC).
     */
    public static final WindowPreset US = new WindowPreset("us",
            new Window(Window.everyDay(), EIGHT, LocalTime.of(21, 0), false),
            new Window(Window.everyDay(), EIGHT, LocalTime.of(21, 0), false));

    /** The presets a shop can choose by name, in the order the settings list them. */
    public static final List<WindowPreset> BUILT_IN = List.of(FRANCE, FRANCE_22H, US);

    private static final Map<String, WindowPreset> BY_ID =
            BUILT_IN.stream().collect(Collectors.toUnmodifiableMap(WindowPreset::id, Function.identity()));

    public WindowPreset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(marketing, "marketing");
        Objects.requireNonNull(service, "service");
    }

    /** A built-in preset by its id. */
    public static Optional<WindowPreset> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /**
     * The owner's own marketing window; public holidays stay closed and service messages keep the French
     * service window (the custom window narrows or moves promotions, it is not a way around the holidays).
     */
    public static WindowPreset custom(Window marketing) {
        Window closedOnHolidays = new Window(marketing.days(), marketing.opens(), marketing.closes(), true);
        return new WindowPreset(CUSTOM, closedOnHolidays, FRENCH_SERVICE);
    }

    /** The window for {@code messageClass}. */
    public Window window(MessageClass messageClass) {
        return messageClass == MessageClass.SERVICE ? service : marketing;
    }
}
