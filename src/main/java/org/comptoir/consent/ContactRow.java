package org.comptoir.consent;

import java.time.Instant;
import java.util.List;
import org.comptoir.phone.PhoneNumber;

/**
 * One line of the contact list. {@code status} and {@code since} are null for a contact imported without consent;
 * {@code id}, {@code number}, the names and {@code createdAt} are null for a person the ledger knows but whose
 * number is not kept (a refusal or a STOP from someone never opted in: only the keyed hash is stored, to honour it).
 * {@code subject} is the person's keyed hash, the ledger's name for them (never null).
 */
public record ContactRow(Long id, String subject, PhoneNumber number, String firstName, String lastName,
                         ConsentStatus status, Instant since, Instant createdAt, List<String> tags) {

    public ContactRow {
        tags = List.copyOf(tags);
    }

    /** Whether the number and a contact row are kept (false: only the ledger's keyed hash is). */
    public boolean kept() {
        return id != null;
    }
}
