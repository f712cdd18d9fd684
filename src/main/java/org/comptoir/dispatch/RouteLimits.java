package org.comptoir.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * How hard a route may be used: caps checked before each send, the pause after it, and the count that the caps read.
 * The USB modem has all three ({@link #modem}); the rehearsal and test gateways none. Blocks on the database.
 */
public interface RouteLimits {

    /** May one more message of {@code parts} parts to {@code recipient} leave now? */
    ModemRoutePolicy.Decision check(String recipient, Instant now, int parts);

    /** The pause before the next send. */
    Duration gapAfterSend();

    /** Counts a message the route accepted. */
    void recordSent(String recipient, Instant at, List<String> partReferences);

    /** Counts a message the route accepted in {@code took} (the modem keeps it: the forecast's measured pace). */
    default void recordSent(String recipient, Instant at, List<String> partReferences, Duration took) {
        recordSent(recipient, at, partReferences);
    }

    /** Counts a message of {@code parts} parts whose fate is unknown: the operator may have seen it, so the caps do. */
    default void recordUnknown(String recipient, Instant at, int parts) {
    }

    /** No cap, no pause. */
    RouteLimits NONE = new RouteLimits() {
        @Override
        public ModemRoutePolicy.Decision check(String recipient, Instant now, int parts) {
            return ModemRoutePolicy.Decision.allow();
        }

        @Override
        public Duration gapAfterSend() {
            return Duration.ZERO;
        }

        @Override
        public void recordSent(String recipient, Instant at, List<String> partReferences) {
        }
    };

    /** The modem route: {@link ModemRoutePolicy}'s caps and random pause, counted in {@link ModemSendLog}. */
    static RouteLimits modem(ModemRoutePolicy policy, ModemSendLog log, Random random) {
        return new RouteLimits() {
            @Override
            public ModemRoutePolicy.Decision check(String recipient, Instant now, int parts) {
                return policy.check(recipient, now, parts);
            }

            @Override
            public Duration gapAfterSend() {
                return policy.nextGap(random);
            }

            @Override
            public void recordSent(String recipient, Instant at, List<String> partReferences) {
                log.record(recipient, at, partReferences);
            }

            @Override
            public void recordSent(String recipient, Instant at, List<String> partReferences, Duration took) {
                log.record(recipient, at, partReferences.size(), partReferences, took);
            }

            @Override
            public void recordUnknown(String recipient, Instant at, int parts) {
                log.record(recipient, at, parts, List.of());
            }
        };
    }
}
