package org.comptoir.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers over plain JDBC so repositories read as SQL and mapping, not boilerplate. */
public final class Jdbc {

    private Jdbc() {
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    public static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
        }
    }

    public static long queryLong(Connection c, String sql, Object... params) throws SQLException {
        return queryOne(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params)) {
            return st.executeUpdate();
        }
    }

    /** Runs an insert and returns the generated key of the first row. */
    public static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql, new String[] {Dialect.of(c).keyColumn("id")})) {
            bind(st, params);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * Inserts a row, or updates its non-key columns where one with the same {@code keys} exists, in the dialect of
     * {@code c} (see {@link Dialect}). Returns the update count.
     */
    public static int upsert(Connection c, String table, String[] keys, String[] columns, Object... values)
            throws SQLException {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(columns.length + " columns, " + values.length + " values");
        }
        return update(c, Dialect.of(c).upsert(table, keys, columns), values);
    }

    /**
     * Large reads row by row instead of whole results in memory: H2's lazy execution for the connection (set it back
     * to false before the connection returns to the pool); PostgreSQL streams a statement with a fetch size inside a
     * transaction, which {@link #streamed} sets, so there is nothing to switch here.
     */
    public static void lazyQueries(Connection c, boolean on) throws SQLException {
        Dialect.of(c).lazyQueries(c, on);
    }

    /**
     * The SQL of an upsert in {@code c}'s dialect (see {@link #upsert}), one SQL expression per column in
     * {@code values} ({@code ?} for a parameter), for a statement the caller prepares and batches.
     */
    public static String upsertSql(Connection c, String table, String[] keys, String[] columns, String... values)
            throws SQLException {
        return Dialect.of(c).upsert(table, keys, columns, values);
    }

    /**
     * The SQL that upserts the rows of {@code select} (one value per column, in order) in {@code c}'s dialect: an
     * existing row with the same key gets its non-key columns updated, or is left as it is if there are none.
     */
    public static String upsertSelectSql(Connection c, String table, String[] keys, String[] columns, String select)
            throws SQLException {
        return Dialect.of(c).upsertSelect(table, keys, columns, select);
    }

    /**
     * The SQL aggregate that joins {@code column}'s values of a group into one text, sorted, with {@code separator}
     * between them, in {@code c}'s dialect (see {@link Dialect}).
     */
    public static String joinedSql(Connection c, String column, String separator) throws SQLException {
        return Dialect.of(c).joined(column, separator);
    }

    /** A statement that reads its results in batches where the driver would otherwise load them all (PostgreSQL). */
    public static java.sql.Statement streamed(Connection c) throws SQLException {
        java.sql.Statement st = c.createStatement();
        st.setFetchSize(STREAM_BATCH);
        return st;
    }

    private static final int STREAM_BATCH = 1000;

    /** The isolation level of a snapshot read on {@code c}'s database (see {@link Dialect#snapshotLevel()}). */
    public static int snapshotLevel(Connection c) throws SQLException {
        return Dialect.of(c).snapshotLevel();
    }

    public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        bind(st, params);
        return st;
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                st.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else if (p instanceof Enum<?> e) {
                st.setString(i + 1, e.name()); // enums are stored by name, never by ordinal
            } else {
                st.setObject(i + 1, p);
            }
        }
    }

    /**
     * The database server's clock now, read on {@code c} (see {@link Dialect#serverNowSql()}): inside a transaction,
     * the time of this call, not of the transaction's start, so an instant read after taking a lock is later than
     * whatever the lock's previous holder wrote.
     */
    public static Instant serverNow(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery(Dialect.of(c).serverNowSql())) {
            if (!rs.next()) {
                throw new SQLException("the server gave no time");
            }
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    /** Reads a {@code TIMESTAMP WITH TIME ZONE} column as an instant (null stays null). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime odt = rs.getObject(column, OffsetDateTime.class);
        return odt == null ? null : odt.toInstant();
    }
}
