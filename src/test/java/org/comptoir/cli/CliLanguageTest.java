package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --help and usage errors in the install's language (the data folder's remembered UI language), FR and EN. */
class CliLanguageTest {

    @TempDir
    Path dir;

    Path install(String language) throws IOException {
        return CliHarness.install(dir, language);
    }

    @Test
    void helpIsInFrenchInAFrenchInstall() throws IOException {
        CliHarness.Result r = CliHarness.run(install("fr"), "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage : comptoir").contains("Commandes :").contains("Options :")
                .contains("Affiche cette aide et quitte.").contains("Dossier des données")
                .contains("consent    Vérifie le registre des consentements.").doesNotContain("Show this help message");
    }

    @Test
    void helpIsInEnglishInAnEnglishInstall() throws IOException {
        CliHarness.Result r = CliHarness.run(install("en"), "--help");
        assertThat(r.out()).startsWith("Usage: comptoir").contains("Commands:").contains("Show this help message and exit.");
    }

    @Test
    void usageErrorsAreInTheInstallsLanguageWithExitCode2() throws IOException {
        CliHarness.Result fr = CliHarness.run(install("fr"), "--nimporte");
        assertThat(fr.code()).isEqualTo(Cli.USAGE);
        assertThat(fr.err()).contains("Option ou argument inconnu : --nimporte").contains("Voir « comptoir --help ».")
                .doesNotContain("Unknown option");
        CliHarness.Result en = CliHarness.run(install("en"), "--nimporte");
        assertThat(en.code()).isEqualTo(Cli.USAGE);
        assertThat(en.err()).contains("Unknown option or argument: --nimporte");
        // a missing value, in a subcommand
        CliHarness.Result missing = CliHarness.run(install("fr"), "config", "set");
        assertThat(missing.code()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).startsWith("Il manque : ").contains("comptoir config set --help");
    }

    @Test
    void bothHelpBundlesHaveTheSameKeys() throws IOException {
        assertThat(keys("fr")).isEqualTo(keys("en")).isNotEmpty();
    }

    private static java.util.Set<String> keys(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CliLanguageTest.class.getResourceAsStream("/org/comptoir/i18n/cli_" + lang + ".properties")) {
            p.load(in);
        }
        return p.stringPropertyNames();
    }

    @Test
    void aStoreOpenedFromTheCommandLineTeachesItsLanguageToWhatRunsBeforeAStoreIsOpen() throws IOException {
        Path fresh = dir.resolve("fresh"); // no window ever ran here, and this machine's language is not asked
        assertThat(CliHarness.run(fresh, "config", "set", "ui.language", "fr").code()).isZero();
        CliHarness.Result storeSetting = CliHarness.run(fresh, "config", "set", "store.mode", "embedded");
        assertThat(storeSetting.code()).as(storeSetting.err()).isZero();
        assertThat(storeSetting.out()).contains("enregistré").doesNotContain("saved");

        assertThat(CliHarness.run(fresh, "config", "set", "ui.language", "en").code()).isZero();
        assertThat(CliHarness.run(fresh, "config", "set", "store.mode", "embedded").out()).contains("saved");
    }
}
