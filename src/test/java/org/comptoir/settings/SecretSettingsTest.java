package org.comptoir.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret settings are sealed in the database and read back in clear, transparently. */
class SecretSettingsTest {

    @TempDir
    Path dir;

    static List<SettingDefinition> definitions() {
        List<SettingDefinition> all = new ArrayList<>(CoreSettings.DEFINITIONS);
        all.addAll(ModemSettings.DEFINITIONS);
        return all;
    }

    @Test
    void thePinIsStoredEncryptedAndReadBackInClear() {
        try (Database db = Database.open(dir)) {
            Settings settings = new Settings(db, definitions());
            settings.set(ModemSettings.PIN, "1234");
            assertThat(settings.get(ModemSettings.PIN)).isEqualTo("1234");
            String raw = db.withConnection(c -> Jdbc.queryOne(c,
                    "SELECT setting_value FROM till_setting WHERE setting_key = ?", rs -> rs.getString(1), "modem.pin"))
                    .orElseThrow();
            assertThat(raw).startsWith("enc:v1:").doesNotContain("1234");
            assertThat(settings.list()).contains(java.util.Map.entry("modem.pin", "***"));
            String audit = db.withConnection(c -> Jdbc.queryOne(c,
                    "SELECT detail FROM audit WHERE action = 'SETTING_CHANGED'", rs -> rs.getString(1))).orElseThrow();
            assertThat(audit).isEqualTo("modem.pin");
        }
        assertThat(Files.exists(dir.resolve("settings.key"))).isTrue();
        // a second opening of the same folder reads it with the same key
        try (Database db = Database.open(dir)) {
            assertThat(new Settings(db, definitions()).get(ModemSettings.PIN)).isEqualTo("1234");
        }
    }

    @Test
    void sealingTwiceGivesDifferentTextsAndAnotherKeyCannotOpen(@TempDir Path other) {
        SecretBox box = SecretBox.inFolder(dir);
        String a = box.seal("1234");
        assertThat(box.seal("1234")).isNotEqualTo(a);
        assertThat(box.open(a)).isEqualTo("1234");
        assertThat(box.open("plain")).isEqualTo("plain");
        assertThatThrownBy(() -> SecretBox.inFolder(other).open(a)).isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).userMessage().key())
                .isEqualTo("setting.error.secret.unreadable");
    }

    @Test
    void modemSettingsValidate() {
        try (Database db = Database.open(dir)) {
            Settings settings = new Settings(db, definitions());
            assertThat(settings.get(ModemSettings.GATEWAY)).isEqualTo("none");
            assertThat(settings.getInt(ModemSettings.MAX_PER_DAY)).isEqualTo(200);
            assertThatThrownBy(() -> settings.set(ModemSettings.PIN, "12a4")).isInstanceOf(ComptoirException.class);
            assertThatThrownBy(() -> settings.set(ModemSettings.GATEWAY, "pigeon"))
                    .isInstanceOf(ComptoirException.class);
            settings.set(ModemSettings.GATEWAY, "modem");
            assertThat(settings.get(ModemSettings.GATEWAY)).isEqualTo("modem");
        }
    }
}
