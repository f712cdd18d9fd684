package org.comptoir.consent;

import java.time.Instant;

/**
 * Where the consent ledger ends: the last row's sequence number, its hash and when it was recorded. Printed on
 * exports and backups and kept in the checkpoint file, it lets anyone later prove that the ledger still extends
 * it ({@link ConsentService#verify(java.util.List)}): the chain links each row to the one before, so a ledger that
 * still has this hash at this sequence has every earlier row unchanged.
 *
 * @param seq  0 for an empty ledger
 * @param hash the last row's hash (64 zeros for an empty ledger)
 * @param at   when the last row was recorded (null for an empty ledger, or a checkpoint given as a hash alone)
 */
public record LedgerHead(long seq, String hash, Instant at) {

    /** A checkpoint known only by its hash (typed from a printout): its sequence is found along the chain. */
    public static LedgerHead ofHash(String hash) {
        return new LedgerHead(-1, hash, null);
    }

    public boolean hashOnly() {
        return seq < 0;
    }
}
