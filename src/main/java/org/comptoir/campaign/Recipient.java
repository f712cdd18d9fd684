package org.comptoir.campaign;

/**
 * One person a campaign may go to.
 *
 * @param contactId contact row id
 * @param subject   keyed hash of the number (the consent ledger's key)
 * @param phoneE164 the number, +33…
 * @param firstName may be null or blank
 */
public record Recipient(long contactId, String subject, String phoneE164, String firstName) {
}
