package org.comptoir.consent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.comptoir.store.Jdbc;

/**
 * Replays the ledger person by person and compares the result with {@code consent_state} and {@code contact}:
 * the audience is read from those tables, so one SQL statement there must not put an opted-out person back in.
 *
 * <p>Three cursors ordered by subject (each read along an index: consent_event (subject, seq), consent_state's
 * primary key, contact's unique subject) are merged like sorted files, so memory stays constant whatever the
 * ledger's size. H2's lazy execution streams each result instead of building it first.
 *
 * <p>The replay rule is {@link ConsentService}'s: after each event the status is the kind's resulting status,
 * since its time, last_seq its seq, and the wording its wording (a confirmation keeps the opt-in's).
 */
final class StateReplay {

    private final Connection c;
    private final BiPredicate<String, String> contactMaps;
    private final Consumer<LedgerProblem> report;

    /**
     * @param contactMaps whether a stored number (first) is the number behind a subject (second) under the key
     * @param report      receives each difference
     */
    StateReplay(Connection c, BiPredicate<String, String> contactMaps, Consumer<LedgerProblem> report) {
        this.c = c;
        this.contactMaps = contactMaps;
        this.report = report;
    }

    /** What the ledger says of one person. */
    private static final class Replayed {
        ConsentStatus status;
        String statusName;
        Instant since;
        long lastSeq;
        Long wordingId;
        boolean everOptedIn;
    }

    void run() throws SQLException {
        Jdbc.lazyQueries(c, true);
        try (Statement se = Jdbc.streamed(c); Statement ss = Jdbc.streamed(c); Statement sc = Jdbc.streamed(c);
             // no WHERE on seq: with one, H2 walks the primary key and sorts everything; rows outside the numbering
             // (seq < 1, reported by the verifier) are skipped below instead
             ResultSet events = se.executeQuery("SELECT subject, seq, kind, wording_id, occurred_at FROM consent_event "
                     + "ORDER BY subject, seq");
             ResultSet states = ss.executeQuery("SELECT subject, status, since, last_seq, wording_id FROM consent_state "
                     + "ORDER BY subject");
             ResultSet contacts = sc.executeQuery("SELECT subject, phone_e164, id FROM contact ORDER BY subject")) {
            boolean hasEvent = events.next();
            boolean hasState = states.next();
            boolean hasContact = contacts.next();
            while (hasEvent || hasState || hasContact) {
                String subject = min(hasEvent ? events.getString(1) : null, hasState ? states.getString(1) : null,
                        hasContact ? contacts.getString(1) : null);
                Replayed r = null;
                while (hasEvent && subject.equals(events.getString(1))) {
                    if (events.getLong("seq") >= 1) {
                        r = apply(r == null ? new Replayed() : r, events);
                    }
                    hasEvent = events.next();
                }
                boolean stated = hasState && subject.equals(states.getString(1));
                if (stated) {
                    compareState(subject, r, states);
                    hasState = states.next();
                } else if (r != null) {
                    report.accept(LedgerVerifier.problem(r.lastSeq, LedgerProblem.Kind.STATE_MISMATCH, subject,
                            "ledger.problem.state.missing", r.statusName));
                }
                if (hasContact && subject.equals(contacts.getString(1))) {
                    compareContact(subject, r, stated, contacts);
                    hasContact = contacts.next();
                }
            }
        } finally {
            Jdbc.lazyQueries(c, false); // the connection goes back to the pool
        }
    }

    private static Replayed apply(Replayed r, ResultSet e) throws SQLException {
        String kindName = e.getString("kind");
        ConsentKind kind = parseKind(kindName);
        long wording = e.getLong("wording_id");
        Long wordingId = e.wasNull() ? null : wording;
        r.statusName = kind == null ? kindName : kind.resultingStatus().name();
        r.status = kind == null ? null : kind.resultingStatus();
        r.since = Jdbc.instant(e, "occurred_at");
        r.lastSeq = e.getLong("seq");
        if (kind != ConsentKind.CONFIRMED) {
            r.wordingId = wordingId;
        }
        r.everOptedIn |= kind == ConsentKind.OPT_IN;
        return r;
    }

    private void compareState(String subject, Replayed r, ResultSet s) throws SQLException {
        if (r == null) {
            report.accept(LedgerVerifier.problem(0, LedgerProblem.Kind.STATE_MISMATCH, subject,
                    "ledger.problem.state.unfounded", s.getString("status")));
            return;
        }
        String status = s.getString("status");
        long wording = s.getLong("wording_id");
        Long wordingId = s.wasNull() ? null : wording;
        String field = !Objects.equals(status, r.status == null ? null : r.status.name()) ? "status"
                : !Objects.equals(Jdbc.instant(s, "since"), r.since) ? "since"
                : s.getLong("last_seq") != r.lastSeq ? "last_seq"
                : !Objects.equals(wordingId, r.wordingId) ? "wording_id" : null;
        if (field != null) {
            report.accept(LedgerVerifier.problem(r.lastSeq, LedgerProblem.Kind.STATE_MISMATCH, subject,
                    "ledger.problem.state", field, status, r.statusName));
        }
    }

    private void compareContact(String subject, Replayed r, boolean stated, ResultSet contact) throws SQLException {
        long id = contact.getLong("id");
        long seq = r == null ? 0 : r.lastSeq;
        if (!contactMaps.test(contact.getString("phone_e164"), subject)) {
            report.accept(LedgerVerifier.problem(seq, LedgerProblem.Kind.CONTACT_MISMATCH, subject,
                    "ledger.problem.contact.number", id));
        } else if (r == null ? stated : !r.everOptedIn) {
            // a contact with neither ledger event nor state is a customer imported without consent ("jamais
            // demandé", issue 14): no marketing audience can reach them, since the audience reads the ledger. A state
            // without events, or events that never include a consent, behind a contact row: added outside Comptoir
            report.accept(LedgerVerifier.problem(seq, LedgerProblem.Kind.CONTACT_MISMATCH, subject,
                    "ledger.problem.contact.unfounded", id));
        } else if (r != null && r.status == ConsentStatus.ERASED) {
            report.accept(LedgerVerifier.problem(seq, LedgerProblem.Kind.CONTACT_MISMATCH, subject,
                    "ledger.problem.contact.erased", id));
        }
    }

    private static ConsentKind parseKind(String name) {
        try {
            return ConsentKind.valueOf(name);
        } catch (RuntimeException unknown) {
            return null; // a tampered kind: the chain check names the row, the state check the person
        }
    }

    private static String min(String a, String b, String c) {
        String m = a;
        if (b != null && (m == null || b.compareTo(m) < 0)) {
            m = b;
        }
        if (c != null && (m == null || c.compareTo(m) < 0)) {
            m = c;
        }
        return m;
    }
}
