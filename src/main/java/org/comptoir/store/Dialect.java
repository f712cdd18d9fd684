package org.comptoir.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What differs between the two databases a store can live in: H2 (embedded, or served to the shop's tills over
 * TCP) and PostgreSQL (a chain's server). Everything else is the SQL both accept, which the services write.
 *
 * <ul>
 *   <li>Migrations: H2 runs {@code db/migration}, the history every shop's store already has; PostgreSQL runs
 *       {@code db/postgresql}, the same versions written in its dialect (identity columns, stored generated
 *       columns, {@code DROP NOT NULL}). {@code PostgresMigrationTest} checks both give the same tables and columns.</li>
 *   <li>Upserts: H2's {@code MERGE ... KEY}, PostgreSQL's {@code INSERT ... ON CONFLICT} (from values or a
 *       select).</li>
 *   <li>Lazy results: H2's {@code SET LAZY_QUERY_EXECUTION}; PostgreSQL has no such setting.</li>
 *   <li>A snapshot read: H2 has its own SNAPSHOT level (6); PostgreSQL's REPEATABLE READ is a snapshot.</li>
 *   <li>Generated keys: H2 names columns in upper case, PostgreSQL in lower case.</li>
 *   <li>A column's values joined into one text: H2's {@code LISTAGG ... WITHIN GROUP}, which PostgreSQL does not
 *       have; PostgreSQL's {@code STRING_AGG ... ORDER BY}, which H2 accepts only in its PostgreSQL mode.</li>
 *   <li>The server's clock: H2's {@code CURRENT_TIMESTAMP}, PostgreSQL's {@code clock_timestamp()}.</li>
 * </ul>
 */
public enum Dialect {
    H2("classpath:db/migration"),
    POSTGRESQL("classpath:db/postgresql");

    /** H2's SNAPSHOT isolation level (JDBC has no constant for it). */
    private static final int H2_SNAPSHOT = 6;

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** Flyway's location of this database's migrations. */
    public String migrations() {
        return migrations;
    }

    /** The dialect of an open connection (one metadata call, no round trip on either driver). */
    public static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("postgres") ? POSTGRESQL : H2;
    }

    /** The isolation level under which every read of a transaction sees the database as of its first read. */
    public int snapshotLevel() {
        return this == H2 ? H2_SNAPSHOT : Connection.TRANSACTION_REPEATABLE_READ;
    }

    /**
     * A query of the database's clock at the moment it runs. PostgreSQL's {@code CURRENT_TIMESTAMP} is the start of
     * the transaction (before a lock wait), hence {@code clock_timestamp()}; H2's {@code CURRENT_TIMESTAMP} is fixed
     * at its first use in a transaction (H2 2.3: {@code SessionLocal.currentTimestamp}), so the first read after the
     * ledger's lock is the time then. On a shop server both are the serving PC's clock, never the till's.
     */
    String serverNowSql() {
        return this == H2 ? "SELECT CURRENT_TIMESTAMP(6)" : "SELECT clock_timestamp()";
    }

    /** A generated-key column as the driver wants it named. */
    String keyColumn(String column) {
        return this == H2 ? column.toUpperCase(Locale.ROOT) : column.toLowerCase(Locale.ROOT);
    }

    /**
     * Inserts the row, or updates its non-key columns when a row with the same key exists. With only key columns,
     * an existing row is left as it is.
     */
    String upsert(String table, String[] keys, String[] columns) {
        return upsert(table, keys, columns, java.util.Collections.nCopies(columns.length, "?").toArray(String[]::new));
    }

    /** {@link #upsert(String, String[], String[])} with one SQL expression per column ({@code ?}, {@code NULL}...). */
    String upsert(String table, String[] keys, String[] columns, String[] values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(columns.length + " columns, " + values.length + " values");
        }
        return upsertRows(table, keys, columns, "VALUES (" + String.join(", ", values) + ")");
    }

    /**
     * Inserts the rows of {@code select} (one value per column, in order), each updating the non-key columns of an
     * existing row with the same key, or leaving it as it is when there are only key columns.
     */
    String upsertSelect(String table, String[] keys, String[] columns, String select) {
        return upsertRows(table, keys, columns, select);
    }

    private String upsertRows(String table, String[] keys, String[] columns, String rows) {
        String cols = String.join(", ", columns);
        if (this == H2) {
            return "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") " + rows;
        }
        java.util.List<String> keyList = java.util.List.of(keys);
        StringBuilder set = new StringBuilder();
        for (String col : columns) {
            if (!keyList.contains(col)) {
                set.append(set.isEmpty() ? "" : ", ").append(col).append(" = EXCLUDED.").append(col);
            }
        }
        return "INSERT INTO " + table + " (" + cols + ") " + rows + " ON CONFLICT (" + String.join(", ", keys)
                + ") DO " + (set.isEmpty() ? "NOTHING" : "UPDATE SET " + set);
    }

    /** The aggregate joining {@code column}'s values of a group, in their order, with {@code separator} (a literal). */
    String joined(String column, String separator) {
        String sep = "'" + separator.replace("'", "''") + "'";
        return this == H2 ? "LISTAGG(" + column + ", " + sep + ") WITHIN GROUP (ORDER BY " + column + ")"
                : "STRING_AGG(" + column + ", " + sep + " ORDER BY " + column + ")";
    }

    /**
     * Switches row-by-row results on or off for the connection: H2 otherwise computes a whole result before its
     * first row ({@code SET LAZY_QUERY_EXECUTION}); PostgreSQL has no such setting (it streams a statement with a
     * fetch size inside a transaction), so nothing is sent to it.
     */
    void lazyQueries(Connection c, boolean on) throws SQLException {
        if (this == H2) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
            }
        }
    }
}
