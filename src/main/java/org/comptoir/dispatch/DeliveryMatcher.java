package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * Matches a delivery report to the part it is about and updates the message: DELIVERED once every part is, FAILED as
 * soon as one part failed. A modem's reference is one octet (TP-MR) that wraps after 256 parts, so a report is matched
 * by reference AND recipient AND send time: the newest still-pending part with that reference and recipient sent in the
 * week before the report. Blocks on the database; call from one thread (the engine's).
 */
final class DeliveryMatcher {

    /** A report older than this after its part's send is not about that part (a network keeps trying ~2 days). */
    static final Duration MATCH_WINDOW = Duration.ofDays(7);
    /** The network's clock may be a little ahead of ours. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(15);

    private final Database database;
    private final Clock clock;

    DeliveryMatcher(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Applies {@code report}; returns the outbox row it was about, empty when no part matched. */
    Optional<Long> apply(DeliveryReport report) {
        if (report.outcome() == DeliveryReport.Outcome.PENDING || report.recipient() == null) {
            return Optional.empty(); // still trying: nothing final to record
        }
        Instant now = clock.instant();
        Instant reportedAt = report.at() == null ? now : report.at();
        Instant latest = (reportedAt.isAfter(now) ? reportedAt : now).plus(CLOCK_SLACK);
        Instant earliest = reportedAt.minus(MATCH_WINDOW);
        return database.inTransaction(c -> {
            record Part(long outboxId, int partNo) {
            }
            Optional<Part> part = Jdbc.queryOne(c, "SELECT outbox_id, part_no FROM outbox_part WHERE reference = ?"
                    + " AND recipient = ? AND status = 'PENDING' AND sent_at >= ? AND sent_at <= ?"
                    + " ORDER BY sent_at DESC, outbox_id DESC LIMIT 1",
                    rs -> new Part(rs.getLong(1), rs.getInt(2)), report.partReference(), report.recipient(), earliest, latest);
            if (part.isEmpty()) {
                return Optional.<Long>empty();
            }
            long id = part.get().outboxId();
            boolean delivered = report.outcome() == DeliveryReport.Outcome.DELIVERED;
            Jdbc.update(c, "UPDATE outbox_part SET status = ?, reported_at = ? WHERE outbox_id = ? AND part_no = ?",
                    delivered ? "DELIVERED" : "FAILED", reportedAt, id, part.get().partNo());
            // the network's verdict, its code and words, reach the message (the report's "failures with reasons")
            if (!delivered) {
                Jdbc.update(c, "UPDATE outbox SET state = 'FAILED', reason = 'NOT_DELIVERED', error = ?, updated_at = ?"
                        + " WHERE id = ? AND state IN ('SENT', 'DELIVERED')",
                        Outbox.truncate("part " + part.get().partNo() + " (reference " + report.partReference() + "): "
                                + (report.networkStatus() == null ? "not delivered" : report.networkStatus()), 1000), now, id);
            } else if (Jdbc.queryLong(c, "SELECT COUNT(*) FROM outbox_part WHERE outbox_id = ? AND status <> 'DELIVERED'", id) == 0) {
                Jdbc.update(c, "UPDATE outbox SET state = 'DELIVERED', delivered_at = ?, updated_at = ? WHERE id = ?"
                        + " AND state = 'SENT'", reportedAt, now, id);
            }
            return Optional.of(id);
        });
    }
}
