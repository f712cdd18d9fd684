package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.comptoir.AppContext;
import org.comptoir.cli.CliHarness;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff names and evidence texts never carry control characters to the terminal or the UI: rows already in a store
 * (written by an older version, or by hand with SQL, as here) are shown spelled out; new ones are cleaned at entry.
 */
class ControlCharactersTest {

    private static final PhoneNumber MARIE = new PhoneNumber("+33612345678");
    /** Clears the screen, sets the terminal's title, rings, then reverses the text that follows. */
    private static final String HOSTILE_STAFF = "L\u001b[2J\u001b]0;pwned\u0007éa\u202E";
    private static final String HOSTILE_EVIDENCE = "STOP\r\n\u001b[31mrouge";

    @TempDir
    Path dataDir;

    @Test
    void oldRowsAreShownSpelledOutAndNewOnesAreCleaned() {
        try (AppContext app = AppContext.open(dataDir)) {
            app.settings().set("shop.name", "Léa Fleurs");
            ConsentService consent = app.consent();
            consent.recordOptIn(MARIE, "Marie", consent.currentWording().id(), Channel.TILL, "Léa");
            consent.recordOptOut(MARIE, Channel.SMS_KEYWORD, null, "STOP");
            app.database().withConnection(c -> Jdbc.update(c,
                    "UPDATE consent_event SET staff = ? WHERE seq = 1", HOSTILE_STAFF)
                    + Jdbc.update(c, "UPDATE consent_event SET evidence = ? WHERE seq = 2", HOSTILE_EVIDENCE));

            var history = consent.history(MARIE);
            assertThat(history.get(0).staff()).isEqualTo("L\\u001B[2J\\u001B]0;pwned\\u0007éa\\u202E");
            assertThat(history.get(1).evidence()).isEqualTo("STOP\\u000D\\u000A\\u001B[31mrouge");
            history.forEach(e -> {
                assertThat(noControls(e.staff())).isTrue();
                assertThat(noControls(e.evidence())).isTrue();
                assertThat(noControls(e.wordingText())).isTrue();
            });
            assertThat(consent.verify().intact()).as("the edit itself is still caught by the chain").isFalse();

            // at entry: a new row never stores them
            consent.recordOptIn(MARIE, "Marie", consent.currentWording().id(), Channel.TILL, "Bob\u001b[31m");
            String stored = app.database().withConnection(c -> Jdbc.queryOne(c,
                    "SELECT staff FROM consent_event WHERE seq = 3", rs -> rs.getString(1))).orElseThrow();
            assertThat(stored).isEqualTo("Bob [31m");
        }

        CliHarness.Result text = CliHarness.run(dataDir, "contact", "show", MARIE.e164());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("L\\u001B[2J").doesNotContain("\u001b").doesNotContain("\u202E");
        CliHarness.Result json = CliHarness.run(dataDir, "contact", "show", MARIE.e164(), "--json");
        assertThat(json.out()).doesNotContain("\u001b").contains("u001B[31mrouge");
    }

    private static boolean noControls(String s) {
        return s == null || s.codePoints().noneMatch(ConsentService::isControl);
    }
}
