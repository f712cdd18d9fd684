package org.comptoir.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/**
 * Copies a till's embedded H2 store, row for row, into an empty PostgreSQL database that Flyway has just given the
 * same schema ({@code store migrate --to postgresql}). The tables and columns are read from both databases, not
 * listed here, so a table a later migration adds is copied without a change here; a table or column that one side
 * has and the other lacks stops the copy (the two migration folders would then disagree).
 *
 * <p>Rows go in foreign-key order, in one transaction on the target (all or nothing); user triggers are off meanwhile
 * ({@code recipient_sends} is copied as it is rather than recomputed from the outbox by V14's trigger); identity
 * sequences are then moved past the copied ids, so the next row a till adds does not collide with a copied one.
 * Verifying the ledger on the copy is the caller's job (it needs the consent service): see
 * {@code settings.StoreMigration}.
 *
 * <p>Blocking (both databases); never on the FX thread. Stateless.
 */
public final class StoreCopy {

    /** Flyway's own table: each side keeps the history of its own migration folder. */
    private static final String HISTORY = "flyway_schema_history";
    private static final int BATCH = 500;

    /** What was copied: rows per table (lower-case names, in copy order) and the ledger head both sides hold. */
    public record Outcome(Map<String, Long> rows, LedgerHead head) {
    }

    private StoreCopy() {
    }

    /**
     * Checks that {@code target} (a PostgreSQL database) can be reached and holds nothing yet in its schema: no
     * table, view, sequence or function. Nothing is written.
     *
     * @throws ComptoirException the server cannot be reached or refuses the login ({@code store.unreachable},
     *                           {@code store.login.refused}, ...), or the database is not empty
     *                           ({@code store.migrate.target.used}, naming what it holds)
     */
    public static void requireEmpty(StoreTarget target) {
        String where = Database.redacted(target.url());
        try (Connection c = connect(target)) {
            List<String> held = Jdbc.query(c, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
                    + "c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'S', 'p', 'f')"
                    + " UNION ALL SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE n.nspname = current_schema() ORDER BY 1", rs -> rs.getString(1));
            if (!held.isEmpty()) {
                throw new ComptoirException(UserMessage.of("store.migrate.target.used", where,
                        String.join(", ", held.subList(0, Math.min(5, held.size())))
                                + (held.size() > 5 ? ", … (" + held.size() + ")" : "")));
            }
        } catch (SQLException e) {
            throw StoreErrors.translateRemote(e, where);
        }
    }

    /**
     * Copies every row of {@code source} into {@code target}, freshly migrated (the only rows it holds are those
     * its migrations seed, which the copy replaces). One transaction on the target: on any failure nothing is
     * copied (the tables Flyway made stay: {@link #discard} removes them).
     *
     * @throws ComptoirException the two schemas differ ({@code store.migrate.schema}), a row is refused, a count
     *                           differs after the copy ({@code store.migrate.count}), or a database fails
     */
    public static Outcome copy(Database source, Database target) {
        if (target.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("the copy's target is a PostgreSQL store, not " + target.where());
        }
        return source.withConnection(from -> target.inTransaction(to -> {
            Map<String, List<Column>> targetTables = targetTables(to);
            Set<String> sourceTables = sourceTables(from);
            if (!sourceTables.equals(targetTables.keySet())) {
                Set<String> onlySource = new java.util.TreeSet<>(sourceTables);
                onlySource.removeAll(targetTables.keySet());
                Set<String> onlyTarget = new java.util.TreeSet<>(targetTables.keySet());
                onlyTarget.removeAll(sourceTables);
                throw new ComptoirException(UserMessage.of("store.migrate.schema", "tables "
                        + onlySource + " / " + onlyTarget));
            }
            List<String> order = dependencyOrder(to, targetTables.keySet());
            try (Statement st = to.createStatement()) {
                for (String table : order) {
                    st.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
                }
                for (int i = order.size() - 1; i >= 0; i--) {
                    st.execute("DELETE FROM " + order.get(i)); // what the migrations seeded (the ledger head's row)
                }
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : order) {
                rows.put(table, copyTable(from, to, table, targetTables.get(table)));
            }
            try (Statement st = to.createStatement()) {
                for (String table : order) {
                    st.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
                }
            }
            moveSequences(to, targetTables);
            for (Map.Entry<String, Long> e : rows.entrySet()) {
                long there = Jdbc.queryLong(to, "SELECT COUNT(*) FROM " + e.getKey());
                long here = Jdbc.queryLong(from, "SELECT COUNT(*) FROM " + e.getKey());
                if (there != here || here != e.getValue()) {
                    throw new ComptoirException(UserMessage.of("store.migrate.count", e.getKey(), here, there));
                }
            }
            LedgerHead head = head(from);
            if (!head.equals(head(to))) {
                throw new ComptoirException(UserMessage.of("store.migrate.count", "consent_ledger_head",
                        head.seq(), head(to).seq()));
            }
            return new Outcome(rows, head);
        }));
    }

    /**
     * Removes what the migrations and a failed copy left in {@code target}, which {@link #requireEmpty} found empty:
     * every table, view, sequence and function of its schema, so the owner can try again on the same database.
     *
     * @throws ComptoirException the server cannot be reached meanwhile
     */
    public static void discard(StoreTarget target) {
        String where = Database.redacted(target.url());
        try (Connection c = connect(target)) {
            c.setAutoCommit(false);
            List<String> tables = Jdbc.query(c, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
                    + "c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')",
                    rs -> rs.getString(1));
            List<String> functions = Jdbc.query(c, "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n"
                    + " ON n.oid = p.pronamespace WHERE n.nspname = current_schema()", rs -> rs.getString(1));
            try (Statement st = c.createStatement()) {
                for (String t : tables) {
                    st.execute("DROP TABLE IF EXISTS \"" + t.replace("\"", "\"\"") + "\" CASCADE");
                }
                for (String f : functions) {
                    st.execute("DROP FUNCTION IF EXISTS " + f + " CASCADE");
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw StoreErrors.translateRemote(e, where);
        }
    }

    private static Connection connect(StoreTarget target) throws SQLException {
        Properties login = new Properties();
        if (target.user() != null) {
            login.setProperty("user", target.user());
        }
        if (target.password() != null) {
            login.setProperty("password", target.password());
        }
        login.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(target.url().strip(), login);
    }

    /** A column of the target: whether the database computes it (never written) and its array element type. */
    private record Column(String name, boolean generated, boolean identity, String arrayElement) {
    }

    private static Map<String, List<Column>> targetTables(Connection to) throws SQLException {
        Map<String, List<Column>> tables = new TreeMap<>();
        for (String[] row : Jdbc.query(to, "SELECT c.table_name, c.column_name, c.is_generated, c.is_identity, "
                + "c.udt_name FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = "
                + "c.table_schema AND t.table_name = c.table_name WHERE c.table_schema = current_schema() AND "
                + "t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)})) {
            if (row[0].equalsIgnoreCase(HISTORY)) {
                continue;
            }
            String udt = row[4];
            tables.computeIfAbsent(row[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(new Column(
                    row[1].toLowerCase(Locale.ROOT), "ALWAYS".equals(row[2]), "YES".equals(row[3]),
                    udt != null && udt.startsWith("_") ? udt.substring(1) : null));
        }
        return tables;
    }

    private static Set<String> sourceTables(Connection from) throws SQLException {
        Set<String> tables = new java.util.TreeSet<>();
        try (ResultSet rs = from.getMetaData().getTables(null, from.getSchema(), "%", new String[] {"TABLE",
                "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.equals(HISTORY)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /** Referenced tables before the tables that reference them (the target's foreign keys). */
    private static List<String> dependencyOrder(Connection to, Set<String> tables) throws SQLException {
        Map<String, Set<String>> needs = new TreeMap<>();
        for (String t : tables) {
            needs.put(t, new LinkedHashSet<>());
        }
        for (String[] fk : Jdbc.query(to, "SELECT cl.relname, ref.relname FROM pg_constraint k JOIN pg_class cl ON "
                + "cl.oid = k.conrelid JOIN pg_class ref ON ref.oid = k.confrelid JOIN pg_namespace n ON n.oid = "
                + "cl.relnamespace WHERE k.contype = 'f' AND n.nspname = current_schema()",
                rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            if (needs.containsKey(fk[0]) && !fk[0].equals(fk[1])) {
                needs.get(fk[0]).add(fk[1]);
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(needs.keySet());
        int stalled = 0;
        while (!pending.isEmpty()) {
            String t = pending.poll();
            if (placed.containsAll(needs.get(t))) {
                order.add(t);
                placed.add(t);
                stalled = 0;
            } else {
                pending.add(t);
                if (++stalled > pending.size()) {
                    throw new ComptoirException(UserMessage.of("store.migrate.schema", "foreign keys in a cycle: "
                            + pending));
                }
            }
        }
        return order;
    }

    private static long copyTable(Connection from, Connection to, String table, List<Column> columns)
            throws SQLException {
        List<Column> written = columns.stream().filter(c -> !c.generated()).toList();
        Map<String, String> sourceNames = sourceColumns(from, table);
        List<String> missing = written.stream().map(Column::name).filter(n -> !sourceNames.containsKey(n)).toList();
        List<String> extra = sourceNames.keySet().stream().filter(n -> columns.stream().noneMatch(c -> c.name()
                .equals(n))).toList();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new ComptoirException(UserMessage.of("store.migrate.schema", table + ": " + extra + " / " + missing));
        }
        // quoted as each database spells them: H2 upper-cases unquoted names, PostgreSQL lower-cases them, and a
        // column named after a keyword ("references") was quoted in both migrations
        String read = String.join(", ", written.stream().map(c -> quote(sourceNames.get(c.name()))).toList());
        String names = String.join(", ", written.stream().map(c -> quote(c.name())).toList());
        String marks = String.join(", ", written.stream().map(c -> "?").toList());
        long copied = 0;
        try (Statement st = Jdbc.streamed(from);
             ResultSet rs = st.executeQuery("SELECT " + read + " FROM " + table);
             PreparedStatement insert = to.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES ("
                     + marks + ")")) {
            int pending = 0;
            while (rs.next()) {
                for (int i = 0; i < written.size(); i++) {
                    insert.setObject(i + 1, value(to, rs.getObject(i + 1), written.get(i)));
                }
                insert.addBatch();
                copied++;
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return copied;
    }

    /** The source table's columns: lower-case name to the name as H2 keeps it. */
    private static Map<String, String> sourceColumns(Connection from, String table) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try (Statement st = from.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table
                + " WHERE 1 = 0")) {
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnName(i));
            }
        }
        return names;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** H2's arrays become PostgreSQL's, typed as the target column's elements; everything else binds as it is. */
    private static Object value(Connection to, Object v, Column column) throws SQLException {
        if (v instanceof Array a) {
            Object[] elements = (Object[]) a.getArray();
            return to.createArrayOf(column.arrayElement() == null ? "text" : column.arrayElement(), elements);
        }
        if (v instanceof Object[] elements) {
            return to.createArrayOf(column.arrayElement() == null ? "text" : column.arrayElement(), elements);
        }
        return v;
    }

    /** Each identity column's sequence continues after the largest copied id (or starts at 1 on an empty table). */
    private static void moveSequences(Connection to, Map<String, List<Column>> tables) throws SQLException {
        for (Map.Entry<String, List<Column>> t : tables.entrySet()) {
            for (Column c : t.getValue()) {
                if (c.identity()) {
                    Jdbc.queryOne(to, "SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX(" + c.name() + "), 1), "
                            + "MAX(" + c.name() + ") IS NOT NULL) FROM " + t.getKey(), rs -> rs.getLong(1),
                            t.getKey(), c.name());
                }
            }
        }
    }

    private static LedgerHead head(Connection c) throws SQLException {
        return Jdbc.queryOne(c, "SELECT last_seq, last_hash FROM consent_ledger_head WHERE id = 1",
                rs -> new LedgerHead(rs.getLong(1), rs.getString(2))).orElse(new LedgerHead(0, ""));
    }
}
