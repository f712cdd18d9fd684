package org.comptoir.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.comptoir.store.Database;
import org.comptoir.store.FirstReleaseStore;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V20 drops the two indexes no query needs, which every imported row wrote at a random page (docs/performance.md,
 * "Excel"): on a new store and on one made by the first release, they are gone, every other index of contact and
 * consent_state stays, and the status filters that the dropped (status) index could serve are planned on
 * consent_state_status_since, not by a scan.
 */
class ImportIndexesMigrationTest {

    static final List<String> KEPT = List.of("CONSENT_STATE_SINCE", "CONSENT_STATE_STATUS_SINCE", "CONTACT_CREATED_AT",
            "CONTACT_LAST_NAME_LC", "CONTACT_NAME_LC", "CONTACT_NATIONAL_DIGITS");

    @TempDir
    Path dir;

    @Test
    void aNewStoreHasNeitherIndexAndStillPlansStatusFiltersOnAnIndex() {
        try (Database db = Database.open(dir)) {
            assertThat(indexes(db)).containsExactlyElementsOf(KEPT);
            assertStatusFiltersUseAnIndex(db);
        }
    }

    @Test
    void aFirstReleaseStoreLosesBothAndKeepsTheRest() {
        FirstReleaseStore.build(dir, c -> Jdbc.update(c, "INSERT INTO contact (subject, phone_e164, national_digits, "
                + "first_name, created_at) VALUES ('s1', '+33612345678', '612345678', 'Marie', CURRENT_TIMESTAMP)"));
        try (Database db = Database.open(dir)) {
            assertThat(indexes(db)).containsExactlyElementsOf(KEPT);
            long marie = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM contact WHERE first_name = 'Marie'"));
            assertThat(marie).isEqualTo(1);
            assertStatusFiltersUseAnIndex(db);
        }
    }

    /** The contacts screen's and the audience's filters on one or several statuses. */
    private static void assertStatusFiltersUseAnIndex(Database db) {
        for (String where : new String[] {"status = 'OPTED_OUT'", "status IN ('OPTED_IN', 'CONFIRMED')"}) {
            String plan = db.withConnection(c -> Jdbc.queryOne(c, "EXPLAIN SELECT COUNT(*) FROM consent_state s WHERE s."
                    + where, rs -> rs.getString(1))).orElseThrow();
            assertThat(plan).as(where).contains("CONSENT_STATE_STATUS_SINCE");
        }
    }

    /** The secondary indexes of contact and consent_state the migrations name (not those H2 makes for a constraint). */
    private static List<String> indexes(Database db) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME "
                + "IN ('CONTACT', 'CONSENT_STATE') AND INDEX_TYPE_NAME = 'INDEX' AND INDEX_NAME NOT LIKE 'CONSTRAINT%' "
                + "ORDER BY INDEX_NAME", rs -> rs.getString(1)));
    }
}
