package org.comptoir.consent;

import java.util.Objects;
import java.util.Set;
import org.comptoir.phone.PhoneNumber;

/**
 * One person from an imported file, already validated by the importer.
 *
 * @param consentEvidence null: no consent in the file, the contact is added WITHOUT marketing consent (no ledger
 *                        event, no state: "no consent recorded"); non-null: the file carries an explicit, dated
 *                        consent with its source, recorded as OPT_IN on channel IMPORT with this evidence
 *                        (file, sheet, row, date, source)
 */
public record ImportedContact(PhoneNumber number, String firstName, String lastName, Set<String> tags,
                              String consentEvidence) {

    public ImportedContact {
        Objects.requireNonNull(number, "number");
        tags = Set.copyOf(tags);
    }

    /** What the import did with one person. */
    public enum Outcome {
        /** New contact, OPT_IN recorded from the file's consent. */
        OPTED_IN,
        /** New contact without consent: no ledger event, not in any promotion's audience. */
        ADDED_WITHOUT_CONSENT,
        /** Already a contact: tags added and empty names filled; their consent is left as it is. */
        UPDATED,
        /** Refused: the number said STOP (or withdrew in the shop); an import never re-subscribes anyone. */
        SUPPRESSED_OPTED_OUT,
        /** Refused: the person was erased; importing them would bring their data back. */
        SUPPRESSED_ERASED,
        /** Refused: the file claims a consent, but the person's latest answer in the ledger is a refusal. */
        REFUSED_IN_LEDGER;

        public boolean refused() {
            return this == SUPPRESSED_OPTED_OUT || this == SUPPRESSED_ERASED || this == REFUSED_IN_LEDGER;
        }
    }
}
