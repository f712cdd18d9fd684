package org.comptoir.consent;

import java.time.Instant;

/**
 * One version of the sentence shown to the customer when asked for consent. Never edited: a change of shop
 * name, opt-out mention or language makes a new version, so every consent points at the exact text read.
 */
public record ConsentWording(long id, int version, String language, String text, String shopName, String purpose,
                             Instant createdAt) {
}
