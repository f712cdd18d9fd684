package org.comptoir.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;
    Database db;
    Settings settings;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        settings = new Settings(db, CoreSettings.DEFINITIONS);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void defaultsUntilSet() {
        assertThat(settings.get("shop.country")).isEqualTo("FR");
        assertThat(settings.get("optout.mention")).isEqualTo("STOP au 36180");
        assertThat(settings.isSet("shop.name")).isFalse();
    }

    @Test
    void setStoresTrimmedValueAndAudits() {
        settings.set("shop.name", "  Léa Fleurs ");
        assertThat(settings.get("shop.name")).isEqualTo("Léa Fleurs");
        assertThat(settings.isSet("shop.name")).isTrue();
        Long audited = db.withConnection(c -> Jdbc.queryLong(c,
                "SELECT COUNT(*) FROM audit WHERE action = 'SETTING_CHANGED' AND detail = 'shop.name=Léa Fleurs'"));
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void invalidValueIsRefusedAndPreviousKept() {
        settings.set("shop.country", "BE");
        assertThatThrownBy(() -> settings.set("shop.country", "France"))
                .isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).userMessage().key())
                .isEqualTo("setting.error.country");
        assertThat(settings.get("shop.country")).isEqualTo("BE");
    }

    @Test
    void optOutMentionMustSayStop() {
        assertThatThrownBy(() -> settings.set("optout.mention", "Désinscription au 36180"))
                .isInstanceOf(ComptoirException.class);
        settings.set("optout.mention", "STOP au 36111");
        assertThat(settings.get("optout.mention")).isEqualTo("STOP au 36111");
    }

    @Test
    void unknownKeyIsRefused() {
        assertThatThrownBy(() -> settings.set("shop.colour", "blue"))
                .isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).userMessage().key())
                .isEqualTo("setting.error.unknown");
    }
}
