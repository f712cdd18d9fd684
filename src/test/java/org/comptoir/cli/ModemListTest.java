package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code modem list} works on whatever ports this machine has, and never opens the data folder. */
class ModemListTest {

    @TempDir
    Path dir;

    @Test
    void listsPortsWithoutTheStore() {
        Path data = dir.resolve("data");
        CliHarness.Result r = CliHarness.run(data, "modem", "list");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsAnyOf("Ports série", "Serial ports", "Aucun port série", "No serial port");
        assertThat(Files.exists(data)).isFalse();
    }
}
