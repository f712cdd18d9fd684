package org.comptoir.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.comptoir.i18n.UserMessage;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * The append-only, hash-chained consent ledger ({@code consent_event}) with its head
 * ({@code consent_ledger_head}) and the derived {@code consent_state}. Appends happen inside the caller's
 * transaction, after {@link #lockHead}; see {@link LedgerEntry} for what each hash covers.
 */
final class Ledger {

    /**
     * H2's SNAPSHOT level (JDBC has no constant for it): every read of the transaction sees the database as of
     * its first read. Its REPEATABLE READ still lets rows committed meanwhile appear.
     */
    private static final int SNAPSHOT = 6;

    /** Rows read per query while verifying, so the whole chain is never held in memory. */
    private static final int BATCH = 5_000;

    record Head(long lastSeq, String lastHash) {
    }

    /**
     * Takes the head row lock for the rest of the transaction: appends are serialised here (another till waits
     * up to the store's lock timeout, see {@link org.comptoir.store.Database}).
     */
    Head lockHead(Connection c) throws SQLException {
        return Jdbc.queryOne(c, "SELECT last_seq, last_hash FROM consent_ledger_head WHERE id = 1 FOR UPDATE",
                rs -> new Head(rs.getLong(1), rs.getString(2)))
                .orElseThrow(() -> new SQLException("consent_ledger_head has no row"));
    }

    /**
     * Appends one event after {@code head} (locked by this transaction), updates the subject's state, the
     * head and the audit trail. Returns the new head.
     *
     * @param stateWordingId the wording the resulting state refers to (the opt-in's, for a confirmation)
     */
    Head append(Connection c, Head head, String subject, ConsentKind kind, Channel channel, ConsentWording wording,
                Long stateWordingId, String staff, String evidence, Instant occurredAt) throws SQLException {
        Instant at = LedgerEntry.truncate(occurredAt);
        long seq = head.lastSeq() + 1;
        Long wordingId = wording == null ? null : wording.id();
        LedgerEntry entry = new LedgerEntry(seq, subject, kind.name(), channel.name(), wordingId,
                wording == null ? null : wording.text(), staff, at, evidence, head.lastHash());
        String hash = entry.computeHash();
        Jdbc.update(c, "INSERT INTO consent_event (seq, subject, kind, channel, wording_id, staff, occurred_at, evidence, "
                        + "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, subject, kind, channel, wordingId, staff, at, evidence, head.lastHash(), hash);
        Jdbc.update(c, "MERGE INTO consent_state (subject, status, since, last_seq, wording_id) KEY (subject) "
                + "VALUES (?, ?, ?, ?, ?)", subject, kind.resultingStatus(), at, seq, stateWordingId);
        Jdbc.update(c, "UPDATE consent_ledger_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, hash);
        // no number or name in the audit trail: it must survive erasure without keeping personal data
        Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, ?, ?, ?)",
                at, staff == null || staff.isBlank() ? channel.name().toLowerCase(java.util.Locale.ROOT) : staff,
                kind == ConsentKind.ERASED ? "ERASE" : "CONSENT_" + kind.name(), "ledger seq " + seq);
        return new Head(seq, hash);
    }

    /**
     * Walks the chain in sequence order, a batch at a time, and returns the first problem. Appends may run
     * meanwhile; the walk sees the ledger and its head as they were when it began.
     */
    VerifyReport verify(Database db) {
        // one read-only snapshot for the whole walk: under H2's default READ COMMITTED each statement sees the
        // ledger as it is then, so a till's append landing between two reads (rows, then head) looked like a
        // deleted or inserted row. Readers of a snapshot take no locks: appends go on meanwhile.
        return db.withConnection(c -> {
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(SNAPSHOT);
            try {
                return walk(c);
            } finally {
                c.rollback(); // nothing was written
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(true);
            }
        });
    }

    private static VerifyReport walk(Connection c) throws SQLException {
        Head head = readHead(c);
        long expectedSeq = 1;
        String prevHash = LedgerEntry.GENESIS;
        long checked = 0;
        boolean more = true;
        while (more) {
            more = false;
            try (PreparedStatement st = Jdbc.prepare(c, "SELECT e.seq, e.subject, e.kind, e.channel, e.wording_id, "
                    + "w.text, e.staff, e.occurred_at, e.evidence, e.prev_hash, e.hash FROM consent_event e "
                    + "LEFT JOIN consent_wording w ON w.id = e.wording_id WHERE e.seq >= ? ORDER BY e.seq LIMIT ?",
                    expectedSeq, BATCH); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    more = true;
                    LedgerEntry e = entry(rs);
                    String stored = rs.getString("hash");
                    checked++;
                    Optional<LedgerProblem> problem = check(e, stored, expectedSeq, prevHash);
                    if (problem.isPresent()) {
                        return new VerifyReport(checked,
                                Optional.of(beyondHead(head, expectedSeq, e.seq(), problem.get())));
                    }
                    expectedSeq = e.seq() + 1;
                    prevHash = stored;
                }
            }
        }
        long last = expectedSeq - 1;
        if (last < head.lastSeq()) {
            return new VerifyReport(checked, Optional.of(problem(last + 1, LedgerProblem.Kind.DELETED,
                    "ledger.problem.deleted.end", head.lastSeq())));
        }
        if (last > head.lastSeq()) {
            return new VerifyReport(checked, Optional.of(problem(head.lastSeq() + 1, LedgerProblem.Kind.INSERTED,
                    "ledger.problem.inserted", head.lastSeq())));
        }
        if (last > 0 && !prevHash.equals(head.lastHash())) {
            return new VerifyReport(checked, Optional.of(problem(last, LedgerProblem.Kind.ALTERED,
                    "ledger.problem.head")));
        }
        return new VerifyReport(checked, Optional.empty());
    }

    private static Optional<LedgerProblem> check(LedgerEntry e, String stored, long expectedSeq, String prevHash) {
        if (e.seq() != expectedSeq) {
            return Optional.of(problem(expectedSeq, LedgerProblem.Kind.DELETED, "ledger.problem.deleted",
                    e.seq()));
        }
        if (!e.computeHash().equals(stored)) {
            return Optional.of(problem(e.seq(), LedgerProblem.Kind.ALTERED, "ledger.problem.altered"));
        }
        if (!e.prevHash().equals(prevHash)) {
            return Optional.of(problem(e.seq(), LedgerProblem.Kind.BROKEN_LINK, "ledger.problem.broken.link",
                    e.seq() - 1));
        }
        return Optional.empty();
    }

    /** A bad row past the head is one the application never appended: it was inserted. */
    private static LedgerProblem beyondHead(Head head, long expectedSeq, long rowSeq, LedgerProblem found) {
        return expectedSeq > head.lastSeq()
                ? problem(rowSeq, LedgerProblem.Kind.INSERTED, "ledger.problem.inserted", head.lastSeq())
                : found;
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        long wordingId = rs.getLong("wording_id");
        Long wid = rs.wasNull() ? null : wordingId;
        return new LedgerEntry(rs.getLong("seq"), rs.getString("subject"), rs.getString("kind"),
                rs.getString("channel"), wid, rs.getString("text"), rs.getString("staff"),
                Jdbc.instant(rs, "occurred_at"), rs.getString("evidence"), rs.getString("prev_hash"));
    }

    private static Head readHead(Connection c) throws SQLException {
        return Jdbc.queryOne(c, "SELECT last_seq, last_hash FROM consent_ledger_head WHERE id = 1",
                rs -> new Head(rs.getLong(1), rs.getString(2))).orElse(new Head(0, LedgerEntry.GENESIS));
    }

    private static LedgerProblem problem(long seq, LedgerProblem.Kind kind, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = seq;
        System.arraycopy(args, 0, all, 1, args.length);
        return new LedgerProblem(seq, kind, UserMessage.of(key, all));
    }
}
