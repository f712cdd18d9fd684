package org.comptoir.consent;

import java.time.Instant;
import org.comptoir.phone.PhoneNumber;

/**
 * What Comptoir knows about a number right now.
 *
 * @param contactId null when there is no contact row (erased, refused or opted out without ever being a contact)
 * @param number    null when erased (the ledger keeps only the keyed hash)
 * @param firstName may be null
 * @param status    null when the person was never asked
 * @param since     when the status began, null when never asked
 */
public record ContactStatus(Long contactId, PhoneNumber number, String firstName, ConsentStatus status,
                            Instant since) {

    /** Whether a promotion SMS may go to this person now. */
    public boolean allowsMarketing(boolean doubleOptIn) {
        return status != null && status.allowsMarketing(doubleOptIn);
    }
}
