package org.comptoir.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.comptoir.store.SqlFunction;

/**
 * Reads for an export: one read-only snapshot (every sheet sees the store as of the first read, while tills go
 * on appending) and result sets streamed row by row, never collected in a list, so the memory an export needs
 * does not grow with the ledger.
 */
final class Snapshot {

    /** Rows per round trip where the driver would otherwise load a whole result (PostgreSQL). */
    private static final int FETCH = 1_000;

    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private Snapshot() {
    }

    /** Runs {@code work} on one connection inside a snapshot that is rolled back (nothing is written). */
    static <T> T read(Database db, SqlFunction<T> work) {
        return db.withConnection(c -> {
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Jdbc.snapshotLevel(c));
            lazy(c, true);
            try {
                return work.apply(c);
            } finally {
                c.rollback();
                lazy(c, false); // the connection goes back to a pool shared with the tills
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(true);
            }
        });
    }

    /** Hands each row of {@code sql} to {@code handler} as the database produces it. */
    static void each(Connection c, String sql, RowHandler handler, Object... params) throws SQLException {
        try (PreparedStatement st = Jdbc.prepare(c, sql, params)) {
            st.setFetchSize(FETCH);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    /**
     * H2 otherwise computes a whole result before returning its first row (kept in memory up to its row
     * threshold, then in a temporary file); lazily, rows are produced as they are read. PostgreSQL streams with
     * the fetch size inside this transaction instead (see {@link Jdbc#lazyQueries}).
     */
    private static void lazy(Connection c, boolean on) throws SQLException {
        Jdbc.lazyQueries(c, on);
    }
}
