package org.comptoir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Landed migrations are never edited: each one's Flyway checksum is pinned here, so an edit fails the build
 * instead of failing every shop's next start with "Migration checksum mismatch". A new migration adds its line
 * once it has landed.
 */
class MigrationChecksumTest {

    static final Map<String, Integer> LANDED = Map.ofEntries(
            Map.entry("1", -1463562634),
            Map.entry("2", -1903877246),
            Map.entry("3", -721336891),
            Map.entry("4", -425894272),
            Map.entry("5", -171105114),   // the edited text; the first release's -438530624 is mended by MigrationHistory
            Map.entry("7", -284228266),
            Map.entry("9", 821595066),
            Map.entry("10", -142456676),
            Map.entry("11", 439098722),
            Map.entry("14", -237330048),
            Map.entry("16", 1335434617),
            Map.entry("17", 1991294265),
            Map.entry("18", 857394354),   // issue 10: sending instances and their leases
            Map.entry("19", -1223234757), // issue 10: one index less on outbox, a larger id cache, the send time
            Map.entry("21", -21603496),    // per-till settings (issue 17)
            Map.entry("23", 1260604276));

    @TempDir
    Path dir;

    @Test
    void everyLandedMigrationKeepsItsChecksum() {
        Map<String, Integer> found = new TreeMap<>();
        for (MigrationInfo m : Flyway.configure().dataSource("jdbc:h2:mem:checksums", "sa", "")
                .locations("classpath:db/migration").load().info().all()) {
            found.put(m.getVersion().getVersion(), m.getChecksum());
        }
        Map<String, Integer> landed = new TreeMap<>();
        found.forEach((v, sum) -> {
            if (LANDED.containsKey(v)) {
                landed.put(v, sum);
            }
        });
        assertThat(landed).isEqualTo(new TreeMap<>(LANDED));
        // a new migration pins its checksum here in the commit that adds it
        assertThat(found.keySet()).as("every migration is pinned").isEqualTo(new TreeMap<>(LANDED).keySet());
    }

    /** The PostgreSQL forms (store.Dialect), pinned the same way: a chain's server is a landed store too. */
    static final Map<String, Integer> LANDED_POSTGRESQL = Map.ofEntries(
            Map.entry("1", 49125415), Map.entry("2", -1090105632), Map.entry("3", -1166748169),
            Map.entry("4", 1496348645), Map.entry("5", 1497999925), Map.entry("7", 158551395),
            Map.entry("9", -1497874387), Map.entry("10", 851190063), Map.entry("11", -571873625),
            Map.entry("14", 878434175), // PL/pgSQL where H2 has its Java trigger
            Map.entry("16", 1335434617), // the same text as H2's: nothing in it differs
            Map.entry("17", 1991294265),
            Map.entry("18", 857394354), // the same text as H2's
            Map.entry("19", 1315767740), // no id cache there: see the file
            Map.entry("21", -21603496),  // the same text as H2's
            Map.entry("23", 695979770)); // no change on PostgreSQL: its sequences commit nothing of their own

    @Test
    void everyLandedPostgresqlMigrationKeepsItsChecksum() {
        Map<String, Integer> found = new TreeMap<>();
        for (MigrationInfo m : Flyway.configure().dataSource("jdbc:h2:mem:pgchecksums", "sa", "")
                .locations(Dialect.POSTGRESQL.migrations()).load().info().all()) {
            found.put(m.getVersion().getVersion(), m.getChecksum());
        }
        assertThat(found).isEqualTo(new TreeMap<>(LANDED_POSTGRESQL));
    }

    @Test
    void onlyTheKnownFirstChecksumOfV5IsMended() {
        assertThat(MigrationHistory.REPLACED_CHECKSUMS).containsOnlyKeys("5");
        assertThat(MigrationHistory.REPLACED_CHECKSUMS.get("5")).containsExactly(-438530624, LANDED.get("5"));
    }
}
