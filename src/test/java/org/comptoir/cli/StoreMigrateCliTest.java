package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.comptoir.AppContext;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.Recipient;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.dispatch.Outbox;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.StoreMigration;
import org.comptoir.settings.StoreSettings;
import org.comptoir.store.Jdbc;
import org.comptoir.store.PostgresServer;
import org.comptoir.store.StoreMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code store migrate --to postgresql}: a shop's embedded store, with everything a store holds after months at the
 * till (contacts, consents, a STOP, an erased number, a campaign with queued and sent rows), is copied to a real
 * PostgreSQL, verified on both sides, and the till then works on the server: the ledger verifies, the STOP still
 * suppresses, new rows get new ids. A server that is not there, a database that is not empty, a broken ledger or a
 * copy that does not verify change nothing and say why.
 */
@ExtendWith(PostgresServer.class)
@Timeout(300)
class StoreMigrateCliTest {

    private static final PhoneNumber LEA = new PhoneNumber("+33612345601");
    private static final PhoneNumber MARC = new PhoneNumber("+33612345602");
    private static final PhoneNumber STOPPED = new PhoneNumber("+33612345603");
    private static final PhoneNumber ERASED = new PhoneNumber("+33612345604");
    private static final Instant SENT_AT = Instant.parse("2026-11-28T10:15:00Z");

    @TempDir
    Path dir;

    Path till;
    Path passwordFile;
    long campaign;

    @BeforeEach
    void aShopsStore() throws Exception {
        till = dir.resolve("till");
        passwordFile = dir.resolve("pg-password");
        Files.writeString(passwordFile, PostgresServer.PASSWORD + "\n", StandardCharsets.UTF_8);
        try (AppContext ctx = AppContext.open(till)) {
            ctx.settings().set("shop.name", "Fleurs du Marché");
            ctx.settings().set("http.twilio.authToken", "jeton-secret"); // sealed with the store's settings key
            long wording = ctx.consent().currentWording().id();
            for (PhoneNumber n : List.of(LEA, MARC, STOPPED, ERASED)) {
                ctx.consent().recordOptIn(n, "Client " + n.e164().substring(10), wording, Channel.TILL, "Nina");
            }
            ctx.consent().recordOptOut(STOPPED, Channel.SMS_KEYWORD, null, "STOP");
            ctx.consent().erase(ERASED, "Nina");
            Campaign draft = ctx.campaigns().saveDraft(Campaign.draft("Promo", CampaignKind.MARKETING,
                    "Promo -20 %", "", null));
            campaign = ctx.campaigns().schedule(draft.id(), ScheduleRequest.asap()).id();
            new Outbox(ctx.database(), ctx.campaigns(), Clock.systemUTC()).start(campaign);
            // one message already went out: recipient_sends (the frequency cap) holds it
            ctx.database().withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'SENT', sent_at = ? "
                    + "WHERE campaign_id = ? AND recipient_e164 = ?", SENT_AT, campaign, LEA.e164()));
        }
    }

    @Test
    void theStoreMovesToPostgresqlAndTheTillWorksThereWithTheSameLedger(PostgresServer pg) throws Exception {
        String before = verifyHead(till);
        String url = pg.newDatabase();

        CliHarness.Result moved = migrate(url);
        assertThat(moved.code()).as(moved.err()).isZero();
        assertThat(moved.out()).contains(before).contains("outbox").contains("consent_event");

        assertThat(CliHarness.run(till, "config", "get", "store.mode").out().strip()).isEqualTo("postgresql");
        assertThat(CliHarness.run(till, "config", "get", "store.url").out().strip()).isEqualTo(url);
        assertThat(Files.readString(till.resolve(StoreSettings.FILE_NAME))).doesNotContain(PostgresServer.PASSWORD);
        assertThat(till.resolve(".migrating")).as("the staging folder is gone").doesNotExist();
        assertThat(verifyHead(till)).as("consent verify on the server: the same head").isEqualTo(before);

        try (AppContext ctx = AppContext.open(till)) {
            assertThat(ctx.database().target().mode()).isEqualTo(StoreMode.POSTGRESQL);
            assertThat(ctx.settings().get("shop.name")).isEqualTo("Fleurs du Marché");
            assertThat(ctx.settings().get("http.twilio.authToken")).isEqualTo("jeton-secret");
            assertThat(ctx.consent().lookup(STOPPED).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_OUT);
            assertThat(ctx.consent().allowsMarketing(STOPPED)).isFalse();
            assertThat(ctx.consent().allowsMarketing(ERASED)).isFalse();
            assertThat(ctx.consent().allowsMarketing(LEA)).isTrue();
            List<String> audience = ctx.campaigns().audience().page(new Audience(CampaignKind.MARKETING, null), 0, 100)
                    .stream().map(Recipient::phoneE164).toList();
            assertThat(audience).as("the STOP and the erasure still suppress").containsExactlyInAnyOrder(LEA.e164(),
                    MARC.e164());
            List<String> queued = ctx.database().withConnection(c -> Jdbc.query(c, "SELECT recipient_e164 || ':' || "
                    + "state FROM outbox WHERE campaign_id = ? ORDER BY id", rs -> rs.getString(1), campaign));
            assertThat(queued).as("each row with its state; their ids follow the subjects, not the opt-ins")
                    .containsExactlyInAnyOrder(LEA.e164() + ":SENT", MARC.e164() + ":QUEUED");
            long sends = ctx.database().withConnection(c -> Jdbc.queryLong(c, "SELECT CARDINALITY(recent) FROM "
                    + "recipient_sends WHERE subject = ?", ctx.consent().subjectOf(LEA)));
            assertThat(sends).as("the frequency cap's count came along").isEqualTo(1);

            // new rows on the server continue after the copied ids
            ctx.consent().recordOptIn(new PhoneNumber("+33612345605"), "Nouvelle", ctx.consent().currentWording().id(),
                    Channel.TILL, "Nina");
            Campaign next = ctx.campaigns().saveDraft(Campaign.draft("Suite", CampaignKind.MARKETING, "Suite", "", null));
            assertThat(next.id()).isGreaterThan(campaign);
            assertThat(ctx.consent().verify().intact()).isTrue();
        }
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            assertThat(Jdbc.queryLong(c, "SELECT COUNT(*) FROM contact WHERE phone_e164 = ?", ERASED.e164()))
                    .as("the erased number's contact row stays erased").isZero();
        }
    }

    @Test
    void aDatabaseThatIsNotEmptyIsLeftAsItIsAndTheTillStaysOnItsFile(PostgresServer pg) throws Exception {
        String url = pg.newDatabase();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            c.createStatement().execute("CREATE TABLE invoices (id INT PRIMARY KEY)");
            c.createStatement().execute("INSERT INTO invoices VALUES (7)");
        }
        CliHarness.Result r = migrate(url);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("invoices").doesNotContain("Exception");
        assertStillOnItsFile();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            assertThat(tables(c)).containsExactly("invoices");
            assertThat(Jdbc.queryLong(c, "SELECT id FROM invoices")).isEqualTo(7);
        }
    }

    @Test
    void aServerThatIsNotThereChangesNothingAndIsNamed() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String away = "jdbc:postgresql://127.0.0.1:" + closed + "/comptoir";
        CliHarness.Result r = migrate(away);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(away).doesNotContain("Exception");
        assertStillOnItsFile();
    }

    @Test
    void aWrongPasswordIsRefusedPlainly(PostgresServer pg) throws Exception {
        String url = pg.newDatabase();
        Files.writeString(passwordFile, "pas le bon\n", StandardCharsets.UTF_8);
        CliHarness.Result r = migrate(url);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("store.password").doesNotContain("pas le bon");
        assertStillOnItsFile();
    }

    @Test
    void aLedgerThatDoesNotVerifyIsNotCopied(PostgresServer pg) throws Exception {
        try (AppContext ctx = AppContext.open(till)) { // an edit in place, as a doctored file would hold
            ctx.database().withConnection(c -> Jdbc.update(c, "UPDATE consent_event SET staff = 'Paul' WHERE seq = 2"));
        }
        String url = pg.newDatabase();
        CliHarness.Result r = migrate(url);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("consent verify");
        assertThat(CliHarness.run(till, "config", "get", "store.mode").out().strip()).isEqualTo("embedded");
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            assertThat(tables(c)).as("nothing made on the server").isEmpty();
        }
    }

    @Test
    void aCopyThatDoesNotVerifyOnTheServerIsRemovedAndTheTillStaysOnItsFile(PostgresServer pg) throws Exception {
        String url = pg.newDatabase();
        // the copy is damaged on its way (as a faulty link or a meddling server would): the real verification of the
        // copy, opened as the application opens it, must catch it before the till is switched
        StoreMigration.Verifier damaging = folder -> {
            if (!folder.equals(till)) {
                try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
                    c.createStatement().execute("UPDATE consent_event SET evidence = 'altered' WHERE seq = 3");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return StoreMigrateCommand.verify(folder);
        };
        assertThatThrownBy(() -> new StoreMigration(till, damaging).toPostgresql(url, PostgresServer.USER,
                PostgresServer.PASSWORD)).isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).userMessage().key()).isEqualTo("store.migrate.verify.failed");
        assertStillOnItsFile();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            assertThat(tables(c)).as("the failed copy was removed: the owner can try again").isEmpty();
        }
        CliHarness.Result again = migrate(url);
        assertThat(again.code()).as(again.err()).isZero();
    }

    private CliHarness.Result migrate(String url) {
        return CliHarness.run(till, "store", "migrate", "--to", "postgresql", "--url", url, "--user",
                PostgresServer.USER, "--password-file", passwordFile.toString());
    }

    private void assertStillOnItsFile() {
        assertThat(CliHarness.run(till, "config", "get", "store.mode").out().strip()).isEqualTo("embedded");
        assertThat(CliHarness.run(till, "config", "get", "store.url").out().strip()).isEmpty();
        try (AppContext ctx = AppContext.open(till)) {
            assertThat(ctx.database().target().mode()).isEqualTo(StoreMode.EMBEDDED);
            assertThat(ctx.consent().lookup(LEA).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        }
    }

    /** {@code consent verify --json}'s head as {@code seq:hash}, after checking it says intact. */
    private static String verifyHead(Path till) throws Exception {
        CliHarness.Result v = CliHarness.run(till, "consent", "verify", "--json");
        assertThat(v.code()).as(v.err()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(v.out());
        assertThat(json.get("intact").asBoolean()).isTrue();
        return json.get("head").get("seq").asLong() + ":" + json.get("head").get("hash").asText();
    }

    private static List<String> tables(Connection c) throws java.sql.SQLException {
        return Jdbc.query(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " ORDER BY 1", rs -> rs.getString(1));
    }
}
