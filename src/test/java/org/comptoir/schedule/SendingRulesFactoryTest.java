package org.comptoir.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar of the custom window's settings, shared by the validators and the factory. */
class SendingRulesFactoryTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "mon-sat | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY",
        "lun-sam | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY",
        "lun,mer,ven | MONDAY,WEDNESDAY,FRIDAY",
        "Tue-Fri, sun | TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SUNDAY",
        "sat-mon | SATURDAY,SUNDAY,MONDAY",
        "dim | SUNDAY"})
    void daysInEnglishOrFrench(String typed, String expected) {
        Set<DayOfWeek> want = EnumSet.noneOf(DayOfWeek.class);
        for (String d : expected.split(",")) {
            want.add(DayOfWeek.valueOf(d));
        }
        assertThat(SendingRulesFactory.parseDays(typed)).contains(want);
        assertThat(SendingRulesFactory.daysProblem(typed)).isEmpty();
    }

    @ParameterizedTest(name = "days \"{0}\" refused")
    @ValueSource(strings = {"", " ", "lundi", "mon-", "mon-tue-wed", "xyz", "1-5"})
    void badDaysAreRefusedWithTheirMessage(String typed) {
        assertThat(SendingRulesFactory.daysProblem(typed)).hasValueSatisfying(m -> {
            assertThat(m.key()).isEqualTo("schedule.error.days");
            assertThat(m.args()).containsExactly(typed);
        });
    }

    @ParameterizedTest(name = "{0} → {1}–{2}")
    @CsvSource({"08:00-20:00, 08:00, 20:00", "9h30-19h, 09:30, 19:00", "09:00 – 19:30, 09:00, 19:30",
        "0:00-23:59, 00:00, 23:59"})
    void hours(String typed, LocalTime opens, LocalTime closes) {
        assertThat(SendingRulesFactory.parseHours(typed)).hasValueSatisfying(h -> assertThat(h).containsExactly(opens, closes));
    }

    @ParameterizedTest(name = "hours \"{0}\" refused")
    @ValueSource(strings = {"", "20:00-08:00", "08:00-08:00", "8-20", "08:00-24:00", "25:00-26:00", "08:60-20:00", "08:00"})
    void badHoursAreRefused(String typed) {
        assertThat(SendingRulesFactory.hoursProblem(typed)).hasValueSatisfying(m -> assertThat(m.key()).isEqualTo("schedule.error.hours"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"france", "france-22h", "us", "custom"})
    void everyPresetTheSettingAcceptsBuilds(String id) {
        assertThat(SendingRulesFactory.presetIds()).contains(id);
        WindowRules rules = SendingRulesFactory.from(id, "mon-fri", "09:00-18:00", false);
        assertThat(rules.preset().id()).isEqualTo(id);
    }

    @org.junit.jupiter.api.Test
    void theCustomWindowIsTheSettingsValuesAndKeepsHolidaysClosed() {
        WindowRules rules = SendingRulesFactory.from("custom", "mon-fri", "09:00-18:00", true);
        Window w = rules.preset().marketing();
        assertThat(w.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(w.opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(w.closes()).isEqualTo(LocalTime.of(18, 0));
        assertThat(w.closedOnHolidays()).isTrue();
        assertThat(rules.alsaceMoselle()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void anUnknownPresetIsRefused() {
        assertThatThrownBy(() -> SendingRulesFactory.from("uk", "", "", false)).isInstanceOf(IllegalArgumentException.class);
    }
}
