package org.comptoir.dispatch;

import org.comptoir.schedule.MessageClass;

/**
 * One message of the outbox, as an engine claims it.
 *
 * @param id           the row, also the gateway's idempotency id ({@code "outbox-" + id})
 * @param campaignId   null for a one-off reply
 * @param subject      the recipient's ledger subject
 * @param recipient    E.164
 * @param text         rendered, opt-out mention included
 * @param parts        as counted when queued
 * @param messageClass MARKETING or SERVICE
 * @param sender       alphanumeric sender name, "" for the gateway's number
 * @param attempts     sends tried so far, this one included once claimed
 * @param windowKey    rows with the same key share a sending window (country code and number prefix)
 */
public record OutboxRow(long id, Long campaignId, String subject, String recipient, String text, int parts,
                        MessageClass messageClass, String sender, int attempts, String windowKey) {

    /** The id the gateway gets: stable across retries, so a provider with client references can deduplicate. */
    public String messageId() {
        return "outbox-" + id;
    }
}
