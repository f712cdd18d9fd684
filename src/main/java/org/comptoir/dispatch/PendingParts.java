package org.comptoir.dispatch;

import java.time.Duration;
import java.time.Instant;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * The parts sent in the last days whose delivery is not known yet, given back to the gateway when the engine starts:
 * a provider polls statuses of what it watches, and what it watched in memory is gone after a restart, while the
 * outbox keeps every part's reference. Blocks on the database.
 */
final class PendingParts {

    /** A provider keeps statuses for days; older parts stay as they are. */
    static final Duration LOOK_BACK = Duration.ofDays(3);

    /**
     * Starts from {@code outbox_part_pending (status, sent_at)} (V25): the range of parts still PENDING and sent since
     * the look-back, where a scan walked every part ever sent; the outbox row (its gateway) by primary key.
     */
    static final String QUERY = "SELECT p.reference, p.recipient, p.sent_at FROM outbox_part p JOIN outbox o"
            + " ON o.id = p.outbox_id WHERE p.status = 'PENDING' AND p.sent_at >= ? AND o.gateway = ? ORDER BY p.sent_at";

    private PendingParts() {
    }

    /** Hands {@code gateway} every PENDING part it sent since {@code now - LOOK_BACK}; returns how many. */
    static int retrack(Database database, SmsGateway gateway, Instant now) {
        String name = Outbox.truncate(gateway.name(), 50);
        return database.withConnection(c -> {
            int[] n = {0};
            Jdbc.query(c, QUERY, rs -> {
                gateway.track(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "sent_at"));
                return n[0]++;
            }, now.minus(LOOK_BACK), name);
            return n[0];
        });
    }
}
