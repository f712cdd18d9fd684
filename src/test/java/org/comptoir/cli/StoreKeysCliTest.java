package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.consent.SubjectKey;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's identity is the store's, not one PC's: a second till of a chain's PostgreSQL is refused until it takes
 * the store's keys with the passphrase ({@code store join}), and then sees the same customer for the same number and
 * opens the secrets the first till sealed in the shared settings.
 */
@ExtendWith(PostgresServer.class)
@Timeout(300)
class StoreKeysCliTest {

    private static final String PASSPHRASE = "la phrase de la chaîne";
    private static final PhoneNumber CUSTOMER = new PhoneNumber("+33612345678");

    @TempDir
    Path dir;

    @Test
    void aSecondTillJoinsWithThePassphraseAndSeesTheSameCustomers(PostgresServer pg) throws Exception {
        String url = pg.newDatabase();
        Path first = dir.resolve("till-1");
        Path second = dir.resolve("till-2");
        pointAt(first, url);
        pointAt(second, url); // seals its store password with a settings key of its own, for now
        try (AppContext till = AppContext.open(first)) {
            till.settings().set("shop.name", "Fleurs du Marché");
            till.settings().set(SECRET, "jeton-secret");
            till.consent().recordOptIn(CUSTOMER, "Léa", till.consent().currentWording().id(), Channel.TILL, "Nina");
        }
        assertThatThrownBy(() -> AppContext.open(second)).as("no ledger key: never a second identity")
                .isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).userMessage().key()).isEqualTo("consent.key.missing");

        CliHarness.Result none = CliHarness.run(second, "store", "join", "--passphrase=" + PASSPHRASE);
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("share-keys");
        CliHarness.Result shared = CliHarness.run(first, "store", "share-keys", "--passphrase=" + PASSPHRASE);
        assertThat(shared.code()).as(shared.err()).isZero();

        CliHarness.Result wrong = CliHarness.run(second, "store", "join", "--passphrase=une autre phrase");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(Files.exists(second.resolve(SubjectKey.FILE_NAME))).as("nothing written").isFalse();

        CliHarness.Result joined = CliHarness.run(second, "store", "join", "--passphrase=" + PASSPHRASE);
        assertThat(joined.code()).as(joined.err()).isZero();
        try (AppContext till = AppContext.open(second)) {
            assertThat(till.consent().lookup(CUSTOMER).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
            assertThat(till.settings().get(SECRET)).as("the shared settings' secrets open").isEqualTo("jeton-secret");
            till.consent().recordOptOut(CUSTOMER, Channel.TILL, "Paul", null);
        }
        try (AppContext till = AppContext.open(first)) {
            assertThat(till.consent().lookup(CUSTOMER).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_OUT);
            assertThat(till.consent().verify().intact()).isTrue();
        }
    }

    @Test
    void aTillHoldingAnotherStoresLedgerKeyIsNeverRewritten(PostgresServer pg) throws Exception {
        String url = pg.newDatabase();
        Path first = dir.resolve("till-1");
        Path other = dir.resolve("other-shop");
        pointAt(first, url);
        try (AppContext till = AppContext.open(first)) {
            till.settings().set("shop.name", "Fleurs du Marché");
            till.consent().recordOptIn(CUSTOMER, null, till.consent().currentWording().id(), Channel.TILL, "Nina");
        }
        assertThat(CliHarness.run(first, "store", "share-keys", "--passphrase=" + PASSPHRASE).code()).isZero();
        try (AppContext own = AppContext.open(other)) { // a till that has its own embedded store and key
            assertThat(own.consent().verify().intact()).isTrue();
        }
        byte[] before = Files.readAllBytes(other.resolve(SubjectKey.FILE_NAME));
        pointAt(other, url);
        CliHarness.Result join = CliHarness.run(other, "store", "join", "--passphrase=" + PASSPHRASE);
        assertThat(join.code()).isEqualTo(1);
        assertThat(join.err()).contains(SubjectKey.FILE_NAME);
        assertThat(Files.readAllBytes(other.resolve(SubjectKey.FILE_NAME))).isEqualTo(before);
        assertThat(CliHarness.run(first, "store", "share-keys", "--passphrase=court").code())
                .as("a short passphrase is refused").isEqualTo(1);
    }

    private static final String SECRET = "http.twilio.authToken";

    private static void pointAt(Path till, String url) {
        for (String[] kv : new String[][] {{"store.mode", "postgresql"}, {"store.url", url},
                {"store.user", PostgresServer.USER}, {"store.password", PostgresServer.PASSWORD}}) {
            CliHarness.Result r = CliHarness.run(till, "config", "set", kv[0], kv[1]);
            assertThat(r.code()).as(r.err()).isZero();
        }
    }
}
