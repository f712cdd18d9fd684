package org.comptoir.consent;

import java.time.Instant;
import java.util.List;
import org.comptoir.phone.PhoneNumber;

/** One contact in a list; {@code status} and {@code since} are null for a contact imported without consent. */
public record ContactRow(long id, PhoneNumber number, String firstName, String lastName, ConsentStatus status,
                         Instant since, Instant createdAt, List<String> tags) {

    public ContactRow {
        tags = List.copyOf(tags);
    }
}
