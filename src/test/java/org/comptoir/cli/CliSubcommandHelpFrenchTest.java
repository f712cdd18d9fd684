package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A French install describes the second-level commands in French too; an English one keeps English. */
class CliSubcommandHelpFrenchTest {

    @TempDir
    Path dir;

    Path install(String language) throws IOException {
        return CliHarness.install(dir, language);
    }

    @Test
    void theSubcommandsOfConfigAreListedInFrench() throws IOException {
        CliHarness.Result r = CliHarness.run(install("fr"), "config", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Commandes :").contains("Chaque réglage avec sa valeur et ce qu'il veut dire.")
                .contains("Affiche la valeur d'un réglage.").doesNotContain("Every setting with its value");
    }

    @Test
    void aSecondLevelCommandsOwnHelpIsInFrench() throws IOException {
        CliHarness.Result r = CliHarness.run(install("fr"), "inbox", "sync", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage : comptoir inbox sync").contains("Relève ce qui attend à la passerelle choisie");
    }

    @Test
    void anEnglishInstallKeepsTheEnglishDescriptions() throws IOException {
        CliHarness.Result r = CliHarness.run(install("en"), "config", "--help");
        assertThat(r.out()).contains("Every setting with its value and what it means.");
    }
}
