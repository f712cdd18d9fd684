package org.comptoir.consent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Replays the ledger person by person and compares the result with {@code consent_state} and {@code contact}:
 * the audience is read from those tables, so one SQL statement there must not put an opted-out person back in.
 *
 * <p>The verifier feeds every event of its one walk in seq order ({@link #event}); the replay keeps what it says of
 * each person in a {@link ReplayTable} (about 58 bytes a person with its index). Then it feeds every {@code consent_state} row
 * ({@link #state}), then every {@code contact} row ({@link #contact}), each table read once in its primary key's
 * order (sequential reads, no per-row look-up in the database), and each row is looked up in memory. Before this,
 * the replay walked consent_event by its (subject, seq) index, which fetched every row from the primary key at
 * random: a minute per 100,000 rows on an encrypted store.
 *
 * <p>Not thread-safe: one thread feeds it, in that order.
 *
 * <p>The replay rule is {@link ConsentService}'s: after each event the status is the kind's resulting status,
 * since its time, last_seq its seq, and the wording its wording (a confirmation keeps the opt-in's).
 */
final class StateReplay {

    /** Rows fetched per round trip when the store is a server (no effect on an embedded H2 file). */
    static final int FETCH = 10_000;

    private final BiPredicate<String, String> contactMaps;
    private final Consumer<LedgerProblem> report;
    private final ReplayTable table;

    /**
     * @param contactMaps whether a stored number (first) is the number behind a subject (second) under the key
     * @param report      receives each difference
     */
    StateReplay(BiPredicate<String, String> contactMaps, Consumer<LedgerProblem> report) {
        this.contactMaps = contactMaps;
        this.report = report;
        this.table = new ReplayTable();
    }

    /** One ledger row (seq 1 or more), in seq order. */
    void event(long seq, String subject, String kindName, long wordingId, Instant at) {
        table.apply(table.entry(subject), parseKind(kindName), kindName, seq, micros(at), wordingId);
    }

    /** One {@code consent_state} row, after the last event: compared with the replay; a difference is reported. */
    void state(String subject, String status, long sinceMicros, long lastSeq, long wordingId) {
        int e = table.entry(subject);
        table.mark(e, ReplayTable.STATE_SEEN);
        if (!table.has(e, ReplayTable.HAS_EVENTS)) {
            report.accept(LedgerVerifier.problem(0, LedgerProblem.Kind.STATE_MISMATCH, subject,
                    "ledger.problem.state.unfounded", status));
            return;
        }
        ConsentStatus replayed = table.status(e);
        String field = !(replayed == null ? status == null : replayed.name().equals(status)) ? "status"
                : sinceMicros != table.sinceMicros(e) ? "since"
                : lastSeq != table.lastSeq(e) ? "last_seq"
                : wordingId != table.wordingId(e) ? "wording_id" : null;
        if (field != null) {
            report.accept(LedgerVerifier.problem(table.lastSeq(e), LedgerProblem.Kind.STATE_MISMATCH, subject,
                    "ledger.problem.state", field, status, table.statusName(e)));
        }
    }

    /** After the last {@code consent_state} row: every person with events but no state row is reported. */
    void statesDone() {
        for (int e = 0; e < table.size(); e++) {
            if (table.has(e, ReplayTable.HAS_EVENTS) && !table.has(e, ReplayTable.STATE_SEEN)) {
                report.accept(LedgerVerifier.problem(table.lastSeq(e), LedgerProblem.Kind.STATE_MISMATCH,
                        table.subject(e), "ledger.problem.state.missing", table.statusName(e)));
            }
        }
    }

    /** One {@code contact} row, after {@link #statesDone}: its number and its consent are checked. */
    void contact(String subject, String phone, long id) {
        int e = table.find(subject);
        boolean replayed = e >= 0 && table.has(e, ReplayTable.HAS_EVENTS);
        boolean stated = e >= 0 && table.has(e, ReplayTable.STATE_SEEN);
        long seq = replayed ? table.lastSeq(e) : 0;
        if (!contactMaps.test(phone, subject)) {
            report.accept(LedgerVerifier.problem(seq, LedgerProblem.Kind.CONTACT_MISMATCH, subject,
                    "ledger.problem.contact.number", id));
        } else if (replayed ? !table.has(e, ReplayTable.EVER_OPTED_IN) : stated) {
            // a contact with neither ledger event nor state is a customer imported without consent ("jamais
            // demandé", issue 14): no marketing audience can reach them, since the audience reads the ledger. A state
            // without events, or events that never include a consent, behind a contact row: added outside Comptoir
            report.accept(LedgerVerifier.problem(seq, LedgerProblem.Kind.CONTACT_MISMATCH, subject,
                    "ledger.problem.contact.unfounded", id));
        } else if (replayed && table.status(e) == ConsentStatus.ERASED) {
            report.accept(LedgerVerifier.problem(seq, LedgerProblem.Kind.CONTACT_MISMATCH, subject,
                    "ledger.problem.contact.erased", id));
        }
    }

    static long micros(OffsetDateTime t) {
        return t == null ? ReplayTable.NONE : micros(t.toInstant());
    }

    static long micros(Instant i) {
        return i == null ? ReplayTable.NONE : i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }

    private static ConsentKind parseKind(String name) {
        try {
            return ConsentKind.valueOf(name);
        } catch (RuntimeException unknown) {
            return null; // a tampered kind: the chain check names the row, the state check the person
        }
    }
}
