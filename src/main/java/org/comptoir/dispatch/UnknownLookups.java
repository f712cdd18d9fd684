package org.comptoir.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the engine starts, asks its gateway about the messages of the last days whose fate is UNKNOWN on it (a crash or
 * a timeout after the request left), by the client reference the gateway got ({@link OutboxRow#messageId}) — an
 * Android phone or OVHcloud keeps it, a modem or Twilio cannot tell: found, the row is SENT with the provider's
 * references (and its status watched); the route says it never received it, the row is QUEUED again, which cannot
 * make a second copy; refused, FAILED. Anything else stays UNKNOWN for the owner. Blocks (one lookup per row, at most
 * {@link #LIMIT}); called on the engine thread before the first send.
 */
final class UnknownLookups {

    private static final Logger LOG = LoggerFactory.getLogger(UnknownLookups.class);
    static final int LIMIT = 200;

    private UnknownLookups() {
    }

    /** Returns how many rows were settled. */
    static int settle(Outbox outbox, SmsGateway gateway, Instant now, boolean statusReports) {
        String name = Outbox.truncate(gateway.name(), 50);
        List<OutboxRow> rows = outbox.database().withConnection(c -> Jdbc.query(c, "SELECT id, campaign_id, subject,"
                + " recipient_e164, rendered_text, parts, message_class, sender, attempts, window_key FROM outbox"
                + " WHERE state = 'UNKNOWN' AND gateway = ? AND updated_at >= ? ORDER BY id LIMIT ?", Outbox.ROW,
                name, now.minus(PendingParts.LOOK_BACK), LIMIT));
        int settled = 0;
        for (OutboxRow row : rows) {
            Optional<SendResult> found;
            try {
                found = gateway.lookUp(new OutgoingSms(row.messageId(), row.recipient(), row.text(), statusReports,
                        null, row.sender()));
            } catch (RuntimeException e) {
                LOG.warn("looking up {} on {} failed", row.messageId(), gateway.name(), e);
                continue;
            }
            if (found.isEmpty()) {
                continue;
            }
            if (found.get() instanceof SendResult.Sent s) {
                outbox.markSent(row, s.partReferences(), now);
            } else if (found.get() instanceof SendResult.Failed f && f.retryable()) {
                requeue(outbox, row.id(), now);
            } else if (found.get() instanceof SendResult.Failed f) {
                outbox.database().withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'FAILED', reason = ?,"
                        + " updated_at = ? WHERE id = ? AND state = 'UNKNOWN'", Outbox.truncate(f.error().code(), 50),
                        now, row.id()));
            } else {
                continue;
            }
            settled++;
            LOG.info("{} was UNKNOWN; {} says: {}", row.messageId(), gateway.name(), found.get().getClass().getSimpleName());
        }
        return settled;
    }

    /** The route never had it: queued again, and its campaign sending again if it had finished. */
    private static void requeue(Outbox outbox, long id, Instant now) {
        outbox.database().inTransaction(c -> {
            if (Jdbc.update(c, "UPDATE outbox SET state = 'QUEUED', not_before = NULL, reason = 'NEVER_RECEIVED',"
                    + " updated_at = ? WHERE id = ? AND state = 'UNKNOWN'", now, id) == 1) {
                Jdbc.update(c, "UPDATE campaign SET status = 'SENDING', updated_at = ? WHERE status = 'DONE'"
                        + " AND id = (SELECT campaign_id FROM outbox WHERE id = ?)", now, id);
            }
            return null;
        });
    }
}
