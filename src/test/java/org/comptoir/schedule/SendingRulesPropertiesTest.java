package org.comptoir.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the instant, number, preset and class: the answer agrees with a plain wall-clock oracle, the next
 * allowed instant is allowed, and nothing allowed lies between the instant asked about and it.
 */
class SendingRulesPropertiesTest {

    /** Numbers and the (zone, jollyday calendar) pairs an independent reading of REFERENCE.md §1.5 gives. */
    private static final Map<String, List<String[]>> TERRITORIES = Map.of(
            "+33612345678", List.<String[]>of(new String[] {"Europe/Paris", "fr"}),
            "+596696123456", List.<String[]>of(new String[] {"America/Martinique", "mq"}),
            "+594694123456", List.<String[]>of(new String[] {"America/Cayenne", "gf"}),
            "+262692123456", List.of(new String[] {"Indian/Reunion", "re"}, new String[] {"Indian/Mayotte", "yt"}),
            "+262639001234", List.<String[]>of(new String[] {"Indian/Mayotte", "yt"}),
            "+590690123456", List.of(new String[] {"America/Guadeloupe", "gp"}, new String[] {"America/Guadeloupe", "mf"},
                    new String[] {"America/Guadeloupe", "bl"}));

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(3 * 365).toSeconds();

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, SPAN_SECONDS).map(START::plusSeconds);
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.of(TERRITORIES.keySet().stream().sorted().toList());
    }

    @Provide
    Arbitrary<WindowPreset> presets() {
        return Arbitraries.of(WindowPreset.FRANCE, WindowPreset.FRANCE_22H, WindowPreset.US,
                WindowPreset.custom(new Window(java.util.EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.SUNDAY),
                        LocalTime.of(9, 30), LocalTime.of(18, 45), true)));
    }

    @Property(tries = 600)
    void agreesWithTheWallClockOracle(@ForAll("instants") Instant at, @ForAll("numbers") String number,
                                      @ForAll("presets") WindowPreset preset, @ForAll MessageClass messageClass) {
        WindowDecision d = new WindowRules(preset, false).check(messageClass, number, at);
        assertThat(d.allowed()).as("%s %s %s at %s", preset.id(), messageClass, number, at)
                .isEqualTo(oracle(preset.window(messageClass), number, at));
    }

    @Property(tries = 400)
    void nextAllowedIsTheFirstAllowedInstant(@ForAll("instants") Instant at, @ForAll("numbers") String number,
                                             @ForAll("presets") WindowPreset preset, @ForAll MessageClass messageClass) {
        WindowRules rules = new WindowRules(preset, false);
        WindowDecision d = rules.check(messageClass, number, at);
        Window window = preset.window(messageClass);
        assertThat(d.nextAllowed()).isAfterOrEqualTo(at);
        assertThat(d.closesAt()).isAfter(d.nextAllowed());
        if (d.allowed()) {
            assertThat(d.nextAllowed()).isEqualTo(at);
        }
        // the stretch that opens at nextAllowed is allowed all through, and closed at its end
        assertThat(oracle(window, number, d.nextAllowed())).isTrue();
        assertThat(oracle(window, number, d.closesAt().minusSeconds(1))).isTrue();
        assertThat(oracle(window, number, d.closesAt())).isFalse();
        WindowDecision atNext = rules.check(messageClass, number, d.nextAllowed());
        assertThat(atNext.allowed()).isTrue();
        assertThat(atNext.closesAt()).isEqualTo(d.closesAt());
        // nothing allowed in between: every minute from `at` to just before nextAllowed is closed
        if (!d.allowed()) {
            assertThat(oracle(window, number, d.nextAllowed().minusSeconds(1))).isFalse();
            for (Instant t = at; t.isBefore(d.nextAllowed()); t = t.plusSeconds(60)) {
                assertThat(oracle(window, number, t)).as("allowed at %s, before %s", t, d.nextAllowed()).isFalse();
            }
        }
    }

    /** Allowed when every candidate territory's wall clock is inside the window on an open, non-holiday day. */
    private static boolean oracle(Window window, String number, Instant at) {
        for (String[] territory : TERRITORIES.get(number)) {
            ZonedDateTime local = at.atZone(ZoneId.of(territory[0]));
            LocalTime time = local.toLocalTime();
            boolean holiday = window.closedOnHolidays() && HolidayManager.getInstance(ManagerParameters.create(territory[1]))
                    .isHoliday(local.toLocalDate(), HolidayType.PUBLIC_HOLIDAY);
            boolean open = window.days().contains(local.getDayOfWeek()) && !holiday
                    && !time.isBefore(window.opens()) && time.isBefore(window.closes());
            if (!open) {
                return false;
            }
        }
        return true;
    }
}
