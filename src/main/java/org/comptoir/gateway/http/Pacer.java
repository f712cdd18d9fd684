package org.comptoir.gateway.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces requests to a provider: at most {@code perSecond} messages start per second, whichever thread makes them, and
 * none before an instant a provider asked to wait for (a 429's Retry-After holds every request, not only the
 * refused one). Thread-safe.
 */
final class Pacer {

    private final long intervalNanos;
    private final Clock clock;
    private final Delay delay;
    private Instant next;

    Pacer(double perSecond, Clock clock, Delay delay) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) Math.ceil(1_000_000_000d / perSecond);
        this.clock = clock;
        this.delay = delay;
        this.next = clock.instant();
    }

    /** Waits for this request's slot. Blocks; throws when interrupted. */
    void acquire() throws InterruptedException {
        acquire(1);
    }

    /**
     * Waits for the slot of a request carrying {@code messages} messages (a batch to several recipients): it starts
     * at its slot, and the next request waits one interval per message it carried, so the pace is counted per
     * recipient, not per request. Blocks; throws when interrupted.
     */
    void acquire(int messages) throws InterruptedException {
        Instant slot;
        synchronized (this) {
            Instant now = clock.instant();
            slot = next.isAfter(now) ? next : now;
            next = slot.plusNanos(intervalNanos * Math.max(1, messages));
        }
        Duration wait = Duration.between(clock.instant(), slot);
        if (!wait.isNegative() && !wait.isZero()) {
            delay.await(wait);
        }
    }

    /** No request starts before {@code until}. */
    synchronized void holdUntil(Instant until) {
        if (until.isAfter(next)) {
            next = until;
        }
    }
}
