package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages left UNKNOWN on a gateway, asked about once per engine run where the route can tell by its client
 * reference (an HTTP provider's status by reference), and the outbox transitions that answer allows. Never resends a
 * message the route may have. Blocks on the database and the route.
 */
final class UnknownLookUp {

    private static final Logger LOG = LoggerFactory.getLogger(UnknownLookUp.class);

    private final Database database;
    private final Clock clock;

    UnknownLookUp(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Once per run, before sending: messages left UNKNOWN by an interruption on this gateway are looked up where the
     * route can tell by its client reference (an HTTP provider's status by reference). What the route says it did
     * becomes SENT or FAILED; the rest stays UNKNOWN for the owner to decide. Never resends.
     */
    static void run(SmsGateway gateway, SendingEngine.Parts parts, EngineConfig config, Clock clock,
                    Consumer<Long> changed) {
        UnknownLookUp rows = new UnknownLookUp(parts.outbox().database(), clock);
        for (OutboxRow row : rows.unknownOf(gateway.name(), 200)) {
            Optional<SendResult> known;
            try {
                known = gateway.lookUp(new OutgoingSms(row.messageId(), row.recipient(), row.text(), config.statusReports(),
                        null, row.sender()));
            } catch (RuntimeException e) {
                LOG.warn("outbox {}: look-up failed: {}", row.id(), e.toString());
                continue;
            }
            if (known.isEmpty()) {
                continue;
            }
            if (known.get() instanceof SendResult.Sent s) {
                parts.outbox().markSent(row, s.partReferences(), clock.instant());
                changed.accept(row.campaignId());
            } else if (known.get() instanceof SendResult.Failed f) {
                String words = parts.messages().render(f.error().message());
                if (f.retryable()) {
                    // the route says it never got it (the phone has no such id): sending it now cannot make a copy
                    rows.requeueUnknown(row.id(), f.error().code(), words);
                } else {
                    rows.markUnknownFailed(row.id(), f.error().code(), words);
                }
                changed.accept(row.campaignId());
            }
        }
    }

    /** UNKNOWN rows last handed to {@code gateway} that no one decided on yet: what a route may look up. */
    List<OutboxRow> unknownOf(String gateway, int limit) {
        // campaign by campaign (and the replies), so the claim index (campaign, state) answers, not a whole-outbox scan
        String unknown = " AND o.state = 'UNKNOWN' AND o.gateway = ? AND (o.reason IS NULL OR o.reason <> 'LOOKED_UP')";
        String g = Outbox.truncate(gateway, 50);
        return database.withConnection(c -> Jdbc.query(c, "SELECT * FROM (SELECT " + Outbox.PREFIXED + " FROM campaign k"
                + " JOIN outbox o ON o.campaign_id = k.id WHERE 1 = 1" + unknown + " UNION ALL SELECT " + Outbox.PREFIXED
                + " FROM outbox o WHERE o.campaign_id IS NULL" + unknown + ") AS u ORDER BY id LIMIT ?", Outbox.ROW, g, g, limit));
    }

    /** UNKNOWN → FAILED: the route, looked up by reference, says it refused the message. */
    void markUnknownFailed(long id, String code, String words) {
        database.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'FAILED', reason = ?, error = ?, updated_at = ?"
                + " WHERE id = ? AND state = 'UNKNOWN'", Outbox.truncate(code, 50), Outbox.truncate(words, 1000), clock.instant(), id));
    }

    /**
     * UNKNOWN → QUEUED: the route, looked up by reference, says it never received the message, so sending it cannot
     * make a second copy. A finished campaign goes back to SENDING for it. Audited.
     */
    void requeueUnknown(long id, String code, String words) {
        Instant now = clock.instant();
        database.inTransaction(c -> {
            if (Jdbc.update(c, "UPDATE outbox SET state = 'QUEUED', not_before = NULL, attempts = 0, reason = ?, error = ?,"
                    + " updated_at = ? WHERE id = ? AND state = 'UNKNOWN'", Outbox.truncate(code, 50), Outbox.truncate(words, 1000), now, id) == 1) {
                Jdbc.update(c, "UPDATE campaign SET status = 'SENDING', updated_at = ? WHERE status = 'DONE'"
                        + " AND id = (SELECT campaign_id FROM outbox WHERE id = ?)", now, id);
                Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, 'engine', 'OUTBOX_LOOKED_UP', ?)",
                        now, "outbox " + id + " never reached the route (" + code + "): queued again");
            }
            return null;
        });
    }
}
