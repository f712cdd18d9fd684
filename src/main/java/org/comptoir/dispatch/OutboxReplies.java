package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Instant;
import org.comptoir.consent.ConsentService;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.sms.SmsAnalysis;
import org.comptoir.sms.SmsText;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * {@link ReplySender} over the outbox: a one-off SERVICE row without a campaign, sent by the engine before campaign
 * rows and within the SERVICE window; not blocked by opt-out nor counted by the frequency cap (see {@link Eligibility});
 * the route's caps still apply. The {@code dedup_key} is unique in the table, so a reply is queued once even by two
 * tills. Thread-safe; blocks on the database.
 */
public final class OutboxReplies implements ReplySender {

    private final Database database;
    private final ConsentService consent;
    private final Clock clock;
    private final Runnable wake;

    /** @param wake tells the engine a reply waits (may be a no-op when none runs) */
    public OutboxReplies(Database database, ConsentService consent, Clock clock, Runnable wake) {
        this.database = database;
        this.consent = consent;
        this.clock = clock;
        this.wake = wake;
    }

    @Override
    public boolean queue(String recipientE164, String text, String purpose, String dedupKey) {
        PhoneNumber number = new PhoneNumber(recipientE164);
        SmsAnalysis analysis = SmsText.analyze(text);
        Instant now = clock.instant();
        boolean queued = database.inTransaction(c -> {
            if (dedupKey != null && Jdbc.queryLong(c, "SELECT COUNT(*) FROM outbox WHERE dedup_key = ?", dedupKey) > 0) {
                return false;
            }
            Jdbc.update(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding, parts, state,"
                    + " message_class, sender, window_key, purpose, dedup_key, created_at, updated_at)"
                    + " VALUES (NULL, ?, ?, ?, ?, ?, 'QUEUED', 'SERVICE', '', ?, ?, ?, ?, ?)",
                    consent.subjectOf(number), recipientE164, text, analysis.encoding(), analysis.parts(),
                    Outbox.windowKey(recipientE164), Outbox.truncate(purpose, 30), dedupKey, now, now);
            return true;
        });
        if (queued) {
            wake.run();
        }
        return queued;
    }
}
