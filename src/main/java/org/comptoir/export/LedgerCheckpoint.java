package org.comptoir.export;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.LedgerHead;
import org.comptoir.consent.VerifyReport;

/**
 * The ledger's head ({@link ConsentService#head()}: last sequence number, hash and time) and the result of the
 * chain check ({@link ConsentService#verify()}), taken when an export starts: printed on its cover, it makes every
 * export a checkpoint an auditor can compare a later ledger with.
 *
 * <p>The check may still be running ({@link #start}): {@link #check()} waits for it. The head is always read first,
 * so what the cover prints as the head is what the register ends at, whichever finishes first.
 */
record LedgerCheckpoint(LedgerHead head, CompletableFuture<VerifyReport> pending) {

    long seq() {
        return head.seq();
    }

    String hash() {
        return head.hash();
    }

    /** When the head row was recorded; null for an empty ledger. */
    Instant at() {
        return head.at();
    }

    /** The chain check; blocks until it is done. Its failure is rethrown as it was thrown. */
    VerifyReport check() {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Blocks on the database: the head, then a full walk of the chain (seconds at a million events). */
    static LedgerCheckpoint take(ConsentService consent) {
        LedgerHead head = consent.head();
        return new LedgerCheckpoint(head, CompletableFuture.completedFuture(consent.verify()));
    }

    /**
     * Reads the head now (blocking) and starts the chain check on {@code checker}, so the sheets can be written
     * meanwhile: the walk reads the ledger in its own snapshot on its own connection, and the cover, which prints
     * its result, is written last.
     */
    static LedgerCheckpoint start(ConsentService consent, ExecutorService checker) {
        LedgerHead head = consent.head();
        return new LedgerCheckpoint(head, CompletableFuture.supplyAsync(consent::verify, checker));
    }
}
