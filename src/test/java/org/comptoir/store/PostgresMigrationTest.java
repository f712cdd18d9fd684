package org.comptoir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same migration history creates and upgrades a store on H2 and on a real PostgreSQL (see {@link Dialect}): every
 * version of {@code db/migration} has its PostgreSQL form, and both give the same tables, columns and nullability.
 */
@ExtendWith(PostgresServer.class)
@Timeout(300)
class PostgresMigrationTest {

    @TempDir
    Path dir;

    @Test
    void everyMigrationHasItsPostgresFormAndBothGiveTheSameSchema(PostgresServer pg) throws Exception {
        List<String> h2Versions = versions(Dialect.H2);
        assertThat(versions(Dialect.POSTGRESQL)).as("a migration added to db/migration needs its form in "
                + "db/postgresql (and the other way round)").isEqualTo(h2Versions);

        String url = pg.newDatabase();
        try (Database h2 = Database.open(dir.resolve("h2"));
             Database postgres = Database.open(dir.resolve("till"), StoreTarget.postgresql(url, PostgresServer.USER,
                     PostgresServer.PASSWORD), true)) {
            assertThat(postgres.dialect()).isEqualTo(Dialect.POSTGRESQL);
            assertThat(applied(postgres)).isEqualTo(h2Versions);
            assertThat(applied(h2)).isEqualTo(h2Versions);
            TreeSet<String> h2Columns = columns(h2, "PUBLIC");
            TreeSet<String> pgColumns = columns(postgres, "public");
            assertThat(pgColumns).as("tables and columns (name, nullable)").isEqualTo(h2Columns);
            assertThat(h2Columns).contains("consent_event.hash NO", "outbox.campaign_id YES", "contact.first_name_lc YES");
        }
    }

    @Test
    void aPostgresStoreMadeByAnOlderVersionIsUpgradedInPlace(PostgresServer pg) throws Exception {
        String url = pg.newDatabase();
        // the store as the first releases left it: up to V5, with a consent state row in it
        Flyway.configure().dataSource(url, PostgresServer.USER, PostgresServer.PASSWORD)
                .locations(Dialect.POSTGRESQL.migrations()).target("5").load().migrate();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            c.createStatement().execute("INSERT INTO consent_state (subject, status, since, last_seq) "
                    + "VALUES ('abc', 'OPTED_IN', TIMESTAMP WITH TIME ZONE '2026-01-02 10:00:00+00', 1)");
        }
        try (Database db = Database.open(dir, StoreTarget.postgresql(url, PostgresServer.USER, PostgresServer.PASSWORD),
                true)) {
            assertThat(applied(db)).isEqualTo(versions(Dialect.H2));
            java.util.Optional<String> before = db.withConnection(c -> Jdbc.queryOne(c,
                    "SELECT status FROM consent_state WHERE subject = 'abc'", rs -> rs.getString(1)));
            assertThat(before).contains("OPTED_IN");
            // the upsert the ledger and the settings use, in PostgreSQL's form
            db.withConnection(c -> Jdbc.upsert(c, "consent_state", new String[] {"subject"},
                    new String[] {"subject", "status", "since", "last_seq", "wording_id"}, "abc", "OPTED_OUT",
                    java.time.Instant.parse("2026-01-03T10:00:00Z"), 2L, null));
            java.util.Optional<String> after = db.withConnection(c -> Jdbc.queryOne(c, "SELECT status || ' ' || last_seq "
                    + "FROM consent_state WHERE subject = 'abc'", rs -> rs.getString(1)));
            assertThat(after).contains("OPTED_OUT 2");
            long id = db.withConnection(c -> Jdbc.insert(c, "INSERT INTO audit (occurred_at, actor, action) VALUES (?, ?, ?)",
                    java.time.Instant.now(), "test", "TEST"));
            assertThat(id).isPositive();
        }
    }

    private static List<String> versions(Dialect dialect) {
        // the files Flyway finds, without a database: info() on a throw-away in-memory H2
        Flyway f = Flyway.configure().dataSource("jdbc:h2:mem:list" + dialect, "sa", "")
                .locations(dialect.migrations()).load();
        return java.util.Arrays.stream(f.info().all()).map(i -> i.getVersion().getVersion()).toList();
    }

    private static List<String> applied(Database db) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" "
                + "AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"", rs -> rs.getString(1)));
    }

    private static TreeSet<String> columns(Database db, String schema) {
        List<String> rows = db.withConnection(c -> Jdbc.query(c, "SELECT LOWER(table_name), LOWER(column_name), "
                        + "is_nullable FROM information_schema.columns WHERE table_schema = ? "
                        + "AND LOWER(table_name) <> 'flyway_schema_history'",
                rs -> rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3), schema));
        return new TreeSet<>(rows);
    }

}
