package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import org.comptoir.gateway.modem.SocatPair;
import org.comptoir.gateway.modem.emulator.ModemEmulator;
import org.comptoir.gateway.modem.emulator.Pdus;
import org.comptoir.i18n.ComptoirException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code comptoir modem check|send} against the emulator on a socat pseudo-terminal. */
@Timeout(60) // a hang on a real pty must fail the build, not stall it
class ModemCommandTest {

    @TempDir
    Path dir;
    SocatPair socat;
    ModemEmulator emulator;
    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();

    @BeforeEach
    void plug() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed (.ci/run installs it)");
        socat = new SocatPair(dir).start();
        emulator = new ModemEmulator(new FileInputStream(socat.modem.toFile()),
                new FileOutputStream(socat.modem.toFile()));
    }

    @AfterEach
    void unplug() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
        if (socat != null) {
            socat.close();
        }
    }

    /** Runs a command on this test's data folder; what every run printed piles up in {@link #out} and {@link #err}. */
    int run(String... args) {
        CliHarness.Result r = CliHarness.run(dir.resolve("data"), args);
        out.append(r.out());
        err.append(r.err());
        return r.code();
    }

    @Test
    void checkSaysWhatItFoundAndWarnsAboutAFrenchSim() {
        int code = run("modem", "check", "--port", socat.app.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("  ", "huawei", "E3372", "Orange F", "20801", "[####-]", "ARCEP");
    }

    @Test
    void checkWithAWrongPinExplainsAndFails() {
        emulator.withPin("1234");
        int code = run("modem", "check", "--port", socat.app.toString(), "--pin", "0000");
        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("CME 16");
        assertThat(emulator.pinsOffered()).containsExactly("0000");
    }

    @Test
    void sendNormalisesTheNumberPrintsReferencesAndWaitsForTheReport() throws Exception {
        // the report arrives as soon as the emulator has the message
        Thread reporter = new Thread(() -> {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (emulator.sent().isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (!emulator.sent().isEmpty()) {
                emulator.statusReport(Pdus.statusReport(emulator.sent().get(0).mr(), "+33612345678", 0));
            }
        }, "test-reporter");
        reporter.start();
        int code = run("modem", "send", "--port", socat.app.toString(), "--to", "06 12 34 56 78", "--wait", "10",
                "Bonjour");
        reporter.join();
        assertThat(code).as(err.toString()).isZero();
        assertThat(emulator.sent()).singleElement().satisfies(s -> {
            assertThat(s.destination()).isEqualTo("+33612345678");
            assertThat(s.text()).isEqualTo("Bonjour");
        });
        assertThat(out.toString()).contains("référence 1", "remis");
    }

    @Test
    void theDailyCapOfTheModemRouteRefusesTheNextSendBeforeTheModemIsTouched() {
        assertThat(run("config", "set", "modem.max-per-day", "1")).isZero();
        assertThat(run("modem", "send", "--port", socat.app.toString(), "--to", "06 12 34 56 78", "Un")).isZero();

        int code = run("modem", "send", "--port", socat.app.toString(), "--to", "07 81 22 33 44", "Deux");

        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("Limite du modem atteinte : 1 SMS");
        assertThat(emulator.sent()).extracting(s -> s.text()).containsExactly("Un");
    }

    @Test
    void anInvalidNumberIsRefusedInWords() {
        int code = run("modem", "send", "--port", socat.app.toString(), "--to", "12", "Bonjour");
        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).isNotBlank();
        assertThat(emulator.sent()).isEmpty();
    }

    @Test
    void normaliseAcceptsNationalAndInternationalMobiles() {
        assertThat(ModemCommand.normalise("06 12 34 56 78", "FR")).isEqualTo("+33612345678");
        assertThat(ModemCommand.normalise("+32 470 12 34 56", "FR")).isEqualTo("+32470123456");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModemCommand.normalise("01 23 45 67 89", "FR"))
                .isInstanceOf(ComptoirException.class);
    }
}
