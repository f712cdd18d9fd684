package org.comptoir.store;

import java.time.Instant;

/**
 * The consent ledger's last appended event as {@code consent_ledger_head} records it: its sequence number and
 * hash, and when that event was recorded ({@code occurred_at}; null for an empty ledger). A ledger "extends" a head
 * when its event {@code seq} carries {@code hash}.
 */
public record LedgerHead(long seq, String hash, Instant at) {

    /** A head known by its sequence and hash alone. */
    public LedgerHead(long seq, String hash) {
        this(seq, hash, null);
    }
}
