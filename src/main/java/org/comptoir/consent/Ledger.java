package org.comptoir.consent;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * The append-only, hash-chained consent ledger ({@code consent_event}) with its head
 * ({@code consent_ledger_head}) and the derived {@code consent_state}. Appends happen inside the caller's
 * transaction, after {@link #lockHead}; see {@link LedgerEntry} for what each hash covers.
 */
final class Ledger {

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
        checkNotBehind(c, head, at);
        long seq = head.lastSeq() + 1;
        Long wordingId = wording == null ? null : wording.id();
        LedgerEntry entry = new LedgerEntry(LedgerEntry.CURRENT_VERSION, seq, subject, kind.name(), channel.name(),
                wordingId, wording, staff, at, evidence, head.lastHash());
        String hash = entry.computeHash();
        Jdbc.update(c, "INSERT INTO consent_event (seq, subject, kind, channel, wording_id, staff, occurred_at, evidence, "
                        + "prev_hash, hash, hash_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, subject, kind, channel, wordingId, staff, at, evidence, head.lastHash(), hash,
                LedgerEntry.CURRENT_VERSION);
        Jdbc.upsert(c, "consent_state", new String[] {"subject"},
                new String[] {"subject", "status", "since", "last_seq", "wording_id"},
                subject, kind.resultingStatus(), at, seq, stateWordingId);
        Jdbc.update(c, "UPDATE consent_ledger_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, hash);
        // no number or name in the audit trail: it must survive erasure without keeping personal data
        Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, ?, ?, ?)",
                at, staff == null || staff.isBlank() ? channel.name().toLowerCase(java.util.Locale.ROOT) : staff,
                kind == ConsentKind.ERASED ? "ERASE" : "CONSENT_" + kind.name(), "ledger seq " + seq);
        return new Head(seq, hash);
    }

    /** One event of {@link #appendAll}: an append without a wording (an import's OPT_IN). */
    record Pending(String subject, ConsentKind kind, Channel channel, String staff, String evidence) {
    }

    /**
     * Appends {@code events} after {@code head} (locked by this transaction), in order, all at {@code occurredAt}:
     * the same rows, hashes, states and audit lines as {@link #append} one by one, sent as JDBC batches, with the
     * time check and the head update done once. Returns the new head.
     */
    Head appendAll(Connection c, Head head, java.util.List<Pending> events, Instant occurredAt) throws SQLException {
        Instant at = LedgerEntry.truncate(occurredAt);
        checkNotBehind(c, head, at);
        long seq = head.lastSeq();
        String prev = head.lastHash();
        java.time.OffsetDateTime when = at.atOffset(java.time.ZoneOffset.UTC);
        try (java.sql.PreparedStatement event = c.prepareStatement("INSERT INTO consent_event (seq, subject, kind, "
                + "channel, wording_id, staff, occurred_at, evidence, prev_hash, hash, hash_version) "
                + "VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)");
             java.sql.PreparedStatement state = c.prepareStatement(Jdbc.upsertSql(c, "consent_state",
                     new String[] {"subject"}, new String[] {"subject", "status", "since", "last_seq", "wording_id"},
                     "?", "?", "?", "?", "NULL"));
             java.sql.PreparedStatement audit = c.prepareStatement(
                     "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, ?, ?, ?)")) {
            for (Pending p : events) {
                seq++;
                String hash = new LedgerEntry(LedgerEntry.CURRENT_VERSION, seq, p.subject(), p.kind().name(),
                        p.channel().name(), null, null, p.staff(), at, p.evidence(), prev).computeHash();
                event.setLong(1, seq);
                event.setString(2, p.subject());
                event.setString(3, p.kind().name());
                event.setString(4, p.channel().name());
                event.setString(5, p.staff());
                event.setObject(6, when);
                event.setString(7, p.evidence());
                event.setString(8, prev);
                event.setString(9, hash);
                event.setInt(10, LedgerEntry.CURRENT_VERSION);
                event.addBatch();
                state.setString(1, p.subject());
                state.setString(2, p.kind().resultingStatus().name());
                state.setObject(3, when);
                state.setLong(4, seq);
                state.addBatch();
                audit.setObject(1, when);
                audit.setString(2, p.staff() == null || p.staff().isBlank()
                        ? p.channel().name().toLowerCase(java.util.Locale.ROOT) : p.staff());
                audit.setString(3, p.kind() == ConsentKind.ERASED ? "ERASE" : "CONSENT_" + p.kind().name());
                audit.setString(4, "ledger seq " + seq);
                audit.addBatch();
                prev = hash;
            }
            event.executeBatch();
            state.executeBatch();
            audit.executeBatch();
        }
        Jdbc.update(c, "UPDATE consent_ledger_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, prev);
        return new Head(seq, prev);
    }

    /** Time never goes backwards along the chain: a PC clock set back would back-date this consent. */
    private static void checkNotBehind(Connection c, Head head, Instant at) throws SQLException {
        if (head.lastSeq() > 0) {
            Optional<Instant> last = Jdbc.queryOne(c, "SELECT occurred_at FROM consent_event WHERE seq = ?",
                    rs -> Jdbc.instant(rs, "occurred_at"), head.lastSeq());
            if (last.isPresent() && at.isBefore(last.get())) {
                throw new ComptoirException(UserMessage.of("consent.error.clock.behind", last.get(), at));
            }
        }
    }

    /**
     * Verifies the chain, the head, the derived state and contacts and the given checkpoints in one read-only
     * snapshot (see {@link LedgerVerifier}). Appends may run meanwhile; the check sees the ledger as it was when it
     * began.
     */
    VerifyReport verify(Database db, SubjectKey key, java.util.List<LedgerHead> checkpoints) {
        // one read-only snapshot for the whole walk: under H2's default READ COMMITTED each statement sees the
        // ledger as it is then, so a till's append landing between two reads (rows, then head) looked like a
        // deleted or inserted row. Readers of a snapshot take no locks: appends go on meanwhile.
        return db.withConnection(c -> inSnapshot(c, () -> new LedgerVerifier(c, key).run(checkpoints)));
    }

    /** The head as the ledger's last row has it (seq, hash, time), read in one snapshot. */
    LedgerHead head(Database db) {
        return db.withConnection(c -> inSnapshot(c, () -> {
            Head h = readHead(c);
            Instant at = Jdbc.queryOne(c, "SELECT occurred_at FROM consent_event WHERE seq = ?",
                    rs -> Jdbc.instant(rs, "occurred_at"), h.lastSeq()).orElse(null);
            return new LedgerHead(h.lastSeq(), h.lastHash(), at);
        }));
    }

    private interface SnapshotWork<T> {
        T run() throws SQLException;
    }

    private static <T> T inSnapshot(Connection c, SnapshotWork<T> work) throws SQLException {
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Jdbc.snapshotLevel(c));
        try {
            return work.run();
        } finally {
            c.rollback(); // nothing was written
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(true);
        }
    }

    static Head readHead(Connection c) throws SQLException {
        return Jdbc.queryOne(c, "SELECT last_seq, last_hash FROM consent_ledger_head WHERE id = 1",
                rs -> new Head(rs.getLong(1), rs.getString(2))).orElse(new Head(0, LedgerEntry.GENESIS));
    }
}
