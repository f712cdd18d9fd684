package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.comptoir.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real command line over a real data folder. */
class CliTest {

    @TempDir
    Path dir;

    Result run(String... args) {
        return CliHarness.run(dir, args);
    }

    @Test
    void versionNamesTheApplication() {
        Result r = run("version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Comptoir ").contains("Java 1");
    }

    @Test
    void configSetThenGetThenList() {
        assertThat(run("config", "set", "shop.name", "Léa Fleurs").code()).isZero();
        Result get = run("config", "get", "shop.name");
        assertThat(get.out().strip()).isEqualTo("Léa Fleurs");
        Result list = run("config", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("shop.country").contains("FR").contains("optout.mention")
                .contains("STOP au 36180");
    }

    @Test
    void invalidValueExitsOneWithAFrenchSentenceAndKeepsTheOldValue() {
        run("config", "set", "shop.country", "FR");
        Result r = run("config", "set", "shop.country", "France");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("n'est pas un code pays ISO");
        assertThat(run("config", "get", "shop.country").out().strip()).isEqualTo("FR");
    }

    @Test
    void unknownKeyExitsOne() {
        Result r = run("config", "get", "nope");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("Réglage inconnu");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("config", "set", "shop.name").code()).isEqualTo(Cli.USAGE);
        assertThat(run("frobnicate").code()).isEqualTo(Cli.USAGE);
        assertThat(run().code()).isEqualTo(Cli.USAGE);
    }

    @Test
    void helpExitsZero() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("config").contains("--data-dir");
    }
}
