package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
        assertThat(out.toString()).doesNotContain("CME 16");
        assertThat(emulator.pinsOffered()).containsExactly("0000");
    }

    @Test
    void sendNormalisesTheNumberPrintsReferencesAndWaitsForTheReport() {
        emulator.reportFor = s -> Pdus.statusReport(s.mr(), s.destination(), 0, Instant.now());
        int code = run("modem", "send", "--port", socat.app.toString(), "--to", "06 12 34 56 78", "--wait", "10",
                "Bonjour");
        assertThat(code).as(err.toString()).isZero();
        assertThat(emulator.sent()).singleElement().satisfies(s -> {
            assertThat(s.destination()).isEqualTo("+33612345678");
            assertThat(s.text()).isEqualTo("Bonjour");
        });
        assertThat(out.toString()).contains("Message de test", "référence 1", "Partie de référence 1 : remis");
    }

    @Test
    void aReportForOurReferenceButAnotherRecipientOrLeftOnTheSimIsNotOursAndExitIsOne() {
        // yesterday's report for reference 1 waits on the SIM; today's report for reference 1 is for someone else
        emulator.storeSilently(Pdus.statusReport(1, "+33612345678", 0, Instant.now().minus(Duration.ofDays(1))));
        emulator.reportFor = s -> Pdus.statusReport(s.mr(), "+33799999999", 0, Instant.now());
        int code = run("modem", "send", "--port", socat.app.toString(), "--to", "06 12 34 56 78", "--wait", "2",
                "Bonjour");
        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(out.toString()).doesNotContain("remis");
        assertThat(err.toString()).contains("Partie de référence 1 : pas d'accusé de réception dans le délai");
    }

    @Test
    void aFailedPartIsReportedAndExitIsOne() {
        emulator.reportFor = s -> Pdus.statusReport(s.mr(), s.destination(), 0x46, Instant.now());
        int code = run("modem", "send", "--port", socat.app.toString(), "--to", "06 12 34 56 78", "--wait", "10",
                "Bonjour");
        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("Partie de référence 1 : échec de remise");
    }

    @Test
    void aWrongPinIsRememberedAcrossRunsAndTheSavedPinIsUsed() {
        emulator.withPin("1234");
        assertThat(run("modem", "check", "--port", socat.app.toString(), "--pin", "0000")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("il reste 2 essai(s)");
        // the owner runs the same command again (and again): the SIM never sees that PIN a second time
        assertThat(run("modem", "check", "--port", socat.app.toString(), "--pin", "0000")).isEqualTo(Cli.FAILED);
        assertThat(run("modem", "check", "--port", socat.app.toString(), "--pin", "0000")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("déjà refusé ce code PIN");
        assertThat(emulator.pinsOffered()).containsExactly("0000");
        assertThat(emulator.simState()).isEqualTo("SIM PIN");
        // the right PIN, saved once, is what the command line offers when none is typed
        assertThat(run("config", "set", "modem.pin", "1234")).isZero();
        assertThat(run("modem", "check", "--port", socat.app.toString())).as(err.toString()).isZero();
        assertThat(emulator.pinsOffered()).containsExactly("0000", "1234");
    }

    @Test
    void anEightPartTestMessageIsRefusedUnderTheCampaignPartsLimitBeforeTheModemIsTouched() {
        int code = run("modem", "send", "--port", socat.app.toString(), "--to", "06 12 34 56 78",
                "Une très longue promotion. ".repeat(40));
        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("au plus 3 (réglage campaign.max-parts)");
        assertThat(emulator.commands()).isEmpty();
    }

    @Test
    void theDailyCapCountsPartsNotMessages() {
        assertThat(run("config", "set", "modem.max-per-day", "3")).isZero();
        String twoParts = "Chère cliente, notre boutique a 10 ans! ".repeat(5);
        assertThat(run("modem", "send", "--port", socat.app.toString(), "--to", "06 12 34 56 78", twoParts))
                .as(err.toString()).isZero();
        int code = run("modem", "send", "--port", socat.app.toString(), "--to", "06 12 34 56 78", twoParts);
        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("Limite du modem atteinte : 3 SMS");
        assertThat(emulator.sent()).hasSize(2);
    }

    @Test
    void anUnknownSignalIsSaidSoAndTheCheckFollowsTheLanguageSetting() {
        emulator.rssi = 99;
        assertThat(run("config", "set", "ui.language", "en")).isZero();
        int code = run("modem", "check", "--port", socat.app.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Signal: unknown", "The modem is ready").doesNotContain("0/5");
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
