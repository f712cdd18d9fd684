package org.comptoir.consent;

import org.comptoir.i18n.UserMessage;

/**
 * The first place where the consent ledger is not what Comptoir wrote.
 *
 * @param seq     the sequence number of the row concerned (for DELETED: the first missing one)
 * @param kind    what was found
 * @param message a sentence for the owner (keys {@code ledger.problem.*})
 */
public record LedgerProblem(long seq, Kind kind, UserMessage message) {

    public enum Kind {
        /** The row's content no longer matches its hash: a field was edited. */
        ALTERED,
        /** A row beyond the last one Comptoir wrote. */
        INSERTED,
        /** A row is missing: a gap in the sequence, or rows missing at the end. */
        DELETED,
        /** The row is self-consistent but does not follow the row before it (that one was rewritten, or this one replaced). */
        BROKEN_LINK
    }
}
