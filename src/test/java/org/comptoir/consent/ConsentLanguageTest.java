package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.comptoir.settings.CoreSettings;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consent wording is the shop's, in the languages it chose: the owner's UI language never moves it. */
class ConsentLanguageTest {

    @TempDir
    Path dir;
    ConsentFixture f;

    @BeforeEach
    void open() {
        f = new ConsentFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    long wordings() {
        return f.db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM consent_wording"));
    }

    @Test
    void changingTheUiLanguageNeverChangesTheWording() {
        f.settings.set(CoreSettings.UI_LANGUAGE, "fr");
        ConsentWording first = f.consent.currentWording();
        assertThat(first.language()).isEqualTo("fr");
        assertThat(f.settings.isSet(ConsentSettings.LANGUAGES)).as("the first wording fixes the choice").isTrue();

        f.settings.set(CoreSettings.UI_LANGUAGE, "en");
        assertThat(f.consent.currentWording()).isEqualTo(first);
        assertThat(f.consent.consentLanguages()).containsExactly("fr");
        assertThat(wordings()).isEqualTo(1);
    }

    @Test
    void aStoreFromBeforeTheSettingKeepsTheLanguageOfTheWordingsItShowed() {
        // an older version wrote the wording in the UI language of the time (English); the setting does not exist
        f.settings.set(CoreSettings.UI_LANGUAGE, "en");
        f.consent.currentWording("en");
        f.db.withConnection(c -> Jdbc.update(c, "DELETE FROM setting WHERE setting_key = ?", ConsentSettings.LANGUAGES));
        f.settings.set(CoreSettings.UI_LANGUAGE, "fr");
        assertThat(f.consent.currentWording().language()).isEqualTo("en");
        assertThat(f.settings.get(ConsentSettings.LANGUAGES)).isEqualTo("en");
    }

    @Test
    void aShopOfferingBothLanguagesKeepsOneCurrentWordingPerLanguage() {
        f.settings.set(ConsentSettings.LANGUAGES, "en,fr");
        assertThat(f.consent.consentLanguages()).containsExactly("en", "fr");
        ConsentWording en = f.consent.currentWording();
        ConsentWording fr = f.consent.currentWording("fr");
        assertThat(en.language()).isEqualTo("en");
        assertThat(fr.language()).isEqualTo("fr");
        assertThat(fr.text()).startsWith("J’accepte").contains("Léa Fleurs");
        assertThat(fr.version()).isEqualTo(en.version() + 1);
        // shown in turn to customers, neither makes a new version
        assertThat(f.consent.currentWording("en")).isEqualTo(en);
        assertThat(f.consent.currentWording("fr")).isEqualTo(fr);
        assertThat(wordings()).isEqualTo(2);
        // a change of shop name is a new version of each, on its next showing
        f.settings.set(CoreSettings.SHOP_NAME, "Léa & Fils");
        assertThat(f.consent.currentWording("fr").version()).isEqualTo(3);
        assertThat(f.consent.currentWording("en").version()).isEqualTo(4);
    }
}
