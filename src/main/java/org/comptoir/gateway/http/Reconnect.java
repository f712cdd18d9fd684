package org.comptoir.gateway.http;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When an unreachable provider is asked again: one probe at a time on {@code http-<provider>-probe}, first after
 * {@code first}, each failed probe doubling the wait up to ten minutes, back to {@code first} once it answered.
 * Thread-safe.
 */
final class Reconnect implements AutoCloseable {

    private static final Duration MOST = Duration.ofMinutes(10);

    private final ScheduledExecutorService probes;
    private final Duration first;
    private final Runnable probe;
    private ScheduledFuture<?> scheduled;
    private Duration wait;
    private boolean closed;

    Reconnect(String provider, Duration first, Runnable probe) {
        this.first = first;
        this.wait = first;
        this.probe = probe;
        this.probes = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "http-" + provider + "-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks again after the current wait, unless a probe is already due. */
    synchronized void schedule() {
        if (!closed && scheduled == null) {
            scheduled = probes.schedule(this::run, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The probe found it still unreachable: ask again after twice the wait. */
    synchronized void again() {
        wait = Duration.ofMillis(Math.min(wait.toMillis() * 2, MOST.toMillis()));
        schedule();
    }

    /** It answered: the next loss starts from the first wait again. */
    synchronized void reset() {
        wait = first;
    }

    private void run() {
        synchronized (this) {
            scheduled = null;
        }
        probe.run();
    }

    @Override
    public synchronized void close() {
        closed = true;
        probes.shutdownNow();
    }
}
