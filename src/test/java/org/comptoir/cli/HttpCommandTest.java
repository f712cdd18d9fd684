package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config set http.*} then {@code http test} / {@code http send} against a Twilio-shaped server on loopback:
 * the credential is sealed in the store, never printed back, and the balance is shown.
 */
class HttpCommandTest {

    static final String TOKEN = "cli-t0ken-ab12cd34";

    @TempDir
    Path dir;

    MockWebServer server = new MockWebServer();

    @BeforeEach
    void configure() throws Exception {
        server.start();
        String base = server.url("/").toString();
        for (String[] kv : new String[][] {{"http.provider", "twilio"}, {"http.baseUrl", base},
                {"http.twilio.accountSid", "AC42"}, {"http.twilio.authToken", TOKEN}, {"http.twilio.from", "+33700000001"},
                {"gateway", "http"}}) {
            assertThat(CliHarness.run(dir, "config", "set", kv[0], kv[1]).code()).isZero();
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void testPrintsTheCreditAndTheTokenStaysSealed() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"balance\":\"3.20\",\"currency\":\"EUR\"}").build());

        CliHarness.Result r = CliHarness.run(dir, "http", "test");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Identifiants acceptés par twilio").contains("Crédit restant : 3.20 EUR");
        RecordedRequest req = server.takeRequest();
        assertThat(req.getTarget()).isEqualTo("/2010-04-01/Accounts/AC42/Balance.json");

        CliHarness.Result list = CliHarness.run(dir, "config", "list");
        assertThat(list.out()).contains("http.twilio.authToken").doesNotContain(TOKEN);
        assertThat(CliHarness.run(dir, "config", "get", "http.twilio.authToken").out().strip()).isEqualTo("***");
        try (Database db = Database.open(dir)) {
            String raw = db.withConnection(c -> Jdbc.queryOne(c, "SELECT setting_value FROM setting WHERE setting_key = ?",
                    rs -> rs.getString(1), "http.twilio.authToken")).orElseThrow();
            assertThat(raw).startsWith("enc:v1:").doesNotContain(TOKEN);
        }
    }

    @Test
    void refusedCredentialsSayWhatToCheckWithoutTheToken() {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"code\":20003,\"message\":\"Authenticate " + TOKEN + "\"}").build());

        CliHarness.Result r = CliHarness.run(dir, "http", "test");

        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).contains("refuse les identifiants (HTTP 401)").doesNotContain(TOKEN);
        assertThat(r.err()).doesNotContain(TOKEN);
    }

    @Test
    void sendGoesThroughTheProviderAndShowsItsParts() {
        server.enqueue(new MockResponse.Builder().code(201).body("{\"sid\":\"SM9\",\"num_segments\":\"1\"}").build());

        CliHarness.Result r = CliHarness.run(dir, "http", "send", "--to", "06 12 34 56 78", "Bonjour ☀");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("SM9").contains("1 partie");
    }

    @Test
    void aBadAddressIsRefusedInWordsAndTheOldOneKept() {
        CliHarness.Result r = CliHarness.run(dir, "config", "set", "http.baseUrl", "ftp://nope");

        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err() + r.out()).contains("http://");
        assertThat(CliHarness.run(dir, "config", "get", "http.baseUrl").out().strip()).startsWith("http://");
    }
}
