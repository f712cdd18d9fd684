package org.comptoir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void createsTheFileAndAppliesEveryMigration() {
        try (Database db = Database.open(dir.resolve("data"))) {
            Long tables = db.withConnection(c -> Jdbc.queryLong(c,
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME IN "
                            + "('SETTING', 'AUDIT', 'CONTACT', 'CONSENT_EVENT', 'CONSENT_STATE', 'CONSENT_WORDING')"));
            assertThat(tables).isEqualTo(6);
        }
        assertThat(dir.resolve("data/comptoir.mv.db")).exists();
    }

    @Test
    void aTransactionThatThrowsLeavesNothingBehind() {
        try (Database db = Database.open(dir)) {
            try {
                db.inTransaction(c -> {
                    Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action) VALUES (CURRENT_TIMESTAMP, 'a', 'X')");
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // the point of the test is what is left in the table
            }
            Long left = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM audit"));
            assertThat(left).isZero();
        }
    }

    @Test
    void reopeningKeepsTheData() {
        try (Database db = Database.open(dir)) {
            db.inTransaction(c -> Jdbc.update(c,
                    "INSERT INTO audit (occurred_at, actor, action) VALUES (CURRENT_TIMESTAMP, 'owner', 'EXPORT')"));
        }
        try (Database db = Database.open(dir)) {
            Long kept = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM audit"));
            assertThat(kept).isEqualTo(1);
        }
    }
}
