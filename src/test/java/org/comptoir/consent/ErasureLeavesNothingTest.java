package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.comptoir.dispatch.ModemSendLog;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An erased person leaves no trace: no table's text column and no log line holds their number or name, the
 * ledger still verifies, and the number stays suppressed.
 */
class ErasureLeavesNothingTest {

    private static final String NUMBER = "+33687654321";
    private static final String NATIONAL = "687654321";
    private static final String NAME = "Annabelle";
    private static final PhoneNumber ANNABELLE = new PhoneNumber(NUMBER);

    @TempDir
    Path dir;
    @TempDir
    Path logs;
    private SmsConsentFixture f;

    @BeforeEach
    void open() throws Exception {
        logToFolder(logs);
        f = new SmsConsentFixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        new ContextInitializer(ctx).autoConfig(); // back to the default configuration for the next tests
    }

    /** The application's own logback.xml, writing to {@code folder} (as the launcher sets comptoir.logdir). */
    private static void logToFolder(Path folder) throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        ctx.putProperty("comptoir.logdir", folder.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(ctx);
        configurator.doConfigure(ErasureLeavesNothingTest.class.getResource("/logback.xml"));
    }

    @Test
    void anErasedNumberLeavesNoTraceInAnyTableNorTheLogAndTheLedgerStillVerifies() throws Exception {
        f.settings.set(ConsentSmsSettings.SIGNUP_KEYWORD, "OUI FLEURS");
        f.settings.set(ConsentSettings.DOUBLE_OPTIN, "true");
        // a life with the shop: sign-up by SMS, a request, a confirmation, tags, a promotion, a modem send, a STOP
        assertThat(f.receiveAndRoute(NUMBER, "OUI FLEURS")).isEqualTo(Handling.SIGNUP_PENDING);
        assertThat(f.receiveAndRoute(NUMBER, "Oui")).isEqualTo(Handling.CONFIRMED);
        f.receiveAndRoute(NUMBER, "Merci ! " + NAME);
        ContactStatus status = f.consent.recordOptIn(ANNABELLE, NAME, f.consent.currentWording().id(), Channel.TILL,
                "caisse");
        new ContactDirectory(f.db).setTags(status.contactId(), Set.of("roses"));
        String subject = f.consent.subjectOf(ANNABELLE);
        f.db.withConnection(c -> {
            long campaign = Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, status, created_at, updated_at) "
                    + "VALUES ('Noël', 'MARKETING', '{prenom}, -20 %', 'SENDING', ?, ?)", Instant.now(), Instant.now());
            return Jdbc.insert(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding, parts, "
                    + "state, gateway_refs, error, created_at, updated_at) VALUES (?, ?, ?, ?, 'GSM7', 1, 'FAILED', '17', ?, ?, ?)",
                    campaign, subject, NUMBER, NAME + ", -20 % sur les roses. STOP au 36180",
                    "rejected " + NUMBER, Instant.now(), Instant.now());
        });
        new ModemSendLog(f.db).record(NUMBER, Instant.now(), List.of("17"));
        f.inbound.onDeliveryReport(new DeliveryReport("17", NUMBER, DeliveryReport.Outcome.DELIVERED, Instant.now()));
        f.receiveAndRoute(NUMBER, "Stop, " + NAME + " ne veut plus");
        LoggerFactory.getLogger("test").warn("failed", new IllegalArgumentException("not an E.164 number: " + NUMBER));
        assertThat(tablesHolding(NATIONAL)).as("before erasure").contains("INBOUND.SENDER", "OUTBOX.RECIPIENT_E164",
                "OUTBOX.ERROR", "CONTACT.PHONE_E164", "CONTACT.NATIONAL_DIGITS", "MODEM_SEND_LOG.RECIPIENT");
        assertThat(tablesHolding(NAME)).as("before erasure").contains("INBOUND.TEXT", "CONSENT_SMS_EVIDENCE.TEXT",
                "OUTBOX.RENDERED_TEXT", "CONTACT.FIRST_NAME");

        f.consent.erase(ANNABELLE, "owner");

        assertThat(tablesHolding(NATIONAL)).isEmpty();
        assertThat(tablesHolding(NAME)).isEmpty();
        assertThat(f.consent.verify().intact()).isTrue();
        assertThat(f.consent.lookup(ANNABELLE).orElseThrow().status()).isEqualTo(ConsentStatus.ERASED);
        assertThat(f.consent.allowsMarketing(ANNABELLE)).isFalse();
        // the modem caps still count the send
        assertThat(new ModemSendLog(f.db).recipientsBetween(Instant.EPOCH, Instant.now().plusSeconds(60))).isEqualTo(1);
        long purges = f.db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM audit WHERE action = 'ERASE_DATA'"));
        assertThat(purges).isEqualTo(1);

        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop(); // flush and close the file
        String log = Files.readString(logs.resolve("comptoir.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("Delivery report 17 for +336******21", "not an E.164 number: +336******21")
                .doesNotContain(NATIONAL).doesNotContain(NAME);
        // as AppContext.close() does: the file itself keeps no trace either
        f.sms.compactIfErased();
        f.close();
        String file = new String(Files.readAllBytes(Path.of(f.db.file() + ".mv.db")), StandardCharsets.ISO_8859_1);
        assertThat(file).doesNotContain(NATIONAL).doesNotContain(NAME);
    }

    /** Every TABLE.COLUMN of a text type in which some row contains {@code needle}. */
    private List<String> tablesHolding(String needle) {
        return f.db.withConnection(c -> {
            List<String[]> columns = Jdbc.query(c, "SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND (DATA_TYPE LIKE '%CHAR%' OR DATA_TYPE LIKE '%CLOB%')",
                    rs -> new String[] {rs.getString(1), rs.getString(2)});
            List<String> found = new ArrayList<>();
            for (String[] col : columns) {
                long hits = Jdbc.queryLong(c, "SELECT COUNT(*) FROM \"" + col[0] + "\" WHERE \"" + col[1] + "\" LIKE ?",
                        "%" + needle + "%");
                if (hits > 0) {
                    found.add(col[0] + "." + col[1]);
                }
            }
            return found;
        });
    }
}
