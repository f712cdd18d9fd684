package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.comptoir.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second Comptoir process on an open store gets a sentence and exit code 1, not a stack trace. */
class SecondInstanceTest {

    @TempDir
    Path dir;

    @Test
    void secondProcessIsToldTheStoreIsInUse() throws Exception {
        try (Database open = Database.open(dir)) {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(List.of(java, "-Duser.language=fr", "-cp", classPath,
                    "org.comptoir.Launcher", "--data-dir", dir.toString(), "config", "list"))
                    .redirectErrorStream(true)
                    .start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(output).isEqualTo(Cli.FAILED);
            assertThat(output).contains("déjà ouverte par un autre Comptoir").doesNotContain("Exception");
        }
    }
}
