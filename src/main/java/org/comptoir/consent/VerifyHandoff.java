package org.comptoir.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands {@code consent verify}'s rows, in order, from the thread that reads the store to a second thread that checks
 * them (hashes, replay, the contacts' keyed hashes): reading the encrypted store and checking what it holds are
 * independent, so on two cores they overlap instead of adding up. Rows travel in batches of {@link #BATCH} through a
 * queue of {@link #QUEUED}: at most a few thousand rows are in memory at once, whatever the ledger's length.
 *
 * <p>A failure of the check is rethrown to the reader by {@link #add} or {@link #finish}; the checking thread never
 * outlives {@link #close}.
 */
final class VerifyHandoff implements AutoCloseable {

    static final int BATCH = 512;
    private static final int QUEUED = 2;
    private static final List<VerifyRow> END = List.of();

    private final BlockingQueue<List<VerifyRow>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread checker;
    private volatile Throwable failure;
    private List<VerifyRow> batch = new ArrayList<>(BATCH);
    private boolean ended;

    /** Starts the checking thread; {@code check} sees every row added, in order, on that thread only. */
    VerifyHandoff(Consumer<VerifyRow> check) {
        checker = new Thread(() -> drain(check), "consent-verify-check");
        checker.setDaemon(true); // never holds the application open: the reader waits for it in close()
        checker.start();
    }

    /** Queues one row (the reader's thread only); rethrows the check's failure as soon as there is one. */
    void add(VerifyRow row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits until every row added is checked; rethrows the check's failure. */
    void finish() {
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>(0);
        }
        end();
        rethrow();
    }

    /** After a failure of the reader: lets the checking thread end, and waits for it. */
    @Override
    public void close() {
        if (!ended) {
            end();
        }
    }

    private void put(List<VerifyRow> rows) {
        rethrow();
        try {
            queue.put(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("consent verify interrupted", e);
        }
    }

    private void end() {
        ended = true;
        boolean interrupted = false;
        // the checker drains the queue even after a failure of its own, so END finds room
        while (checker.isAlive()) {
            try {
                if (queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    checker.join();
                }
            } catch (InterruptedException e) {
                interrupted = true; // the checker must not be left running on the reader's rows
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private void drain(Consumer<VerifyRow> check) {
        try {
            for (List<VerifyRow> rows = queue.take(); rows != END; rows = queue.take()) {
                if (failure != null) {
                    continue; // keep draining: the reader must never block on a full queue
                }
                try {
                    for (VerifyRow row : rows) {
                        check.accept(row);
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            failure = e; // nobody interrupts it but a JVM shutting down
        }
    }
}
