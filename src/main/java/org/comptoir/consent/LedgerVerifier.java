package org.comptoir.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Everything is streamed, a batch or a row at a time: memory does not grow with the ledger.
 */
final class LedgerVerifier {

    /** Rows read per query while walking the chain, so the whole chain is never held in memory. */
    private static final int BATCH = 5_000;

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
        Walk walk = walkChain(head, checkpoints);
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
        new StateReplay(c, this::contactMaps, this::add).run();
        Optional<LedgerProblem> first = problems.stream().findFirst();
        LedgerHead verifiedHead = new LedgerHead(head.lastSeq(), head.lastHash(), walk.lastAt);
        return new VerifyReport(walk.checked, first, problems, verifiedHead, checkpoints.size());
    }

    /** What the chain walk saw. */
    private static final class Walk {
        long checked;
        long lastSeq;
        Instant lastAt;
        final List<LedgerHead> matched = new ArrayList<>();
    }

    private Walk walkChain(Ledger.Head head, List<LedgerHead> checkpoints) throws SQLException {
        Walk w = new Walk();
        long expectedSeq = 1;
        String prevHash = LedgerEntry.GENESIS;
        int prevVersion = 1;
        boolean more = true;
        while (more) {
            more = false;
            try (PreparedStatement st = Jdbc.prepare(c, "SELECT e.seq, e.subject, e.kind, e.channel, e.wording_id, "
                    + "e.staff, e.occurred_at, e.evidence, e.prev_hash, e.hash, e.hash_version, w.id AS w_id, w.version, "
                    + "w.language, w.text, w.shop_name, w.purpose, w.created_at FROM consent_event e "
                    + "LEFT JOIN consent_wording w ON w.id = e.wording_id WHERE e.seq >= ? ORDER BY e.seq LIMIT ?",
                    expectedSeq, BATCH); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    more = true;
                    LedgerEntry e = entry(rs);
                    String stored = rs.getString("hash");
                    w.checked++;
                    Optional<LedgerProblem> problem = check(e, stored, expectedSeq, prevHash, prevVersion, w.lastAt);
                    if (problem.isPresent()) {
                        add(beyondHead(head, expectedSeq, e.seq(), problem.get()));
                        w.lastSeq = expectedSeq - 1;
                        return w; // past a break every row would be reported: the first one is the news
                    }
                    for (LedgerHead cp : checkpoints) {
                        if (cp.hashOnly() ? cp.hash().equals(stored) : cp.seq() == e.seq() && cp.hash().equals(stored)) {
                            w.matched.add(cp);
                        }
                    }
                    expectedSeq = e.seq() + 1;
                    prevHash = stored;
                    prevVersion = e.hashVersion();
                    w.lastAt = e.occurredAt();
                }
            }
        }
        long last = expectedSeq - 1;
        w.lastSeq = last;
        if (last < head.lastSeq()) {
            add(problem(last + 1, LedgerProblem.Kind.DELETED, "ledger.problem.deleted.end", head.lastSeq()));
        } else if (last > head.lastSeq()) {
            add(problem(head.lastSeq() + 1, LedgerProblem.Kind.INSERTED, "ledger.problem.inserted", head.lastSeq()));
        } else if (last > 0 && !prevHash.equals(head.lastHash())) {
            add(problem(last, LedgerProblem.Kind.ALTERED, "ledger.problem.head"));
        }
        return w;
    }

    private static Optional<LedgerProblem> check(LedgerEntry e, String stored, long expectedSeq, String prevHash,
                                                 int prevVersion, Instant prevAt) {
        if (e.seq() != expectedSeq) {
            return Optional.of(problem(expectedSeq, LedgerProblem.Kind.DELETED, "ledger.problem.deleted", e.seq()));
        }
        if (!LedgerEntry.knownVersion(e.hashVersion()) || e.hashVersion() < prevVersion) {
            return Optional.of(problem(e.seq(), LedgerProblem.Kind.ALTERED, "ledger.problem.version", e.hashVersion()));
        }
        if (!e.computeHash().equals(stored)) {
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

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        long wordingId = rs.getLong("wording_id");
        Long wid = rs.wasNull() ? null : wordingId;
        long wRowId = rs.getLong("w_id");
        ConsentWording wording = rs.wasNull() ? null : new ConsentWording(wRowId, rs.getInt("version"),
                rs.getString("language"), rs.getString("text"), rs.getString("shop_name"), rs.getString("purpose"),
                Jdbc.instant(rs, "created_at"));
        return new LedgerEntry(rs.getInt("hash_version"), rs.getLong("seq"), rs.getString("subject"),
                rs.getString("kind"), rs.getString("channel"), wid, wording, rs.getString("staff"),
                Jdbc.instant(rs, "occurred_at"), rs.getString("evidence"), rs.getString("prev_hash"));
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
