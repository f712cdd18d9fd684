package org.comptoir.dispatch;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.comptoir.gateway.GatewayState;
import org.comptoir.i18n.UserMessage;

/**
 * Where one campaign stands right now, for a sending view: what {@link GatewayOwner#progress} answers and what
 * {@link GatewayOwner#addProgressListener} hears. An immutable snapshot read from the store in one go, plus the state
 * of the gateway the owner holds.
 *
 * @param campaignId     the campaign
 * @param name           its name
 * @param status         its status ({@code SCHEDULED}, {@code SENDING}, {@code PAUSED}, {@code DONE}, {@code CANCELLED}...)
 * @param counts         messages per {@link OutboxState}, every state present (0 when none)
 * @param waitingUntil   when it waits for a sending window or a cap: until when; null otherwise
 * @param waitingReason  why it waits: {@code OUTSIDE_HOURS}, {@code SUNDAY}, {@code HOLIDAY}, {@code ROUTE_CAP}, or
 *                       {@code GATEWAY} (the gateway is not ready: see {@code gatewayProblem}); null when it does not
 * @param gatewayState   the state of the gateway the owner holds; null when none is open (not configured yet,
 *                       or sending not started in this process)
 * @param gatewayProblem why that gateway is not ready, in words ("the modem on COM3 does not answer..."); null when it is
 * @param lastError      the words of the latest failure among the campaign's messages (FAILED, UNKNOWN, or a retry
 *                       waiting); null when none
 * @param at             when this snapshot was read
 */
public record CampaignProgress(long campaignId, String name, String status, Map<OutboxState, Long> counts,
                               Instant waitingUntil, String waitingReason, GatewayState gatewayState,
                               UserMessage gatewayProblem, String lastError, Instant at) {

    public CampaignProgress {
        counts = Map.copyOf(counts);
    }

    public long count(OutboxState state) {
        return counts.getOrDefault(state, 0L);
    }

    /** Every message of the campaign. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Still to go: QUEUED and SENDING. */
    public long remaining() {
        return count(OutboxState.QUEUED) + count(OutboxState.SENDING);
    }

    /** SENT and DELIVERED: accepted by the network. */
    public long sent() {
        return count(OutboxState.SENT) + count(OutboxState.DELIVERED);
    }

    /** Share of the messages whose turn is over (0..1); 1 for an empty campaign. */
    public double fractionDone() {
        long total = total();
        return total == 0 ? 1.0 : (double) (total - remaining()) / total;
    }

    /** True while it is SENDING but nothing can leave now (a window, a cap, or the gateway). */
    public boolean waiting() {
        return waitingReason != null;
    }

    public Optional<UserMessage> gatewayProblemMessage() {
        return Optional.ofNullable(gatewayProblem);
    }
}
