package org.comptoir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.comptoir.i18n.ComptoirException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder made by the first release of the schema (V5 before its edit, no encryption) opens after upgrade. */
class StoreUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void aFirstReleaseStoreOpensAndKeepsItsRows() throws Exception {
        FirstReleaseStore.build(dir, c -> Jdbc.update(c, "INSERT INTO contact (subject, phone_e164, national_digits, "
                + "first_name, created_at) VALUES ('s1', '+33612345678', '612345678', 'Marie', CURRENT_TIMESTAMP)"));
        assertThat(checksumOfV5()).isEqualTo(-438530624);

        try (Database db = Database.open(dir)) {
            java.util.Optional<String> name = db.withConnection(c -> Jdbc.queryOne(c, "SELECT first_name FROM contact",
                    rs -> rs.getString(1)));
            assertThat(name).contains("Marie");
            assertThat(indexes(db)).contains("CONTACT_NAME_LC").doesNotContain("CONTACT_FIRST_NAME_LC");
            long applied = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM \"flyway_schema_history\" "
                    + "WHERE \"version\" IN ('9', '10') AND \"success\""));
            assertThat(applied).isEqualTo(2);
        }
        // and again, now that its history is mended and V9 applied
        try (Database db = Database.open(dir)) {
            assertThat(indexes(db)).contains("CONTACT_NAME_LC");
        }
    }

    @Test
    void aStoreMadeByTheEditedV5GetsTheSameShape() {
        try (Database db = Database.open(dir)) {
            assertThat(indexes(db)).contains("CONTACT_NAME_LC").doesNotContain("CONTACT_FIRST_NAME_LC");
        }
    }

    @Test
    void anyOtherChecksumMismatchStillStopsTheStart() throws Exception {
        FirstReleaseStore.build(dir, c -> Jdbc.update(c, "UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 "
                + "WHERE \"version\" = '3'"));
        assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(ComptoirException.class)
                .satisfies(e -> assertThat(((ComptoirException) e).userMessage().key()).isEqualTo("store.migration.failed"));
        assertThat(Files.exists(dir.resolve("comptoir.mv.db"))).isTrue();
    }

    private int checksumOfV5() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("comptoir"), "comptoir", "")) {
            return (int) Jdbc.queryLong(c, "SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = '5'");
        }
    }

    private static java.util.List<String> indexes(Database db) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                + "WHERE TABLE_NAME = 'CONTACT'", rs -> rs.getString(1)));
    }
}
