package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.comptoir.store.Database;
import org.comptoir.store.FirstReleaseStore;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V23 gives the contact and audit identity sequences a cache of {@value #CACHE} values (an import draws one of each
 * per row, and H2 wrote the sequence in a commit of its own every 32). On a real encrypted store: a new one has the
 * cache, one made by the first release gets it and keeps its rows, and ids stay unique and increasing across closes.
 */
class IdentityCacheMigrationTest {

    static final long CACHE = 1_000;

    @TempDir
    Path dir;

    @Test
    void aNewStoreCachesTheContactAndAuditIds() {
        try (Database db = Database.open(dir)) {
            assertThat(caches(db)).containsEntry("AUDIT.ID", CACHE).containsEntry("CONTACT.ID", CACHE);
        }
    }

    @Test
    void aFirstReleaseStoreGetsTheCacheAndKeepsItsRowsAndIds() {
        FirstReleaseStore.build(dir, c -> Jdbc.update(c, "INSERT INTO contact (subject, phone_e164, national_digits, "
                + "first_name, created_at) VALUES ('s1', '+33612345678', '612345678', 'Marie', CURRENT_TIMESTAMP)"));
        List<Long> ids = new ArrayList<>();
        try (Database db = Database.open(dir)) {
            assertThat(caches(db)).containsEntry("AUDIT.ID", CACHE).containsEntry("CONTACT.ID", CACHE);
            ids.add(db.withConnection(c -> Jdbc.queryLong(c, "SELECT id FROM contact WHERE subject = 's1'")));
            ids.add(insertContact(db, "s2"));
        }
        assertThat(ids.get(1)).isGreaterThan(ids.get(0));
    }

    @Test
    void idsStayUniqueAndIncreasingAcrossReopens() {
        List<Long> contactIds = new ArrayList<>();
        List<Long> auditIds = new ArrayList<>();
        for (int open = 0; open < 3; open++) {
            try (Database db = Database.open(dir)) {
                for (int i = 0; i < 3; i++) {
                    contactIds.add(insertContact(db, "s" + open + "-" + i));
                    auditIds.add(db.withConnection(c -> Jdbc.insert(c, "INSERT INTO audit (occurred_at, actor, action) "
                            + "VALUES (?, ?, ?)", Instant.now(), "test", "TEST")));
                }
            }
        }
        assertThat(contactIds).doesNotHaveDuplicates().isSorted();
        assertThat(auditIds).doesNotHaveDuplicates().isSorted();
    }

    private static long insertContact(Database db, String subject) {
        String digits = String.format("6%08d", Math.abs(subject.hashCode()) % 100_000_000);
        return db.withConnection(c -> Jdbc.insert(c, "INSERT INTO contact (subject, phone_e164, national_digits, "
                + "created_at) VALUES (?, ?, ?, ?)", subject, "+33" + digits, digits, Instant.now()));
    }

    private static Map<String, Long> caches(Database db) {
        Map<String, Long> found = new TreeMap<>();
        db.withConnection(c -> Jdbc.query(c, "SELECT TABLE_NAME, COLUMN_NAME, IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE IS_IDENTITY = 'YES' AND TABLE_NAME IN ('CONTACT', 'AUDIT')", rs -> {
                    found.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
                    return null;
                }));
        return found;
    }
}
