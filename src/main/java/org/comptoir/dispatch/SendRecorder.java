package org.comptoir.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;

/**
 * What the {@link SendingEngine} writes once its gateway answered for a claimed row — SENT with its parts and the
 * route's count, a retry with back-off, FAILED, UNKNOWN (never sent again), or the row given back when the gateway
 * itself is at fault — and the counts of one run. Engine thread only.
 */
final class SendRecorder {

    /** Failure codes that are the gateway's state, not the message's: a modem that does not answer, a lost link. */
    private static final Set<String> GATEWAY_FAULTS = Set.of("TIMEOUT", "LINK");

    /**
     * What the queue does after a result.
     *
     * @param newHold   whether {@code holdUntil} replaces the engine's current hold (the pause after a send, a back-off
     *                  of a gateway that keeps refusing); false leaves the hold as it is
     * @param holdUntil the new hold; null for none
     * @param requeue   the row went back to the queue because the gateway is at fault: the prefetched candidates are
     *                  stale and every sending campaign shows the gateway's problem
     */
    record After(boolean newHold, Instant holdUntil, boolean requeue) {
        static final After NOTHING = new After(false, null, false);
    }

    private final SmsGateway gateway;
    private final SendingEngine.Parts parts;
    private final EngineConfig config;
    int sent, failed, skipped, unknown, deferred;
    private int gatewayFaults;

    SendRecorder(SmsGateway gateway, SendingEngine.Parts parts, EngineConfig config) {
        this.gateway = gateway;
        this.parts = parts;
        this.config = config;
    }

    /** A new run's counts. */
    void reset() {
        sent = failed = skipped = unknown = deferred = 0;
    }

    /** Records what the gateway answered for {@code claimed}, sent between {@code before} and {@code after}. */
    After record(OutboxRow claimed, SendResult result, Instant before, Instant after) {
        long id = claimed.id();
        if (result instanceof SendResult.Sent s) {
            gatewayFaults = 0;
            parts.outbox().markSent(claimed, s.partReferences(), after);
            parts.limits().recordSent(claimed.recipient(), after, s.partReferences(), Duration.between(before, after));
            sent++;
            Duration gap = parts.limits().gapAfterSend();
            return new After(true, gap.isZero() ? null : after.plus(gap), false);
        }
        if (result instanceof SendResult.Failed f) {
            String words = parts.messages().render(f.error().message());
            if (f.retryable() && (gateway.state() != GatewayState.READY || GATEWAY_FAULTS.contains(f.error().code()))) {
                // the gateway went away or stopped answering before anything left: not the message's fault, so it
                // keeps its attempts and the queue waits (the campaign shows the gateway's problem meanwhile)
                parts.outbox().release(id);
                // a modem that stops answering is declared gone by its gateway after a few silent commands (then the
                // engine waits for it to come back); a gateway that keeps refusing at once must not spin the engine
                if (++gatewayFaults >= config.maxAttempts()) {
                    gatewayFaults = 0;
                    return new After(true, after.plus(config.firstBackoff()), true);
                }
                return new After(false, null, true);
            }
            if (f.retryable() && claimed.attempts() < config.maxAttempts()) {
                parts.outbox().retryLater(id, after.plus(config.backoff(claimed.attempts())), f.error().code(), words);
                deferred++;
            } else {
                parts.outbox().markFailed(id, f.error().code(), words);
                failed++;
            }
            return After.NOTHING;
        }
        parts.outbox().markUnknown(id, "UNKNOWN", ((SendResult.Unknown) result).why());
        parts.limits().recordUnknown(claimed.recipient(), after, claimed.parts()); // it may have left: the caps count it
        unknown++;
        return After.NOTHING;
    }
}
