package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How the engine waits for an instant (the modem's pause, the next sending window) or for news (a delivery report, a
 * campaign resumed, the gateway back): on a condition, against an injected {@link Clock}, never a sleep. Tests give a
 * waiter that moves their clock instead, so a weekend passes at once.
 */
public interface Waiter {

    /**
     * Returns once {@code deadline} is reached on the clock or {@link #wake} was called (since the last return);
     * {@code deadline} null waits for a wake only. Called by the engine thread only.
     */
    void awaitUntil(Instant deadline) throws InterruptedException;

    /** Ends the current or next wait early. Any thread. */
    void wake();

    /** The production waiter: a condition with a timeout re-read from the clock at least every minute. */
    static Waiter onClock(Clock clock) {
        return new ClockWaiter(clock);
    }

    /** Waits on a lock's condition; re-reads the clock at least every minute, so a laptop's sleep is caught up. */
    final class ClockWaiter implements Waiter {
        private static final Duration RECHECK = Duration.ofMinutes(1);
        private final Clock clock;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private boolean woken;

        ClockWaiter(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void awaitUntil(Instant deadline) throws InterruptedException {
            lock.lock();
            try {
                while (!woken) {
                    Duration left = deadline == null ? RECHECK : Duration.between(clock.instant(), deadline);
                    if (left.isNegative() || left.isZero()) {
                        break;
                    }
                    changed.await(Math.min(left.toMillis(), RECHECK.toMillis()) + 1, TimeUnit.MILLISECONDS);
                }
                woken = false;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void wake() {
            lock.lock();
            try {
                woken = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
