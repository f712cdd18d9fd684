package org.comptoir.dispatch;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.comptoir.gateway.GatewayState;
import org.comptoir.i18n.UserMessage;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * What became of a campaign: counts by state, the failures and skips with their reasons, and the messages whose fate
 * is unknown (waiting for the owner's decision). Blocks on the database.
 */
public final class OutboxReport {

    /** One message that did not simply go, with its reason code and words. */
    public record Problem(long outboxId, String recipient, String state, String reason, String error, Instant at) {
    }

    /**
     * @param counts       state name → messages, every state present (0 when none)
     * @param problems     FAILED, SKIPPED and UNKNOWN rows, oldest first
     * @param waitingUntil when the campaign waits for a window or a cap, until when; else null
     * @param waitingReason why it waits (OUTSIDE_HOURS, SUNDAY, HOLIDAY, ROUTE_CAP...), else null
     */
    public record Summary(long campaignId, String name, String status, Map<String, Long> counts, List<Problem> problems,
                          Instant waitingUntil, String waitingReason) {
        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Database database;

    public OutboxReport(Database database) {
        this.database = database;
    }

    /** The report of {@code campaignId}; empty when there is no such campaign. */
    public java.util.Optional<Summary> of(long campaignId) {
        return database.withConnection(c -> {
            record Head(String name, String status, Instant until, String why) {
            }
            java.util.Optional<Head> head = Jdbc.queryOne(c, "SELECT name, status, waiting_until, waiting_reason FROM campaign"
                    + " WHERE id = ?", rs -> new Head(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "waiting_until"),
                    rs.getString(4)), campaignId);
            if (head.isEmpty()) {
                return java.util.Optional.<Summary>empty();
            }
            Map<String, Long> counts = new TreeMap<>();
            for (OutboxState s : OutboxState.values()) {
                counts.put(s.name(), 0L);
            }
            Jdbc.query(c, "SELECT state, COUNT(*) AS n FROM outbox WHERE campaign_id = ? GROUP BY state",
                    rs -> counts.put(rs.getString(1), rs.getLong(2)), campaignId);
            List<Problem> problems = Jdbc.query(c, "SELECT id, recipient_e164, state, reason, error, updated_at FROM outbox"
                    + " WHERE campaign_id = ? AND state IN ('FAILED', 'SKIPPED', 'UNKNOWN') ORDER BY updated_at, id",
                    rs -> new Problem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            Jdbc.instant(rs, "updated_at")), campaignId);
            Head h = head.get();
            return java.util.Optional.of(new Summary(campaignId, h.name(), h.status(), counts, problems, h.until(), h.why()));
        });
    }

    /**
     * Where {@code campaignId} stands, without the gateway's state (see {@link GatewayOwner#progress}, which adds
     * it): counts by state, until when and why it waits, the latest failure's words. Empty when there is no such
     * campaign. Any thread but the FX one: blocks on the database (a few indexed queries, milliseconds).
     */
    public java.util.Optional<CampaignProgress> progress(long campaignId) {
        return progress(campaignId, null, null, Instant.now());
    }

    /** {@link #progress(long)} with the state and problem of the gateway that sends it. */
    java.util.Optional<CampaignProgress> progress(long campaignId, GatewayState gateway, UserMessage problem, Instant at) {
        return database.withConnection(c -> {
            record Head(String name, String status, Instant until, String why) {
            }
            java.util.Optional<Head> head = Jdbc.queryOne(c, "SELECT name, status, waiting_until, waiting_reason FROM campaign"
                    + " WHERE id = ?", rs -> new Head(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "waiting_until"),
                    rs.getString(4)), campaignId);
            if (head.isEmpty()) {
                return java.util.Optional.<CampaignProgress>empty();
            }
            Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
            for (OutboxState s : OutboxState.values()) {
                counts.put(s, 0L);
            }
            Jdbc.query(c, "SELECT state, COUNT(*) AS n FROM outbox WHERE campaign_id = ? GROUP BY state",
                    rs -> counts.put(OutboxState.valueOf(rs.getString(1)), rs.getLong(2)), campaignId);
            String lastError = Jdbc.queryOne(c, "SELECT error FROM outbox WHERE campaign_id = ? AND error IS NOT NULL"
                    + " AND (state IN ('FAILED', 'UNKNOWN') OR (state = 'QUEUED' AND attempts > 0))"
                    + " ORDER BY updated_at DESC, id DESC LIMIT 1", rs -> rs.getString(1), campaignId).orElse(null);
            Head h = head.get();
            boolean gatewayDown = "SENDING".equals(h.status()) && gateway != null && gateway != GatewayState.READY
                    && counts.get(OutboxState.QUEUED) > 0;
            String why = gatewayDown ? "GATEWAY" : h.why();
            Instant until = gatewayDown ? null : h.until();
            return java.util.Optional.of(new CampaignProgress(campaignId, h.name(), h.status(), counts, until, why,
                    gateway, gateway == GatewayState.READY ? null : problem, lastError, at));
        });
    }
}
