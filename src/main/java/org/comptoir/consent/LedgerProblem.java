package org.comptoir.consent;

import org.comptoir.i18n.UserMessage;

/**
 * A place where the consent ledger, or what is derived from it, is not what Comptoir wrote.
 *
 * @param seq     the sequence number of the row concerned (for DELETED: the first missing one; for a state or
 *                contact difference: the person's last ledger row, 0 when they have none)
 * @param kind    what was found
 * @param message a sentence for the owner (keys {@code ledger.problem.*})
 * @param subject the person concerned (their keyed hash), null for problems of the chain itself
 */
public record LedgerProblem(long seq, Kind kind, UserMessage message, String subject) {

    public LedgerProblem(long seq, Kind kind, UserMessage message) {
        this(seq, kind, message, null);
    }

    public enum Kind {
        /** The row's content no longer matches its hash: a field was edited. */
        ALTERED,
        /** A row beyond the last one Comptoir wrote, or outside its numbering (seq 0 or negative). */
        INSERTED,
        /** A row is missing: a gap in the sequence, or rows missing at the end. */
        DELETED,
        /** The row is self-consistent but does not follow the row before it (that one was rewritten, or this one replaced). */
        BROKEN_LINK,
        /** The row is dated before the row it follows: the clock was set back, or the date edited. */
        OUT_OF_ORDER,
        /** A person's current status ({@code consent_state}) is not what their ledger rows say. */
        STATE_MISMATCH,
        /** A contact row does not belong to its ledger subject (number swapped) or has no consent behind it. */
        CONTACT_MISMATCH,
        /** The ledger does not extend a checkpoint taken earlier: rows before it were rewritten or removed. */
        CHECKPOINT_MISMATCH
    }
}
