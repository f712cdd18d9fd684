package org.comptoir.export;

import java.time.Instant;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.LedgerHead;
import org.comptoir.consent.VerifyReport;

/**
 * The ledger's head ({@link ConsentService#head()}: last sequence number, hash and time) and the result of the
 * chain check ({@link ConsentService#verify()}), taken when an export starts: printed on its cover, it makes every
 * export a checkpoint an auditor can compare a later ledger with.
 */
record LedgerCheckpoint(LedgerHead head, VerifyReport check) {

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

    /** Blocks on the database: the head, then a full walk of the chain (seconds at a million events). */
    static LedgerCheckpoint take(ConsentService consent) {
        LedgerHead head = consent.head();
        return new LedgerCheckpoint(head, consent.verify());
    }
}
