package org.comptoir.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.comptoir.MutableClock;

/**
 * A waiter on virtual time: waiting until an instant moves the test's clock there at once (a weekend passes in a
 * moment), and records each deadline; waiting for news only blocks on the real waiter, bounded.
 */
final class VirtualWaiter implements Waiter {

    private final MutableClock clock;
    private final Waiter real;
    final List<Instant> deadlines = new CopyOnWriteArrayList<>();

    VirtualWaiter(MutableClock clock) {
        this.clock = clock;
        this.real = Waiter.onClock(java.time.Clock.systemUTC());
    }

    @Override
    public void awaitUntil(Instant deadline) throws InterruptedException {
        if (deadline == null) {
            real.awaitUntil(Instant.now().plus(Duration.ofSeconds(5)));
            return;
        }
        deadlines.add(deadline);
        if (deadline.isAfter(clock.instant())) {
            clock.set(deadline);
        }
    }

    @Override
    public void wake() {
        real.wake();
    }
}
