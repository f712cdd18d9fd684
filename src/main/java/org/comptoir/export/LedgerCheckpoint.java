package org.comptoir.export;

import org.comptoir.consent.ConsentService;
import org.comptoir.consent.VerifyReport;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * The ledger's head (last sequence number and hash) and the result of the chain check, taken when an export
 * starts: printed on its cover, it makes every export a checkpoint an auditor can compare a later ledger with.
 *
 * <p>The only place the export reads the head: the ledger's owner may give it a public method (and checkpoints
 * of its own); then this is the one line to change.
 */
record LedgerCheckpoint(long seq, String hash, VerifyReport check) {

    /** Blocks on the database: a full walk of the chain (seconds at a million events). */
    static LedgerCheckpoint take(Database db, ConsentService consent) {
        long[] seq = new long[1];
        String hash = db.withConnection(c -> Jdbc.queryOne(c,
                "SELECT last_seq, last_hash FROM consent_ledger_head WHERE id = 1", rs -> {
                    seq[0] = rs.getLong(1);
                    return rs.getString(2);
                }).orElse(""));
        return new LedgerCheckpoint(seq[0], hash, consent.verify());
    }
}
