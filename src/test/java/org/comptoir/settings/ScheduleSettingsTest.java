package org.comptoir.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.comptoir.AppContext;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.schedule.MessageClass;
import org.comptoir.schedule.SendingRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule.* settings drive AppContext.sendingRules(), through a real store. */
class ScheduleSettingsTest {

    @TempDir
    Path dir;

    private static final Instant SUNDAY_NOON_PARIS = Instant.parse("2026-11-29T11:00:00Z");
    private static final Instant SATURDAY_2130_PARIS = Instant.parse("2026-11-28T20:30:00Z");
    private static final Instant GOOD_FRIDAY_NOON_PARIS = Instant.parse("2026-04-03T10:00:00Z");

    @Test
    void theDefaultIsTheFrenchWindow() {
        try (AppContext app = AppContext.open(dir)) {
            SendingRules rules = app.sendingRules();
            assertThat(rules.check(MessageClass.MARKETING, "+33612345678", SUNDAY_NOON_PARIS).allowed()).isFalse();
            assertThat(rules.check(MessageClass.MARKETING, "+33612345678", SATURDAY_2130_PARIS).allowed()).isFalse();
            assertThat(rules.check(MessageClass.MARKETING, "+33612345678", GOOD_FRIDAY_NOON_PARIS).allowed()).isTrue();
        }
    }

    @Test
    void eachSettingChangesTheRulesAtTheNextRead() {
        try (AppContext app = AppContext.open(dir)) {
            Settings s = app.settings();
            s.set(ScheduleSettings.PRESET, "france-22h");
            assertThat(app.sendingRules().check(MessageClass.MARKETING, "+33612345678", SATURDAY_2130_PARIS).allowed()).isTrue();
            s.set(ScheduleSettings.ALSACE_MOSELLE, "true");
            assertThat(app.sendingRules().check(MessageClass.MARKETING, "+33612345678", GOOD_FRIDAY_NOON_PARIS).allowed()).isFalse();
            s.set(ScheduleSettings.PRESET, "custom");
            s.set(ScheduleSettings.CUSTOM_DAYS, "dim");
            s.set(ScheduleSettings.CUSTOM_HOURS, "10:00-12:30");
            assertThat(app.sendingRules().check(MessageClass.MARKETING, "+33612345678", SUNDAY_NOON_PARIS).allowed()).isTrue();
            s.set(ScheduleSettings.PRESET, "us");
            assertThat(app.sendingRules().check(MessageClass.MARKETING, "+12125551234", SUNDAY_NOON_PARIS.plusSeconds(3 * 3600))
                    .allowed()).isTrue(); // 09:00 in New York on a Sunday
        }
    }

    @Test
    void aBadValueIsRefusedInWordsAndTheSavedOneKept() {
        try (AppContext app = AppContext.open(dir)) {
            Settings s = app.settings();
            s.set(ScheduleSettings.CUSTOM_HOURS, "09:00-19:00");
            assertThatThrownBy(() -> s.set(ScheduleSettings.CUSTOM_HOURS, "20:00-08:00"))
                    .isInstanceOfSatisfying(ComptoirException.class, e -> {
                        assertThat(Messages.forLanguage("fr").render(e.userMessage())).isEqualTo(
                                "« 20:00-08:00 » n'est pas une plage horaire. Écrivez par exemple 09:00-19:00 "
                                        + "(ouverture avant fermeture, dans la même journée).");
                        assertThat(Messages.forLanguage("en").render(e.userMessage())).startsWith(
                                "\"20:00-08:00\" is not a time range.");
                    });
            assertThat(s.get(ScheduleSettings.CUSTOM_HOURS)).isEqualTo("09:00-19:00");
            assertThatThrownBy(() -> s.set(ScheduleSettings.CUSTOM_DAYS, "lundi"))
                    .isInstanceOfSatisfying(ComptoirException.class,
                            e -> assertThat(e.userMessage().key()).isEqualTo("schedule.error.days"));
            assertThatThrownBy(() -> s.set(ScheduleSettings.PRESET, "uk"))
                    .isInstanceOfSatisfying(ComptoirException.class,
                            e -> assertThat(Messages.forLanguage("fr").render(e.userMessage()))
                                    .isEqualTo("Valeurs possibles : france, france-22h, us, custom."));
            assertThat(s.get(ScheduleSettings.PRESET)).isEqualTo("france");
        }
    }
}
