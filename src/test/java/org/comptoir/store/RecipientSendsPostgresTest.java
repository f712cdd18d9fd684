package org.comptoir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.comptoir.AppContext;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.CampaignSettings;
import org.comptoir.campaign.Recipient;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * V14's {@code recipient_sends} on PostgreSQL, kept by its PL/pgSQL trigger, against H2's Java trigger
 * ({@link RecipientSendsTrigger}): the same outbox writes give, step after step, the same table on both, and that
 * table is what the outbox says (per subject, its sent or delivered marketing instants, newest first, at most 100).
 * Then the frequency cap that reads it picks the same audience on both.
 */
@ExtendWith(PostgresServer.class)
@Timeout(300)
class RecipientSendsPostgresTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void thePlpgsqlTriggerKeepsWhatTheH2TriggerKeepsAtEveryStep(PostgresServer pg) throws Exception {
        List<Map<String, List<Instant>>> onH2;
        List<Map<String, List<Instant>>> onPostgres;
        try (Database h2 = Database.open(dir.resolve("h2"))) {
            onH2 = script(h2);
        }
        try (Database postgres = Database.open(dir.resolve("pg"), StoreTarget.postgresql(pg.newDatabase(),
                PostgresServer.USER, PostgresServer.PASSWORD), true)) {
            assertThat(postgres.dialect()).isEqualTo(Dialect.POSTGRESQL);
            onPostgres = script(postgres);
        }
        assertThat(onH2).hasSize(17);
        for (int step = 0; step < onH2.size(); step++) {
            assertThat(onPostgres.get(step)).as("step %d", step).isEqualTo(onH2.get(step));
        }
    }

    @Test
    void theFrequencyCapPicksTheSameAudienceOnBoth(PostgresServer pg) throws Exception {
        List<String> onH2;
        List<String> onPostgres;
        try (Database h2 = Database.open(dir.resolve("h2"))) {
            onH2 = cappedAudience(h2);
        }
        try (Database postgres = Database.open(dir.resolve("pg"), StoreTarget.postgresql(pg.newDatabase(),
                PostgresServer.USER, PostgresServer.PASSWORD), true)) {
            onPostgres = cappedAudience(postgres);
        }
        // +336…01 got 2 promotions this month (the cap), +336…02 one, +336…03 two but one failed, +336…04 two long ago
        assertThat(onH2).containsExactly("+33612345602", "+33612345603", "+33612345604");
        assertThat(onPostgres).isEqualTo(onH2);
    }

    /** The same writes on either store; after each, the table (checked against the outbox it must mirror). */
    private static List<Map<String, List<Instant>>> script(Database db) {
        List<Map<String, List<Instant>>> steps = new ArrayList<>();
        long promo = campaign(db, "MARKETING");
        long promo2 = campaign(db, "MARKETING");
        long info = campaign(db, "SERVICE");
        long a = row(db, promo, "s1", "QUEUED", null);
        steps.add(snapshot(db));
        update(db, "UPDATE outbox SET state = 'SENT', sent_at = ? WHERE id = ?", T, a);
        steps.add(snapshot(db));
        update(db, "UPDATE outbox SET state = 'DELIVERED' WHERE id = ?", a); // a report: not counted again
        steps.add(snapshot(db));
        long b = row(db, promo2, "s1", "SENT", T.plusSeconds(60));
        row(db, info, "s1", "SENT", T.plusSeconds(120)); // a service message is not a promotion
        row(db, null, "s1", "SENT", T.plusSeconds(130)); // a one-off reply (STOP confirmation) neither
        steps.add(snapshot(db));
        update(db, "UPDATE outbox SET state = 'FAILED' WHERE id = ?", b); // a failure report gives it back
        steps.add(snapshot(db));
        update(db, "UPDATE outbox SET sent_at = ? WHERE id = ?", T.plusSeconds(30), a); // its instant corrected
        steps.add(snapshot(db));
        update(db, "UPDATE outbox SET subject = 's2' WHERE id = ?", a); // counted for the other subject now
        steps.add(snapshot(db));
        update(db, "UPDATE outbox SET state = 'UNKNOWN' WHERE id = ?", b);
        update(db, "UPDATE outbox SET state = 'SENT' WHERE id = ?", b); // the owner decides: it was sent
        steps.add(snapshot(db));
        try {
            db.inTransaction(c -> {
                Jdbc.update(c, "UPDATE outbox SET state = 'SENT', sent_at = ? WHERE id = ?", T.plusSeconds(5), a);
                throw new IllegalStateException("power cut");
            });
        } catch (IllegalStateException expected) {
            // rolled back, with what the trigger wrote
        }
        steps.add(snapshot(db));
        for (int i = 0; i < RecipientSendsTrigger.KEPT + 5; i++) {
            row(db, campaign(db, "MARKETING"), "s3", "SENT", T.plusSeconds(1000 + i));
        }
        steps.add(snapshot(db));
        long oldest = db.withConnection(c -> Jdbc.queryLong(c, "SELECT MAX(id) FROM outbox WHERE subject = 's3' AND "
                + "sent_at = ?", T.plusSeconds(1000 + RecipientSendsTrigger.KEPT + 4)));
        // the newest leaves a full hundred: both triggers read the list back from the outbox, so the oldest send trimmed
        // earlier counts again (before V24 both kept 99, and the cap let one promotion too many through)
        update(db, "DELETE FROM outbox WHERE id = ?", oldest);
        steps.add(snapshot(db));
        long middle = db.withConnection(c -> Jdbc.queryLong(c, "SELECT MAX(id) FROM outbox WHERE subject = 's3' AND "
                + "sent_at = ?", T.plusSeconds(1050)));
        // a kept one's instant corrected to after every other: read back from the outbox with it, and not added again
        update(db, "UPDATE outbox SET sent_at = ? WHERE id = ?", T.plusSeconds(2000), middle);
        steps.add(snapshot(db));
        // two promotions at the same instant count twice; one leaving takes one away
        long twin1 = row(db, promo, "s4", "SENT", T.plusSeconds(500));
        row(db, promo2, "s4", "SENT", T.plusSeconds(500));
        steps.add(snapshot(db));
        update(db, "UPDATE outbox SET state = 'FAILED' WHERE id = ?", twin1);
        steps.add(snapshot(db));
        // an instant written with another offset is the same instant
        row(db, campaign(db, "MARKETING"), "s5", "SENT", null);
        update(db, "UPDATE outbox SET sent_at = ? WHERE subject = 's5'", T.atOffset(ZoneOffset.ofHours(1)));
        steps.add(snapshot(db));
        update(db, "DELETE FROM outbox WHERE subject = 's5'");
        steps.add(snapshot(db));
        update(db, "DELETE FROM outbox WHERE id = ?", a);
        steps.add(snapshot(db));
        return steps;
    }

    /** Four customers opted in; promotions sent (some failed, some long ago); the cap at 2 a month. */
    private static List<String> cappedAudience(Database db) {
        Clock clock = Clock.fixed(T.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        Settings settings = new Settings(db, AppContext.settingDefinitions());
        settings.set(CampaignSettings.FREQUENCY_CAP, "2");
        settings.set("shop.name", "Fleurs du Marché");
        ConsentService consent = new ConsentService(db, settings, SubjectKey.forStore(db), clock);
        CampaignService campaigns = new CampaignService(db, settings, clock);
        List<String> subjects = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            PhoneNumber n = new PhoneNumber("+3361234560" + i);
            consent.recordOptIn(n, "Client " + i, consent.currentWording().id(), Channel.TILL, "Nina");
            subjects.add(consent.subjectOf(n));
        }
        Instant recent = T.plus(Duration.ofDays(1));
        Instant longAgo = T.minus(Duration.ofDays(40));
        sent(db, subjects.get(0), "SENT", recent);
        sent(db, subjects.get(0), "DELIVERED", recent.plusSeconds(60));
        sent(db, subjects.get(1), "SENT", recent);
        sent(db, subjects.get(2), "SENT", recent);
        sent(db, subjects.get(2), "FAILED", recent.plusSeconds(60));
        sent(db, subjects.get(3), "SENT", longAgo);
        sent(db, subjects.get(3), "SENT", longAgo.plusSeconds(60));
        return campaigns.audience().page(new Audience(CampaignKind.MARKETING, null), 0, 100).stream()
                .map(Recipient::phoneE164).sorted().toList();
    }

    private static void sent(Database db, String subject, String state, Instant at) {
        long c = campaign(db, "MARKETING");
        db.withConnection(conn -> Jdbc.insert(conn, "INSERT INTO outbox (campaign_id, subject, recipient_e164, "
                + "rendered_text, encoding, parts, state, sent_at, created_at, updated_at) VALUES (?, ?, '+33600000000', "
                + "'x', 'GSM7', 1, ?, ?, ?, ?)", c, subject, state, at, at, at));
    }

    private static long campaign(Database db, String kind) {
        return db.withConnection(c -> Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, status, created_at,"
                + " updated_at) VALUES ('c', ?, 'x', 'DONE', ?, ?)", kind, T, T));
    }

    private static long row(Database db, Long campaign, String subject, String state, Instant sentAt) {
        return db.withConnection(c -> Jdbc.insert(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164,"
                + " rendered_text, encoding, parts, state, sent_at, created_at, updated_at)"
                + " VALUES (?, ?, '+33600000000', 'x', 'GSM7', 1, ?, ?, ?, ?)", campaign, subject, state, sentAt, T, T));
    }

    private static void update(Database db, String sql, Object... params) {
        db.withConnection(c -> Jdbc.update(c, sql, params));
    }

    /** recipient_sends as instants, after checking it is what the outbox says. */
    private static Map<String, List<Instant>> snapshot(Database db) {
        Map<String, List<Instant>> table = new TreeMap<>();
        db.withConnection(c -> Jdbc.query(c, "SELECT subject, recent FROM recipient_sends", rs -> {
            table.put(rs.getString(1), Arrays.stream((Object[]) rs.getArray(2).getArray())
                    .map(RecipientSendsPostgresTest::instant).toList());
            return null;
        }));
        Map<String, List<Instant>> fromOutbox = new TreeMap<>();
        db.withConnection(c -> Jdbc.query(c, "SELECT o.subject, o.sent_at FROM outbox o JOIN campaign k ON k.id = "
                + "o.campaign_id WHERE k.kind = 'MARKETING' AND o.state IN ('SENT', 'DELIVERED') AND o.sent_at IS NOT "
                + "NULL", rs -> {
                    fromOutbox.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(Jdbc.instant(rs, "sent_at"));
                    return null;
                }));
        fromOutbox.replaceAll((s, at) -> at.stream().sorted(Comparator.reverseOrder()).toList());
        assertThat(table.keySet()).as("recipient_sends has the outbox's subjects on " + db.dialect())
                .isEqualTo(fromOutbox.keySet());
        for (Map.Entry<String, List<Instant>> e : table.entrySet()) {
            List<Instant> truth = fromOutbox.get(e.getKey());
            // the newest first, all of them up to 100: a kept one leaving brings back the newest one trimmed earlier
            assertThat(e.getValue()).as(e.getKey() + " on " + db.dialect())
                    .isEqualTo(truth.subList(0, Math.min(truth.size(), RecipientSendsTrigger.KEPT)));
        }
        return table;
    }

    private static Instant instant(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("an instant, not " + o.getClass());
    }
}
