package org.comptoir.dispatch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SendingEngine}'s own thread ({@code sending-<gateway>}): one run at a time, inside the run's
 * {@link SenderLease} (opened before the first claim, so the claims name a living instance; closed after the last),
 * stopped by a flag the run's loop reads. Thread-safe.
 */
final class EngineThread {

    private static final Logger LOG = LoggerFactory.getLogger(EngineThread.class);

    private final String name;
    private final SenderLease lease;
    private final Waiter waiter;
    /** Told when another sender's lease lapsed and its rows were taken over (the queue changed). */
    private final Runnable leaseTaken;
    private volatile boolean running;
    private Thread thread;

    EngineThread(String name, SenderLease lease, Waiter waiter, Runnable leaseTaken) {
        this.name = name;
        this.lease = lease;
        this.waiter = waiter;
        this.leaseTaken = leaseTaken;
    }

    /** Whether the run should go on: false once {@link #stop} was asked or the run ended. */
    boolean running() {
        return running;
    }

    /** The run's loop ended (it sets this itself, so a stop asked meanwhile is not mistaken for a run going on). */
    synchronized void ended() {
        running = false;
    }

    /** Starts {@code body} on the thread unless a run is going on. Never blocks. */
    synchronized void startIfIdle(Supplier<?> body) {
        if (thread == null) {
            running = true;
            thread = newThread(body, null);
            thread.start();
        }
    }

    /** Starts {@code body} on the thread; its result completes the future. Throws when a run is going on. */
    synchronized <T> CompletableFuture<T> runOnce(Supplier<T> body) {
        if (thread != null) {
            throw new IllegalStateException("engine already running");
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        running = true;
        thread = newThread(body, done);
        thread.start();
        return done;
    }

    private <T> Thread newThread(Supplier<T> body, CompletableFuture<T> result) {
        Thread t = new Thread(() -> {
            T summary = null;
            Throwable failure = null;
            try {
                lease.open(taken -> {
                    waiter.wake();
                    leaseTaken.run();
                });
                summary = body.get();
            } catch (RuntimeException | Error e) {
                LOG.error("sending engine {} stopped", name, e);
                failure = e;
            } finally {
                try {
                    lease.close();
                } catch (RuntimeException e) {
                    LOG.warn("sending lease not closed", e);
                }
                synchronized (this) {
                    thread = null;
                }
            }
            // completed once the engine may run again
            if (result != null) {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(summary);
                }
            }
        }, name);
        t.setDaemon(true); // closed by its owner; must not keep a finished CLI alive
        return t;
    }

    /** Stops the run after the message in hand; waits up to {@code timeout} for it. */
    void stop(Duration timeout) {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        waiter.wake();
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
