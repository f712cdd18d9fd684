package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * The campaigns' side of the {@link Outbox}: which sending campaigns are done, and until when and why each one waits
 * (the screen's "en pause jusqu'à lundi 08:00"). Thread-safe; every method blocks on the database.
 */
final class CampaignWaits {

    private final Database database;
    private final Clock clock;

    CampaignWaits(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * SENDING campaigns with nothing left QUEUED or SENDING become DONE (UNKNOWN rows wait for the owner's decision in
     * the report); returns the ones finished now.
     */
    List<Long> finishDone() {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            List<Long> done = Jdbc.query(c, "SELECT k.id FROM campaign k WHERE k.status = 'SENDING' AND NOT EXISTS"
                    + " (SELECT 1 FROM outbox o WHERE o.campaign_id = k.id AND o.state IN ('QUEUED', 'SENDING'))",
                    rs -> rs.getLong(1));
            for (long id : done) {
                Jdbc.update(c, "UPDATE campaign SET status = 'DONE', waiting_until = NULL, waiting_reason = NULL,"
                        + " updated_at = ? WHERE id = ? AND status = 'SENDING'", now, id);
            }
            return done;
        });
    }

    /**
     * When the next QUEUED row of a SENDING campaign (or a reply) becomes ready, and records on each campaign until
     * when it waits and why (the screen's "en pause jusqu'à lundi 08:00"). Empty when nothing is queued.
     * {@code waitChanged} hears, after the commit, each campaign whose recorded wait changed: a campaign only
     * postponed to the next window has no message that changed, and its sending view and notices still hear it.
     */
    Optional<Instant> nextReady(Instant now, java.util.function.LongConsumer waitChanged) {
        List<Long> changed = new java.util.ArrayList<>();
        Optional<Instant> next = nextReady(now, changed);
        changed.forEach(waitChanged::accept);
        return next;
    }

    private Optional<Instant> nextReady(Instant now, List<Long> changed) {
        return database.inTransaction(c -> {
            Instant next = Jdbc.queryOne(c, "SELECT MIN(COALESCE(not_before, ?)) AS ready FROM outbox"
                    + " WHERE campaign_id IS NULL AND state = 'QUEUED'", rs -> Jdbc.instant(rs, "ready"), now).orElse(null);
            record Wait(long campaign, Instant ready) {
            }
            List<Wait> waits = Jdbc.query(c, "SELECT o.campaign_id AS campaign, MIN(COALESCE(o.not_before, ?)) AS ready"
                    + " FROM outbox o JOIN campaign k ON k.id = o.campaign_id"
                    + " WHERE k.status = 'SENDING' AND o.state = 'QUEUED' GROUP BY o.campaign_id",
                    rs -> new Wait(rs.getLong("campaign"), Jdbc.instant(rs, "ready")), now);
            for (Wait w : waits) {
                Instant ready = w.ready().isBefore(now) ? now : w.ready();
                int updated;
                if (!ready.isAfter(now)) {
                    updated = Jdbc.update(c, "UPDATE campaign SET waiting_until = NULL, waiting_reason = NULL WHERE id = ?"
                            + " AND waiting_until IS NOT NULL", w.campaign());
                } else {
                    String reason = Jdbc.queryOne(c, "SELECT reason FROM outbox WHERE campaign_id = ? AND state = 'QUEUED'"
                            + " AND not_before = ? LIMIT 1", rs -> rs.getString(1), w.campaign(), ready).orElse(null);
                    updated = Jdbc.update(c, "UPDATE campaign SET waiting_until = ?, waiting_reason = ? WHERE id = ?"
                            + " AND (waiting_until IS NULL OR waiting_until <> ? OR waiting_reason IS DISTINCT FROM ?)",
                            ready, reason, w.campaign(), ready, reason);
                }
                if (updated > 0) {
                    changed.add(w.campaign());
                }
                next = next == null || ready.isBefore(next) ? ready : next;
            }
            return Optional.ofNullable(next);
        });
    }
}
