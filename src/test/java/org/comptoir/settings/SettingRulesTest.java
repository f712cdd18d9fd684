package org.comptoir.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comptoir.AppContext;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kind of control each setting implies, and the checks across settings, over a real store. */
class SettingRulesTest {

    @TempDir
    Path dir;
    Database db;
    Settings settings;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        settings = new Settings(db, AppContext.settingDefinitions());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theControlComesFromTheValidator() {
        assertThat(settings.definition(ModemSettings.GATEWAY).control())
                .isEqualTo(new SettingControl.Choice(List.of("none", "modem", "http", "rehearsal")));
        assertThat(settings.definition(ModemSettings.STATUS_REPORTS).control()).isInstanceOf(SettingControl.Toggle.class);
        assertThat(settings.definition("consent.double-optin").control()).isInstanceOf(SettingControl.Toggle.class);
        assertThat(settings.definition("campaign.max-parts").control()).isEqualTo(new SettingControl.WholeNumber(1, 6));
        assertThat(settings.definition("sms.price").control()).isEqualTo(new SettingControl.Decimal(0, 5));
        assertThat(settings.definition(CoreSettings.SHOP_NAME).control()).isInstanceOf(SettingControl.Text.class);
        // a definition made the old way, by another feature, gets its control too
        assertThat(SettingDefinition.plain("x.y", "a", Validators.oneOf("a", "b")).control())
                .isEqualTo(new SettingControl.Choice(List.of("a", "b")));
        assertThat(SettingDefinition.number("x.n", 3, 1, 9).validate("10")).isPresent();
    }

    @Test
    void setAllStoresNothingWhenTheCombinationIsWrong() {
        Map<String, String> both = new LinkedHashMap<>();
        both.put(ModemSettings.GAP_MAX_SECONDS, "40");
        both.put(ModemSettings.GAP_MIN_SECONDS, "50");
        assertThatThrownBy(() -> settings.setAll(both)).isInstanceOf(ComptoirException.class)
                .satisfies(e -> assertThat(((ComptoirException) e).userMessage().key()).isEqualTo("setting.error.gap.order"));
        assertThat(settings.isSet(ModemSettings.GAP_MAX_SECONDS)).isFalse();
        assertThat(settings.isSet(ModemSettings.GAP_MIN_SECONDS)).isFalse();
        Long audited = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM audit WHERE action = 'SETTING_CHANGED'"));
        assertThat(audited).isZero();
    }

    @Test
    void setAllAcceptsAPairThatOneByOneWouldBeRefused() {
        // min 30 alone is above the stored max 20; with max 40 in the same save it is fine
        Map<String, String> both = new LinkedHashMap<>();
        both.put(ModemSettings.GAP_MIN_SECONDS, "30");
        both.put(ModemSettings.GAP_MAX_SECONDS, "40");
        settings.setAll(both);
        assertThat(settings.getInt(ModemSettings.GAP_MIN_SECONDS)).isEqualTo(30);
        assertThat(settings.getInt(ModemSettings.GAP_MAX_SECONDS)).isEqualTo(40);
    }

    @Test
    void aStoreWithoutTheModemSettingsHasNoPauseRule() {
        Settings core = new Settings(db, new ArrayList<>(CoreSettings.DEFINITIONS));
        assertThat(core.rules()).isEmpty();
        core.set(CoreSettings.SHOP_NAME, "Léa");
        assertThat(core.get(CoreSettings.SHOP_NAME)).isEqualTo("Léa");
    }

    @Test
    void everySettingOnTheScreenAndEachOfItsChoicesHasANameInBothLanguages() {
        for (String language : List.of("fr", "en")) {
            Messages messages = Messages.forLanguage(language);
            for (SettingDefinition d : settings.definitions()) {
                if (d.secret()) {
                    continue; // not on the screen
                }
                assertThat(messages.has(d.labelKey())).as("%s %s", language, d.labelKey()).isTrue();
                if (d.control() instanceof SettingControl.Choice choice) {
                    for (String value : choice.values()) {
                        assertThat(messages.has("setting." + d.key() + ".choice." + value) || messages.has(d.key() + "." + value))
                                .as("%s name of %s=%s", language, d.key(), value).isTrue();
                    }
                }
            }
        }
    }
}
