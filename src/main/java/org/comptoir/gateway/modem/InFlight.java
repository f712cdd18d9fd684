package org.comptoir.gateway.modem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an {@link AtChannel} is waiting for: the command in flight, and the final results still owed by
 * commands it gave up on (timed out). A late {@code +CMGS: 7}/{@code OK} belongs to the command that timed out,
 * not to the next one: a final result read while nothing waits pays one off, and the next command is preceded
 * by a resynchronising {@code AT} that skips what is still owed.
 *
 * <p>The reader thread hands over final results, a caller installs and clears commands: both under this
 * object's monitor, which is a leaf (nothing is called while holding it but the pending command's own
 * completion, which calls nothing back).
 */
final class InFlight {

    private static final Logger LOG = LoggerFactory.getLogger(InFlight.class);

    private final String linkName;
    private volatile PendingCommand current;
    private int owed;

    InFlight(String linkName) {
        this.linkName = linkName;
    }

    /** The command in flight, or null. Any thread. */
    PendingCommand current() {
        return current;
    }

    synchronized void install(PendingCommand p) {
        current = p;
    }

    synchronized void clear() {
        current = null;
    }

    /** Gives up on {@code p}: unless its answer slipped in just now, the modem owes it. */
    synchronized void giveUp(PendingCommand p) {
        current = null;
        if (!p.answered()) {
            owed++;
        }
    }

    /**
     * When answers are owed, installs the resynchronising {@code AT} that skips them, in one step with reading
     * the count (the reader cannot pay one off in between); null when the channel is in step.
     */
    synchronized PendingCommand installResync(java.util.concurrent.atomic.AtomicInteger consecutiveTimeouts) {
        if (owed == 0) {
            return null;
        }
        current = new PendingCommand("AT", false, linkName, consecutiveTimeouts, owed);
        return current;
    }

    /** After a resynchronisation: in step again ({@code 0}), or still owing {@code n}. */
    synchronized void owe(int n) {
        owed = n;
    }

    /** Reader thread: a final result, to the command in flight or, when none waits, to an abandoned one. */
    synchronized void onFinal(String finalLine) {
        PendingCommand p = current;
        if (p != null) {
            p.complete(finalLine);
        } else if (owed > 0) {
            owed--;
            LOG.info("Late answer on {} to a command given up on: {}", linkName, finalLine);
        }
    }
}
