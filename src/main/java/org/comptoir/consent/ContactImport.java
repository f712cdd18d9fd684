package org.comptoir.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.comptoir.consent.ImportedContact.Outcome;
import org.comptoir.store.Jdbc;

/**
 * Applies an import inside one transaction (the caller's): decides each person's outcome from their latest
 * ledger event (the ledger, not the derived state table, says who withdrew), adds or completes contact rows,
 * attaches tags, and appends OPT_IN events for rows carrying consent.
 *
 * <p>When any row carries consent, the ledger head is locked first, so a STOP arriving during the import is
 * appended after it and wins; the tills' consent saves wait meanwhile (up to the store's lock timeout).
 *
 * <p>Built for 100,000 rows: what the store knows of the file's people is read up front, {@value #LOOKUP}
 * subjects per query, into maps the decisions then consult (no query per row); rows are written in the order of
 * their subjects (see {@link #bySubject}), in JDBC batches of {@value #FLUSH} rows, the ledger's through
 * {@link Ledger#appendAll}. The maps are updated as rows are decided, so a person twice in the list is decided as
 * the row-by-row import would have: the second row sees the first.
 */
final class ContactImport {

    /** Subjects per look-up query ({@code = ANY(?)} over an index). */
    static final int LOOKUP = 1_000;
    /** Rows whose writes are sent to the database together. */
    static final int FLUSH = 1_000;
    /** A contact added by this import whose id the database has not told us: later rows name it by subject. */
    private static final long ADDED = -1;

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
        Outcome[] outcomes = new Outcome[rows.size()];
        boolean consents = rows.stream().anyMatch(r -> r.consentEvidence() != null);
        // the lock before the reads: a STOP committed after them would otherwise be overtaken by this import
        Ledger.Head head = write && consents ? ledger.lockHead(c) : null;
        List<String> subjects = new ArrayList<>(rows.size());
        for (ImportedContact row : rows) {
            subjects.add(key.subjectOf(row.number()));
        }
        Map<String, Long> contactIds = contactIds(subjects);
        Map<String, ConsentKind> latest = latestKinds(subjects);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO contact (subject, phone_e164, national_digits, "
                     + "first_name, last_name, created_at) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement fill = c.prepareStatement("UPDATE contact SET first_name = COALESCE(first_name, ?), "
                     + "last_name = COALESCE(last_name, ?) WHERE subject = ?");
             PreparedStatement tag = c.prepareStatement(Jdbc.upsertSelectSql(c, "contact_tag",
                     new String[] {"contact_id", "tag"}, new String[] {"contact_id", "tag"},
                     "SELECT id, CAST(? AS VARCHAR(50)) FROM contact WHERE subject = ?"))) {
            Batches batches = new Batches(insert, fill, tag);
            List<Ledger.Pending> events = new ArrayList<>();
            long done = 0;
            for (int i : bySubject(subjects)) {
                ImportedContact row = rows.get(i);
                String subject = subjects.get(i);
                Long contactId = contactIds.get(subject);
                Outcome outcome = decide(row, latest.get(subject), contactId);
                outcomes[i] = outcome;
                if (write && !outcome.refused()) {
                    if (contactId == null) {
                        batches.insert(row, subject, now);
                        contactIds.put(subject, ADDED);
                    } else {
                        batches.fill(row, subject);
                    }
                    for (String t : row.tags()) {
                        batches.tag(t, subject);
                    }
                    if (outcome == Outcome.OPTED_IN) {
                        events.add(new Ledger.Pending(subject, ConsentKind.OPT_IN, Channel.IMPORT, staff,
                                row.consentEvidence()));
                        latest.put(subject, ConsentKind.OPT_IN);
                    }
                }
                if (++done % FLUSH == 0) {
                    head = flush(batches, events, head);
                    progress.accept(done);
                }
            }
            flush(batches, events, head);
            progress.accept(done);
        }
        return List.of(outcomes);
    }

    /**
     * The rows' indexes in the order of their subjects (ties in file order). Five of the indexes written per person
     * are keyed by the subject, a hash: in file order every row lands on a random page of each, and H2 writes every
     * changed page again at each of its commits (the contact id sequence commits every 32 ids); in subject order
     * consecutive rows share pages. The ledger's rows of one import therefore follow their subjects, not the file;
     * each one's evidence names its file row.
     */
    private static int[] bySubject(List<String> subjects) {
        return java.util.stream.IntStream.range(0, subjects.size()).boxed()
                .sorted(java.util.Comparator.comparing(subjects::get)).mapToInt(Integer::intValue).toArray();
    }

    /** Contacts before their tags, then the ledger: each batch refers only to rows sent before it. */
    private Ledger.Head flush(Batches batches, List<Ledger.Pending> events, Ledger.Head head) throws SQLException {
        batches.send();
        if (events.isEmpty()) {
            return head;
        }
        Ledger.Head next = ledger.appendAll(c, head, events, now);
        events.clear();
        return next;
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

    private Map<String, Long> contactIds(List<String> subjects) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT subject, id FROM contact WHERE subject = ANY(?)")) {
            for (int from = 0; from < subjects.size(); from += LOOKUP) {
                st.setObject(1, subjects.subList(from, Math.min(subjects.size(), from + LOOKUP)).toArray(new String[0]));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return ids;
    }

    /** Each subject's latest ledger event kind (subjects without an event are absent). */
    private Map<String, ConsentKind> latestKinds(List<String> subjects) throws SQLException {
        Map<String, ConsentKind> kinds = new HashMap<>();
        Map<String, Long> seqs = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT subject, seq, kind FROM consent_event WHERE subject = ANY(?)")) {
            for (int from = 0; from < subjects.size(); from += LOOKUP) {
                st.setObject(1, subjects.subList(from, Math.min(subjects.size(), from + LOOKUP)).toArray(new String[0]));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String subject = rs.getString(1);
                        long seq = rs.getLong(2);
                        Long seen = seqs.get(subject);
                        if (seen == null || seq > seen) {
                            seqs.put(subject, seq);
                            kinds.put(subject, ConsentKind.valueOf(rs.getString(3)));
                        }
                    }
                }
            }
        }
        return kinds;
    }

    /** The contact and tag statements of the rows not yet sent. */
    private static final class Batches {
        private final PreparedStatement insert;
        private final PreparedStatement fill;
        private final PreparedStatement tag;
        private boolean inserts;
        private boolean fills;
        private boolean tags;

        Batches(PreparedStatement insert, PreparedStatement fill, PreparedStatement tag) {
            this.insert = insert;
            this.fill = fill;
            this.tag = tag;
        }

        void insert(ImportedContact row, String subject, Instant now) throws SQLException {
            insert.setString(1, subject);
            insert.setString(2, row.number().e164());
            insert.setString(3, row.number().nationalNumber());
            insert.setString(4, row.firstName());
            insert.setString(5, row.lastName());
            insert.setObject(6, now.atOffset(ZoneOffset.UTC));
            insert.addBatch();
            inserts = true;
        }

        void fill(ImportedContact row, String subject) throws SQLException {
            fill.setString(1, row.firstName());
            fill.setString(2, row.lastName());
            fill.setString(3, subject);
            fill.addBatch();
            fills = true;
        }

        void tag(String name, String subject) throws SQLException {
            tag.setString(1, name);
            tag.setString(2, subject);
            tag.addBatch();
            tags = true;
        }

        void send() throws SQLException {
            if (inserts) {
                insert.executeBatch();
            }
            if (fills) {
                fill.executeBatch();
            }
            if (tags) {
                tag.executeBatch();
            }
            inserts = fills = tags = false;
        }
    }
}
