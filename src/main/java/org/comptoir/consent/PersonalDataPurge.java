package org.comptoir.consent;

import java.sql.Connection;
import java.sql.SQLException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;

/**
 * The erasure step that leaves nothing behind outside the ledger: the person's received SMS, the texts kept as
 * evidence beside the ledger, their confirmation requests, the outbox rows' number, text and gateway answers,
 * the modem send log's number, and, where the sending engine's tables exist, its parts' number and its rehearsal log.
 * Send-log rows stay, under a placeholder that is different for each row, so the
 * modem's daily and monthly caps still count them (as many recipients as rows: never fewer than there were).
 */
final class PersonalDataPurge implements ErasureStep {

    private final java.time.Clock clock;
    private final Runnable afterErase;

    /** @param afterErase told after each erasure (the file is compacted at close when there was one) */
    PersonalDataPurge(java.time.Clock clock, Runnable afterErase) {
        this.clock = clock;
        this.afterErase = afterErase;
    }

    @Override
    public void erase(Connection c, PhoneNumber number, String subject) throws SQLException {
        String e164 = number.e164();
        int inbound = Jdbc.update(c, "DELETE FROM inbound WHERE sender = ?", e164);
        int evidence = SmsEvidence.erase(c, subject);
        int requests = DoubleOptIn.erase(c, subject);
        int outbox = Jdbc.update(c, "UPDATE outbox SET recipient_e164 = '', rendered_text = '', gateway_refs = NULL, "
                + "error = NULL WHERE subject = ? OR recipient_e164 = ?", subject, e164);
        int sendLog = Jdbc.update(c, "UPDATE modem_send_log SET recipient = CONCAT('erased-', id) WHERE recipient = ?",
                e164);
        // the sending engine's tables (issue 10), where the store has them: parts matched to delivery reports keep a
        // placeholder, a rehearsal's log of what would have been sent goes
        if (tableExists(c, "OUTBOX_PART")) {
            outbox += Jdbc.update(c, "UPDATE outbox_part SET recipient = CONCAT('erased-', outbox_id) WHERE recipient = ?",
                    e164);
        }
        if (tableExists(c, "REHEARSAL_LOG")) {
            outbox += Jdbc.update(c, "DELETE FROM rehearsal_log WHERE recipient = ?", e164);
        }
        // counts only: the audit trail must survive the erasure without naming anyone
        Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, 'consent', 'ERASE_DATA', ?)",
                clock.instant(), "inbound " + inbound + ", evidence " + evidence + ", requests " + requests
                + ", outbox " + outbox + ", modem log " + sendLog);
        afterErase.run();
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        return Jdbc.queryLong(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                + "AND TABLE_NAME = ?", table) > 0;
    }
}
