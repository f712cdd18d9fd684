package org.comptoir.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.comptoir.consent.ImportedContact.Outcome;

/**
 * Applies an import inside one transaction (the caller's): decides each person's outcome from their latest
 * ledger event (the ledger, not the derived state table, says who withdrew), adds or completes contact rows,
 * attaches tags, and appends OPT_IN events for rows carrying consent.
 *
 * <p>When any row carries consent, the ledger head is locked first, so a STOP arriving during the import is
 * appended after it and wins; the tills' consent saves wait meanwhile (up to the store's lock timeout).
 */
final class ContactImport {

    private final Connection c;
    private final Ledger ledger;
    private final SubjectKey key;
    private final String staff;
    private final Instant now;

    ContactImport(Connection c, Ledger ledger, SubjectKey key, String staff, Instant now) {
        this.c = c;
        this.ledger = ledger;
        this.key = key;
        this.staff = staff;
        this.now = now;
    }

    /** @param write false for a dry run: the same decisions, nothing written and no lock taken */
    List<Outcome> run(List<ImportedContact> rows, boolean write, LongConsumer progress) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        boolean consents = rows.stream().anyMatch(r -> r.consentEvidence() != null);
        Ledger.Head head = write && consents ? ledger.lockHead(c) : null;
        try (PreparedStatement latest = c.prepareStatement(
                "SELECT kind FROM consent_event WHERE subject = ? ORDER BY seq DESC LIMIT 1");
             PreparedStatement find = c.prepareStatement("SELECT id FROM contact WHERE subject = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO contact (subject, phone_e164, national_digits, "
                     + "first_name, last_name, created_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"ID"});
             PreparedStatement fill = c.prepareStatement("UPDATE contact SET first_name = COALESCE(first_name, ?), "
                     + "last_name = COALESCE(last_name, ?) WHERE id = ?");
             PreparedStatement tag = c.prepareStatement(
                     "MERGE INTO contact_tag (contact_id, tag) KEY (contact_id, tag) VALUES (?, ?)")) {
            long done = 0;
            for (ImportedContact row : rows) {
                String subject = key.subjectOf(row.number());
                ConsentKind last = latestKind(latest, subject);
                Long contactId = contactId(find, subject);
                Outcome outcome = decide(row, last, contactId);
                outcomes.add(outcome);
                if (write && !outcome.refused()) {
                    if (contactId == null) {
                        contactId = insert(insert, row, subject);
                    } else {
                        fill.setString(1, row.firstName());
                        fill.setString(2, row.lastName());
                        fill.setLong(3, contactId);
                        fill.executeUpdate();
                    }
                    for (String t : row.tags()) {
                        tag.setLong(1, contactId);
                        tag.setString(2, t);
                        tag.executeUpdate();
                    }
                    if (outcome == Outcome.OPTED_IN) {
                        head = ledger.append(c, head, subject, ConsentKind.OPT_IN, Channel.IMPORT, null, null, staff,
                                row.consentEvidence(), now);
                    }
                }
                if (++done % 500 == 0) {
                    progress.accept(done);
                }
            }
            progress.accept(done);
        }
        return outcomes;
    }

    /**
     * The import's rule: nobody who withdrew or was erased comes back; a refusal is not overridden by a file's
     * claim; an existing consent is kept as it is (no second opt-in for someone already in).
     */
    private static Outcome decide(ImportedContact row, ConsentKind last, Long contactId) {
        if (last == ConsentKind.OPT_OUT) {
            return Outcome.SUPPRESSED_OPTED_OUT;
        }
        if (last == ConsentKind.ERASED) {
            return Outcome.SUPPRESSED_ERASED;
        }
        if (row.consentEvidence() != null) {
            if (last == ConsentKind.REFUSED) {
                return Outcome.REFUSED_IN_LEDGER;
            }
            // a contact added earlier without consent gets the file's consent; a consent already held stays as it is
            return last == null ? Outcome.OPTED_IN : Outcome.UPDATED;
        }
        return contactId != null ? Outcome.UPDATED : Outcome.ADDED_WITHOUT_CONSENT;
    }

    private static ConsentKind latestKind(PreparedStatement st, String subject) throws SQLException {
        st.setString(1, subject);
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? ConsentKind.valueOf(rs.getString(1)) : null;
        }
    }

    private static Long contactId(PreparedStatement st, String subject) throws SQLException {
        st.setString(1, subject);
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private long insert(PreparedStatement st, ImportedContact row, String subject) throws SQLException {
        st.setString(1, subject);
        st.setString(2, row.number().e164());
        st.setString(3, row.number().nationalNumber());
        st.setString(4, row.firstName());
        st.setString(5, row.lastName());
        st.setObject(6, now.atOffset(java.time.ZoneOffset.UTC));
        st.executeUpdate();
        try (ResultSet keys = st.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
