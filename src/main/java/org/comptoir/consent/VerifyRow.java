package org.comptoir.consent;

/**
 * The rows {@code consent verify} reads, as the thread that reads the store hands them to the thread that checks
 * them ({@link VerifyHandoff}), in the order read: the ledger's events, then the state rows, then the contacts, each
 * part closed by a {@link Mark}.
 */
sealed interface VerifyRow {

    /** One ledger row (seq 1 or more) and the hash stored with it. */
    record Event(LedgerEntry entry, String storedHash) implements VerifyRow {
    }

    /** One {@code consent_state} row; {@code sinceMicros} and {@code wordingId} are {@link ReplayTable#NONE} for null. */
    record State(String subject, String status, long sinceMicros, long lastSeq, long wordingId) implements VerifyRow {
    }

    /** One {@code contact} row. */
    record Contact(String subject, String phone, long id) implements VerifyRow {
    }

    /** The end of a part. */
    enum Mark implements VerifyRow {
        LEDGER_END, STATES_END
    }
}
