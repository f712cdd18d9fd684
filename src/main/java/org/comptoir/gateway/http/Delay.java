package org.comptoir.gateway.http;

import java.time.Duration;

/**
 * How the gateway waits between requests (pacing, back-off, Retry-After). Tests give one that moves a clock
 * instead of waiting, so no test depends on wall-clock time.
 */
@FunctionalInterface
public interface Delay {

    /** Returns after {@code d}; throws at once when the thread is interrupted or the wait is called off. */
    void await(Duration d) throws InterruptedException;

    /** Real timed waits that {@link Wakeable#cancelAll()} ends (the gateway closing), so no wait outlives it. */
    static Wakeable real() {
        return new Wakeable();
    }

    /** A timed wait on a monitor, not a sleep: closing the gateway ends every wait in progress. */
    final class Wakeable implements Delay {
        private boolean cancelled;

        @Override
        public synchronized void await(Duration d) throws InterruptedException {
            long deadline = System.nanoTime() + d.toNanos();
            for (long left = d.toNanos(); left > 0 && !cancelled; left = deadline - System.nanoTime()) {
                wait(Math.max(1, (left + 999_999) / 1_000_000));
            }
            if (cancelled) {
                throw new InterruptedException("gateway closed");
            }
        }

        public synchronized void cancelAll() {
            cancelled = true;
            notifyAll();
        }
    }
}
