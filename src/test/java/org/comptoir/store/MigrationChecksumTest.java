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

    static final Map<String, Integer> LANDED = Map.of(
            "1", -1463562634,
            "2", -1903877246,
            "3", -721336891,
            "4", -425894272,
            "5", -171105114,   // the edited text; the first release's -438530624 is mended by MigrationHistory
            "7", -284228266,
            "9", 821595066,
            "10", -142456676,
            "11", 439098722);

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

    @Test
    void onlyTheKnownFirstChecksumOfV5IsMended() {
        assertThat(MigrationHistory.REPLACED_CHECKSUMS).containsOnlyKeys("5");
        assertThat(MigrationHistory.REPLACED_CHECKSUMS.get("5")).containsExactly(-438530624, LANDED.get("5"));
    }
}
