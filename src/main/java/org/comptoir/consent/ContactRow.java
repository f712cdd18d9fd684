package org.comptoir.consent;

import java.time.Instant;
import java.util.List;
import org.comptoir.phone.PhoneNumber;

/** One contact in a list. Every contact has a status: contact rows are only created by an opt-in. */
public record ContactRow(long id, PhoneNumber number, String firstName, String lastName, ConsentStatus status,
                         Instant since, Instant createdAt, List<String> tags) {

    public ContactRow {
        tags = List.copyOf(tags);
    }
}
