package org.comptoir.campaign;

import org.comptoir.schedule.MessageClass;

/**
 * What a campaign is allowed to say, and so to whom it may go.
 *
 * <p>MARKETING promotes goods or services: only to contacts whose consent allows it, always with the opt-out
 * mention (CPCE L34-5, REFERENCE.md §1.1, §1.3). SERVICE informs existing customers (order ready, opening hours
 * changed): no consent needed, but no promotional content either.
 */
public enum CampaignKind {
    MARKETING,
    SERVICE;

    public boolean needsOptOutMention() {
        return this == MARKETING;
    }

    /** The sending window its messages follow. */
    public MessageClass messageClass() {
        return this == MARKETING ? MessageClass.MARKETING : MessageClass.SERVICE;
    }
}
