package org.comptoir.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;

/**
 * One verification of the ledger, inside a read-only snapshot the caller holds on {@code c}:
 * <ol>
 * <li>no row outside the numbering (seq 0 or negative: {@code contact show} would otherwise list what verify never read);</li>
 * <li>the chain from seq 1 to the head: contiguous, each hash recomputed under its recipe version (which never goes
 * down), each row linked to the one before, dates never going backwards; the end matches the head row;</li>
 * <li>the checkpoints: the row at each one's sequence still has its hash;</li>
 * <li>{@link StateReplay}: {@code consent_state} equals the replayed ledger row for row, and every contact's number
 * maps to its subject under the key.</li>
 * </ol>
 * One forward-only cursor over the ledger does the chain and feeds the replay; the state and contact tables are then
 * read once each. This thread only reads the store; a second one checks what it read ({@link VerifyHandoff}), so on
 * two cores the two overlap. The ledger's rows are streamed, never held: memory grows only with the number of people
 * (about 58 bytes each, in {@link ReplayTable}), not with the ledger's length or its texts.
 */
final class LedgerVerifier {

    private final Connection c;
    private final SubjectKey key;
    private final List<LedgerProblem> problems = new ArrayList<>();

    LedgerVerifier(Connection c, SubjectKey key) {
        this.c = c;
        this.key = key;
    }

    VerifyReport run(List<LedgerHead> checkpoints) throws SQLException {
        Ledger.Head head = Ledger.readHead(c);
        Jdbc.queryOne(c, "SELECT seq FROM consent_event WHERE seq < 1 ORDER BY seq LIMIT 1", rs -> rs.getLong(1))
                .ifPresent(seq -> add(problem(seq, LedgerProblem.Kind.INSERTED, "ledger.problem.outside")));
        Map<Long, ConsentWording> wordings = wordings();
        // the replay's table grows with the people it meets, never sized from the head (see ReplayTable)
        Check check = new Check(head, checkpoints, new StateReplay(this::contactMaps, this::add));
        // each result streamed instead of built first: memory does not grow with the ledger
        Jdbc.lazyQueries(c, true);
        try (VerifyHandoff rows = new VerifyHandoff(check)) {
            readLedger(wordings, rows);
            rows.add(VerifyRow.Mark.LEDGER_END);
            readStates(rows);
            rows.add(VerifyRow.Mark.STATES_END);
            readContacts(rows);
            rows.finish(); // every problem below was added on the checking thread, before it ended
        } finally {
            Jdbc.lazyQueries(c, false); // the connection goes back to the pool
        }
        Optional<LedgerProblem> first = problems.stream().findFirst();
        Walk walk = check.walk;
        LedgerHead verifiedHead = new LedgerHead(head.lastSeq(), head.lastHash(), walk.lastAt);
        return new VerifyReport(walk.checked, first, problems, verifiedHead, checkpoints.size());
    }

    /**
     * The ledger in seq order through one forward-only cursor (the primary key's own order: sequential reads), each
     * row handed over as read; wordings are looked up in memory, not joined per row.
     */
    private void readLedger(Map<Long, ConsentWording> wordings, VerifyHandoff rows) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT seq, subject, kind, channel, wording_id, staff, "
                + "occurred_at, evidence, prev_hash, hash, hash_version FROM consent_event WHERE seq >= 1 ORDER BY seq")) {
            st.setFetchSize(StateReplay.FETCH);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long wordingId = rs.getLong(5);
                    boolean noWording = rs.wasNull();
                    OffsetDateTime at = rs.getObject(7, OffsetDateTime.class);
                    rows.add(new VerifyRow.Event(new LedgerEntry(rs.getInt(11), rs.getLong(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), noWording ? null : wordingId,
                            noWording ? null : wordings.get(wordingId), rs.getString(6),
                            at == null ? null : at.toInstant(), rs.getString(8), rs.getString(9)), rs.getString(10)));
                }
            }
        }
    }

    /** consent_state once, in its primary key's order. */
    private void readStates(VerifyHandoff rows) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setFetchSize(StateReplay.FETCH);
            try (ResultSet s = st.executeQuery("SELECT subject, status, since, last_seq, wording_id FROM consent_state")) {
                while (s.next()) {
                    String subject = s.getString(1);
                    String status = s.getString(2);
                    long since = StateReplay.micros(s.getObject(3, OffsetDateTime.class));
                    long lastSeq = s.getLong(4);
                    long wording = s.getLong(5);
                    long wordingId = s.wasNull() ? ReplayTable.NONE : wording; // right after its own getLong
                    rows.add(new VerifyRow.State(subject, status, since, lastSeq, wordingId));
                }
            }
        }
    }

    /** contact once, in its primary key's order. */
    private void readContacts(VerifyHandoff rows) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setFetchSize(StateReplay.FETCH);
            try (ResultSet rs = st.executeQuery("SELECT subject, phone_e164, id FROM contact")) {
                while (rs.next()) {
                    rows.add(new VerifyRow.Contact(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
    }

    /**
     * The checking thread's side: every row in the order read. Each ledger row's hash is recomputed with one reused
     * digest, checked against the row before and fed to the replay; past the first break the chain is no longer
     * judged (every later row would be reported; the first one is the news) but the replay goes on, so a doctored
     * state is still named. At the ledger's end come the head and the checkpoints (before the replay's differences,
     * which may fill the report), then the state rows and the contacts.
     */
    private final class Check implements java.util.function.Consumer<VerifyRow> {
        private final Ledger.Head head;
        private final List<LedgerHead> checkpoints;
        private final StateReplay replay;
        private final LedgerHasher hasher = new LedgerHasher();
        final Walk walk = new Walk();
        private long expectedSeq = 1;
        private String prevHash = LedgerEntry.GENESIS;
        private int prevVersion = 1;

        Check(Ledger.Head head, List<LedgerHead> checkpoints, StateReplay replay) {
            this.head = head;
            this.checkpoints = checkpoints;
            this.replay = replay;
        }

        @Override
        public void accept(VerifyRow row) {
            if (row instanceof VerifyRow.Event ev) {
                event(ev.entry(), ev.storedHash());
            } else if (row instanceof VerifyRow.State st) {
                replay.state(st.subject(), st.status(), st.sinceMicros(), st.lastSeq(), st.wordingId());
            } else if (row instanceof VerifyRow.Contact ct) {
                replay.contact(ct.subject(), ct.phone(), ct.id());
            } else if (row == VerifyRow.Mark.LEDGER_END) {
                endOfLedger();
                checkCheckpoints(checkpoints, walk);
            } else if (row == VerifyRow.Mark.STATES_END) {
                replay.statesDone();
            }
        }

        private void event(LedgerEntry e, String stored) {
            long seq = e.seq();
            replay.event(seq, e.subject(), e.kind(), e.wordingId() == null ? ReplayTable.NONE : e.wordingId(),
                    e.occurredAt());
            if (walk.broken) {
                return;
            }
            walk.checked++;
            Optional<LedgerProblem> problem = check(e, hasher, stored, expectedSeq, prevHash, prevVersion, walk.lastAt);
            if (problem.isPresent()) {
                add(beyondHead(head, expectedSeq, seq, problem.get()));
                walk.lastSeq = expectedSeq - 1;
                walk.broken = true;
                return;
            }
            for (LedgerHead cp : checkpoints) {
                if (cp.hashOnly() ? cp.hash().equals(stored) : cp.seq() == seq && cp.hash().equals(stored)) {
                    walk.matched.add(cp);
                }
            }
            expectedSeq = seq + 1;
            prevHash = stored;
            prevVersion = e.hashVersion();
            walk.lastAt = e.occurredAt();
        }

        private void endOfLedger() {
            if (walk.broken) {
                return;
            }
            long last = expectedSeq - 1;
            walk.lastSeq = last;
            if (last < head.lastSeq()) {
                add(problem(last + 1, LedgerProblem.Kind.DELETED, "ledger.problem.deleted.end", head.lastSeq()));
            } else if (last > head.lastSeq()) {
                add(problem(head.lastSeq() + 1, LedgerProblem.Kind.INSERTED, "ledger.problem.inserted",
                        head.lastSeq()));
            } else if (last > 0 && !prevHash.equals(head.lastHash())) {
                add(problem(last, LedgerProblem.Kind.ALTERED, "ledger.problem.head"));
            }
        }
    }

    private void checkCheckpoints(List<LedgerHead> checkpoints, Walk walk) {
        for (LedgerHead cp : checkpoints) {
            if (!walk.matched.contains(cp)) {
                add(cp.hashOnly()
                        ? problem(0, LedgerProblem.Kind.CHECKPOINT_MISMATCH, "ledger.problem.checkpoint.unknown", cp.hash())
                        : cp.seq() > walk.lastSeq
                        ? problem(cp.seq(), LedgerProblem.Kind.CHECKPOINT_MISMATCH, "ledger.problem.checkpoint.beyond",
                                walk.lastSeq)
                        : problem(cp.seq(), LedgerProblem.Kind.CHECKPOINT_MISMATCH, "ledger.problem.checkpoint"));
            }
        }
    }

    /** What the chain walk saw. */
    private static final class Walk {
        long checked;
        long lastSeq;
        Instant lastAt;
        boolean broken;
        final List<LedgerHead> matched = new ArrayList<>();
    }

    /** Every wording by id, as read now (a handful of versions: looked up in memory, not joined per row). */
    private Map<Long, ConsentWording> wordings() throws SQLException {
        Map<Long, ConsentWording> all = new HashMap<>();
        for (ConsentWording w : Jdbc.query(c, "SELECT id, version, language, text, shop_name, purpose, created_at "
                + "FROM consent_wording", rs -> new ConsentWording(rs.getLong(1), rs.getInt(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), Jdbc.instant(rs, "created_at")))) {
            all.put(w.id(), w);
        }
        return all;
    }

    private static Optional<LedgerProblem> check(LedgerEntry e, LedgerHasher hasher, String stored, long expectedSeq,
                                                 String prevHash, int prevVersion, Instant prevAt) {
        if (e.seq() != expectedSeq) {
            return Optional.of(problem(expectedSeq, LedgerProblem.Kind.DELETED, "ledger.problem.deleted", e.seq()));
        }
        if (!LedgerEntry.knownVersion(e.hashVersion()) || e.hashVersion() < prevVersion) {
            return Optional.of(problem(e.seq(), LedgerProblem.Kind.ALTERED, "ledger.problem.version", e.hashVersion()));
        }
        if (!hasher.hash(e).equals(stored)) {
            return Optional.of(problem(e.seq(), LedgerProblem.Kind.ALTERED, "ledger.problem.altered"));
        }
        if (!e.prevHash().equals(prevHash)) {
            return Optional.of(problem(e.seq(), LedgerProblem.Kind.BROKEN_LINK, "ledger.problem.broken.link",
                    e.seq() - 1));
        }
        if (prevAt != null && e.occurredAt() != null && e.occurredAt().isBefore(prevAt)) {
            return Optional.of(problem(e.seq(), LedgerProblem.Kind.OUT_OF_ORDER, "ledger.problem.time.backwards",
                    e.occurredAt().toString(), prevAt.toString()));
        }
        return Optional.empty();
    }

    /** A bad row past the head is one the application never appended: it was inserted. */
    private static LedgerProblem beyondHead(Ledger.Head head, long expectedSeq, long rowSeq, LedgerProblem found) {
        return expectedSeq > head.lastSeq()
                ? problem(rowSeq, LedgerProblem.Kind.INSERTED, "ledger.problem.inserted", head.lastSeq())
                : found;
    }

    /** Whether {@code phone} (as stored in a contact row) is the number behind {@code subject} under the key. */
    private boolean contactMaps(String phone, String subject) {
        return PhoneNumber.ofE164(phone).map(n -> key.subjectOf(n).equals(subject)).orElse(false);
    }

    private void add(LedgerProblem p) {
        if (problems.size() < VerifyReport.MAX_PROBLEMS) {
            problems.add(p);
        }
    }

    static LedgerProblem problem(long seq, LedgerProblem.Kind kind, String key, Object... args) {
        return problem(seq, kind, null, key, args);
    }

    static LedgerProblem problem(long seq, LedgerProblem.Kind kind, String subject, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = seq;
        System.arraycopy(args, 0, all, 1, args.length);
        return new LedgerProblem(seq, kind, UserMessage.of(key, all), subject);
    }
}
