package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a restart the engine gives its gateway back the parts still awaiting a delivery report, on a real H2 store:
 * only this gateway's PENDING parts of the last days, read from the pending range, not from every part ever sent.
 */
class PendingPartsTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void onlyThisGatewaysRecentPendingPartsAreTrackedAgainReadFromThePendingRange() {
        try (Database db = Database.open(dir)) {
            long campaign = db.withConnection(c -> Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, status,"
                    + " created_at, updated_at) VALUES ('c', 'MARKETING', 'x', 'SENDING', ?, ?)", NOW, NOW));
            // a long history of reported parts, then what is still awaited
            db.inTransaction(c -> {
                for (int i = 0; i < 2_000; i++) {
                    part(c, campaign, i, "ovh", i % 10 == 0 ? "FAILED" : "DELIVERED", NOW.minus(Duration.ofHours(i)));
                }
                return null;
            });
            db.withConnection(c -> {
                part(c, campaign, 5_000, "ovh", "PENDING", NOW.minus(Duration.ofHours(1)));
                part(c, campaign, 5_001, "ovh", "PENDING", NOW.minus(Duration.ofDays(2)));
                part(c, campaign, 5_002, "ovh", "PENDING", NOW.minus(Duration.ofDays(4))); // past the look-back
                part(c, campaign, 5_003, "modem", "PENDING", NOW.minus(Duration.ofHours(2))); // another gateway's
                return null;
            });
            Tracking gateway = new Tracking("ovh");

            assertThat(PendingParts.retrack(db, gateway, NOW)).isEqualTo(2);
            assertThat(gateway.tracked).containsExactly("ref-5001", "ref-5000"); // oldest first

            String plan = db.withConnection(c -> Jdbc.query(c, "EXPLAIN ANALYZE " + PendingParts.QUERY,
                    rs -> rs.getString(1), NOW.minus(PendingParts.LOOK_BACK), "ovh")).get(0);
            assertThat(plan).contains("OUTBOX_PART_PENDING");
            // H2 counts the index entries it stepped through: the pending range, not the 2,000 reported parts
            assertThat(scanCount(plan, "\"P\"")).isLessThan(10);
        }
    }

    private static void part(java.sql.Connection c, long campaign, int n, String gateway, String status, Instant at)
            throws java.sql.SQLException {
        long id = Jdbc.insert(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding, parts,"
                + " state, gateway, sent_at, created_at, updated_at) VALUES (?, ?, '+33612345601', 'x', 'GSM7', 1, ?, ?, ?, ?, ?)",
                campaign, "s" + n, "PENDING".equals(status) ? "SENT" : status, gateway, at, at, at);
        Jdbc.update(c, "INSERT INTO outbox_part (outbox_id, part_no, reference, recipient, sent_at, status)"
                + " VALUES (?, 1, ?, '+33612345601', ?, ?)", id, "ref-" + n, at, status);
    }

    /** The scanCount H2's EXPLAIN ANALYZE gives the table aliased {@code alias}. */
    private static long scanCount(String plan, String alias) {
        int from = plan.indexOf(alias);
        int at = plan.indexOf("scanCount: ", from);
        int end = at + "scanCount: ".length();
        int stop = end;
        while (stop < plan.length() && Character.isDigit(plan.charAt(stop))) {
            stop++;
        }
        return Long.parseLong(plan.substring(end, stop));
    }

    /** A gateway that only records what it is asked to watch. */
    private static final class Tracking implements SmsGateway {
        final List<String> tracked = new ArrayList<>();
        private final String name;

        Tracking(String name) {
            this.name = name;
        }

        @Override
        public void track(String partReference, String recipientE164, Instant sentAt) {
            tracked.add(partReference);
        }

        @Override
        public SendResult send(OutgoingSms sms) {
            throw new UnsupportedOperationException("nothing is sent here");
        }

        @Override
        public GatewayState state() {
            return GatewayState.READY;
        }

        @Override
        public void setListener(GatewayListener listener) {
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
        }
    }
}
