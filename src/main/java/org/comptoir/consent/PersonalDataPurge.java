package org.comptoir.consent;

import java.sql.Connection;
import java.sql.SQLException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;

/**
 * The erasure step that leaves nothing behind outside the ledger: the person's received SMS, the texts kept as
 * evidence beside the ledger, their confirmation requests, the outbox rows' number, text and gateway answers,
 * and the modem send log's number. Send-log rows stay, under a placeholder that is different for each row, so the
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
        // counts only: the audit trail must survive the erasure without naming anyone
        Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, 'consent', 'ERASE_DATA', ?)",
                clock.instant(), "inbound " + inbound + ", evidence " + evidence + ", requests " + requests
                + ", outbox " + outbox + ", modem log " + sendLog);
        afterErase.run();
    }
}
