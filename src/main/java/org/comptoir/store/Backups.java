package org.comptoir.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The store's side of backups: H2's online backup of the live database, and the ledger head read from a live
 * store or from a copy. The backup service ({@code org.comptoir.backup}) owns archives, rotation and restore;
 * the SQL stays here.
 *
 * <p>Every method blocks on disk I/O: call from a background thread.
 */
public final class Backups {

    /** The database file inside a data folder (what {@link Database#open} makes). */
    public static final String DATABASE_FILE = "comptoir.mv.db";

    private Backups() {
    }

    /**
     * Writes a transactionally consistent copy of the live database to {@code zip} (H2's {@code BACKUP TO}: the
     * store stays open, tills go on saving meanwhile; the copy holds only committed transactions). The zip holds
     * one entry, {@link #DATABASE_FILE}.
     *
     * @throws org.comptoir.i18n.ComptoirException when H2 cannot write the file, or the store is not this PC's
     *                                              (a shop server's till, PostgreSQL: backed up where it lives)
     */
    public static void backupTo(Database db, Path zip) {
        if (!db.target().local()) {
            // on a shop server BACKUP TO would write the path on the serving PC; PostgreSQL has no such statement
            throw new org.comptoir.i18n.ComptoirException(org.comptoir.i18n.UserMessage.of("store.backup.shared",
                    db.where()));
        }
        // BACKUP TO takes a string literal, not a parameter: quotes in the path are doubled
        String literal = "'" + zip.toAbsolutePath().toString().replace("'", "''") + "'";
        db.withConnection(c -> {
            try (var st = c.createStatement()) {
                st.execute("BACKUP TO " + literal);
            }
            return null;
        });
    }

    /** The ledger head of a live store. */
    public static LedgerHead ledgerHead(Database db) {
        return db.withConnection(Backups::readHead);
    }

    /** The hash of ledger event {@code seq} in a live store; empty when there is no such event. */
    public static Optional<String> eventHash(Database db, long seq) {
        return db.withConnection(c -> Jdbc.queryOne(c, "SELECT hash FROM consent_event WHERE seq = ?",
                rs -> rs.getString(1), seq));
    }

    /**
     * The ledger head of a database copy in {@code folder} ({@link #DATABASE_FILE}), opened without migrating it
     * and closed again. Opened writable: H2 may have to roll back, in the copy, a transaction that was open when
     * the copy was taken (a read-only open then fails with 90097, as seen during a burst of till saves); the copy
     * is closed cleanly before it goes into the archive.
     *
     * @throws SQLException when the copy cannot be opened or has no ledger head
     */
    public static LedgerHead ledgerHeadOfCopy(Path folder, Path storeDataDir) throws SQLException {
        Path copy = folder.resolve(DATABASE_FILE);
        String url = "jdbc:h2:file:" + folder.resolve("comptoir").toAbsolutePath() + ";IFEXISTS=TRUE";
        String password = "";
        if (StoreEncryption.isEncrypted(copy)) {
            // the copy is as encrypted as the store: it opens with the store's key (store.key), which the backup carries
            url += ";CIPHER=AES";
            password = StoreEncryption.passwordOf(new StoreFiles(storeDataDir));
        }
        try (Connection c = DriverManager.getConnection(url, Database.USER, password)) {
            return readHead(c);
        }
    }

    /** The head row, with the time of the event it names (null when the ledger is empty). */
    private static LedgerHead readHead(Connection c) throws SQLException {
        LedgerHead head = Jdbc.queryOne(c, "SELECT last_seq, last_hash FROM consent_ledger_head WHERE id = 1",
                rs -> new LedgerHead(rs.getLong(1), rs.getString(2)))
                .orElseThrow(() -> new SQLException("consent_ledger_head has no row"));
        java.time.Instant at = Jdbc.queryOne(c, "SELECT occurred_at FROM consent_event WHERE seq = ?",
                rs -> Jdbc.instant(rs, "occurred_at"), head.seq()).orElse(null);
        return new LedgerHead(head.seq(), head.hash(), at);
    }
}
