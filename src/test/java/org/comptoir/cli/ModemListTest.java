package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path data = dir.resolve("data");
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), "--data-dir", data.toString(), "modem", "list");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).containsAnyOf("Ports série", "Serial ports", "Aucun port série", "No serial port");
        assertThat(Files.exists(data)).isFalse();
    }
}
