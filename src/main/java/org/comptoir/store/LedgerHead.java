package org.comptoir.store;

/**
 * The consent ledger's last appended event as {@code consent_ledger_head} records it: its sequence number and
 * hash. A ledger "extends" a head when its event {@code seq} carries {@code hash}.
 */
public record LedgerHead(long seq, String hash) {
}
