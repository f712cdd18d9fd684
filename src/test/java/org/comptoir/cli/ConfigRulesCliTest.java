package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.comptoir.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config set} refuses the combinations the settings screen refuses, and keeps what was there. */
class ConfigRulesCliTest {

    @TempDir
    Path dir;

    Result run(String... args) {
        return CliHarness.run(dir, args);
    }

    @Test
    void aShortestPauseAboveTheLongestIsRefusedFromEitherSide() {
        assertThat(run("config", "set", "modem.gap-max-seconds", "20").code()).isZero();
        Result min = run("config", "set", "modem.gap-min-seconds", "30");
        assertThat(min.code()).isEqualTo(Cli.FAILED);
        assertThat(min.err()).contains("La pause minimale entre deux SMS (30 s) dépasse la pause maximale (20 s)");
        assertThat(run("config", "get", "modem.gap-min-seconds").out().strip()).isEqualTo("8");

        Result max = run("config", "set", "modem.gap-max-seconds", "5");
        assertThat(max.code()).isEqualTo(Cli.FAILED);
        assertThat(max.err()).contains("(8 s)").contains("(5 s)");
        assertThat(run("config", "get", "modem.gap-max-seconds").out().strip()).isEqualTo("20");

        // equal is fine: a fixed pause
        assertThat(run("config", "set", "modem.gap-min-seconds", "20").code()).isZero();
        assertThat(run("config", "get", "modem.gap-min-seconds").out().strip()).isEqualTo("20");
    }

    @Test
    void theGatewayTakesTheRehearsalAndNothingOutsideItsList() {
        assertThat(run("config", "set", "gateway", "rehearsal").code()).isZero();
        assertThat(run("config", "get", "gateway").out().strip()).isEqualTo("rehearsal");
        Result r = run("config", "set", "gateway", "pigeon");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("none, modem, http, rehearsal");
        assertThat(run("config", "get", "gateway").out().strip()).isEqualTo("rehearsal");
    }

    @Test
    void theListSaysWhichValuesEachSettingTakes() {
        Result list = run("config", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("Valeurs : none, modem, http, rehearsal")
                .contains("Valeurs : true ou false")
                .contains("Nombre de 1 à 6")
                .contains("Nombre de 0 à 5");
    }
}
