package org.comptoir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * recipient_sends (V14) stays equal to the outbox whatever writes it: the trigger on a real migrated H2 store, and
 * the back-fill of a store made by the first release.
 */
class RecipientSendsTest {

    @TempDir
    Path dir;

    static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void sentAndDeliveredMarketingRowsCountOnceAndLeaveWhenTheyStopCounting() {
        try (Database db = Database.open(dir)) {
            long promo = campaign(db, "MARKETING");
            long info = campaign(db, "SERVICE");
            long a = row(db, promo, "s1", "QUEUED", null);
            assertThat(recent(db, "s1")).isEmpty();

            update(db, a, "SENT", T);
            assertThat(recent(db, "s1")).containsExactly(T);
            update(db, a, "DELIVERED", T); // the report does not count the message again
            assertThat(recent(db, "s1")).containsExactly(T);

            long b = row(db, campaign(db, "MARKETING"), "s1", "SENT", T.plusSeconds(60));
            row(db, info, "s1", "SENT", T.plusSeconds(120)); // a service message is not a promotion
            assertThat(recent(db, "s1")).containsExactly(T.plusSeconds(60), T);

            update(db, b, "FAILED", T.plusSeconds(60)); // a failure report: it did not reach them
            assertThat(recent(db, "s1")).containsExactly(T);
            db.withConnection(c -> Jdbc.update(c, "DELETE FROM outbox WHERE id = ?", a));
            assertThat(recent(db, "s1")).isEmpty();
        }
    }

    @Test
    void aRolledBackSendLeavesNoTrace() {
        try (Database db = Database.open(dir)) {
            long promo = campaign(db, "MARKETING");
            long a = row(db, promo, "s1", "QUEUED", null);
            try {
                db.inTransaction(c -> {
                    Jdbc.update(c, "UPDATE outbox SET state = 'SENT', sent_at = ? WHERE id = ?", T, a);
                    throw new IllegalStateException("power cut");
                });
            } catch (IllegalStateException expected) {
                // the engine's transaction did not commit
            }
            assertThat(recent(db, "s1")).isEmpty();
        }
    }

    @Test
    void onlyTheNewestHundredAreKept() {
        try (Database db = Database.open(dir)) {
            for (int i = 0; i < RecipientSendsTrigger.KEPT + 5; i++) {
                row(db, campaign(db, "MARKETING"), "s1", "SENT", T.plusSeconds(i));
            }
            List<Instant> kept = recent(db, "s1");
            assertThat(kept).hasSize(RecipientSendsTrigger.KEPT);
            assertThat(kept.get(0)).isEqualTo(T.plusSeconds(RecipientSendsTrigger.KEPT + 4));
            assertThat(kept.get(kept.size() - 1)).isEqualTo(T.plusSeconds(5));
        }
    }

    @Test
    void aFullHundredLosingOneIsRefilledFromTheOutbox() {
        try (Database db = Database.open(dir)) {
            long[] ids = new long[RecipientSendsTrigger.KEPT + 5];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = row(db, campaign(db, "MARKETING"), "s1", "SENT", T.plusSeconds(i));
            }
            assertThat(recent(db, "s1")).isEqualTo(newestHundred(db, "s1"));

            db.withConnection(c -> Jdbc.update(c, "DELETE FROM outbox WHERE id = ?", ids[ids.length - 1])); // the newest
            assertThat(recent(db, "s1")).as("the oldest trimmed send counts again").hasSize(RecipientSendsTrigger.KEPT)
                    .isEqualTo(newestHundred(db, "s1")).endsWith(T.plusSeconds(4));

            update(db, ids[50], "FAILED", T.plusSeconds(50)); // a failure report on one in the middle
            assertThat(recent(db, "s1")).hasSize(RecipientSendsTrigger.KEPT).isEqualTo(newestHundred(db, "s1"));

            update(db, ids[60], "SENT", T.plusSeconds(1000)); // its instant corrected to after every other: counted once
            assertThat(recent(db, "s1")).hasSize(RecipientSendsTrigger.KEPT).isEqualTo(newestHundred(db, "s1"))
                    .startsWith(T.plusSeconds(1000), T.plusSeconds(103)).doesNotContain(T.plusSeconds(60));

            db.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET subject = 's2' WHERE id = ?", ids[70]));
            assertThat(recent(db, "s1")).hasSize(RecipientSendsTrigger.KEPT).isEqualTo(newestHundred(db, "s1"));
            assertThat(recent(db, "s2")).containsExactly(T.plusSeconds(70));

            update(db, ids[2], "FAILED", T.plusSeconds(2)); // older than every kept one: nothing to refill
            assertThat(recent(db, "s1")).isEqualTo(newestHundred(db, "s1"));
            db.withConnection(c -> Jdbc.update(c, "DELETE FROM outbox WHERE subject = 's1' AND sent_at > ?", T.plusSeconds(10)));
            assertThat(recent(db, "s1")).isEqualTo(newestHundred(db, "s1")).hasSize(10);
        }
    }

    /** What recipient_sends must hold for {@code subject}: its newest marketing sends in the outbox, at most 100. */
    private static List<Instant> newestHundred(Database db, String subject) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT o.sent_at FROM outbox o JOIN campaign k ON k.id = o.campaign_id"
                + " WHERE o.subject = ? AND k.kind = 'MARKETING' AND o.state IN ('SENT', 'DELIVERED')"
                + " ORDER BY o.sent_at DESC LIMIT " + RecipientSendsTrigger.KEPT, rs -> Jdbc.instant(rs, "sent_at"), subject));
    }

    @Test
    void aStoreFromTheFirstReleaseIsBackFilledOnUpgrade() {
        FirstReleaseStore.build(dir, c -> {
            Jdbc.update(c, "INSERT INTO campaign (id, name, kind, template, status, created_at, updated_at)"
                    + " VALUES (1, 'old', 'MARKETING', 'x', 'DONE', ?, ?), (2, 'info', 'SERVICE', 'x', 'DONE', ?, ?)",
                    T, T, T, T);
            for (int k = 0; k < 3; k++) {
                Jdbc.update(c, "INSERT INTO campaign (id, name, kind, template, status, created_at, updated_at)"
                        + " VALUES (?, 'old', 'MARKETING', 'x', 'DONE', ?, ?)", 10 + k, T, T);
                Jdbc.update(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding, parts,"
                        + " state, sent_at, created_at, updated_at) VALUES (?, 's1', '+33600000000', 'x', 'GSM7', 1, ?, ?, ?, ?)",
                        10 + k, k == 2 ? "DELIVERED" : "SENT", T.plusSeconds(k), T, T);
            }
            Jdbc.update(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding, parts,"
                    + " state, sent_at, created_at, updated_at) VALUES (2, 's1', '+33600000000', 'x', 'GSM7', 1, 'SENT', ?, ?, ?)",
                    T.plusSeconds(9), T, T);
            return Jdbc.update(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding, parts,"
                    + " state, created_at, updated_at) VALUES (1, 's2', '+33600000001', 'x', 'GSM7', 1, 'QUEUED', ?, ?)", T, T);
        });
        try (Database db = Database.open(dir)) {
            assertThat(recent(db, "s1")).containsExactly(T.plusSeconds(2), T.plusSeconds(1), T);
            assertThat(recent(db, "s2")).isEmpty();
        }
    }

    private static long campaign(Database db, String kind) {
        return db.withConnection(c -> Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, status, created_at,"
                + " updated_at) VALUES ('c', ?, 'x', 'DONE', ?, ?)", kind, T, T));
    }

    private static long row(Database db, long campaign, String subject, String state, Instant sentAt) {
        return db.withConnection(c -> Jdbc.insert(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164,"
                + " rendered_text, encoding, parts, state, sent_at, created_at, updated_at)"
                + " VALUES (?, ?, '+33600000000', 'x', 'GSM7', 1, ?, ?, ?, ?)", campaign, subject, state, sentAt, T, T));
    }

    private static void update(Database db, long id, String state, Instant sentAt) {
        db.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = ?, sent_at = ? WHERE id = ?", state, sentAt, id));
    }

    private static List<Instant> recent(Database db, String subject) {
        return db.withConnection(c -> Jdbc.queryOne(c, "SELECT recent FROM recipient_sends WHERE subject = ?",
                rs -> Arrays.stream((Object[]) rs.getArray(1).getArray())
                        .map(o -> ((OffsetDateTime) o).toInstant()).toList(), subject)).orElse(List.of());
    }

    @SuppressWarnings("unused")
    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
