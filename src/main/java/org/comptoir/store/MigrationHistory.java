package org.comptoir.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Known mistakes in the schema history, mended before Flyway validates it. Landed migrations are never edited;
 * when one was anyway, its first checksum is listed here so data folders made before the edit still open. Only
 * that exact old checksum is accepted: any other mismatch still stops Flyway ("Migration checksum mismatch").
 */
final class MigrationHistory {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationHistory.class);

    /**
     * version → (checksum of the text that first landed, checksum of the text in the build). V5's index
     * contact_first_name_lc became contact_name_lc after release; V9 brings the old schema to the new shape.
     */
    static final Map<String, int[]> REPLACED_CHECKSUMS = Map.of("5", new int[] {-438530624, -171105114});

    private MigrationHistory() {
    }

    /** Rewrites the listed old checksums to the current ones, in the caller's connection; returns rows mended. */
    static int mendKnownEdits(Connection c) throws SQLException {
        if (!Jdbc.queryOne(c, "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                + "AND TABLE_NAME = 'flyway_schema_history'", rs -> true).orElse(false)) {
            return 0; // a new store: Flyway makes the history itself
        }
        int mended = 0;
        for (Map.Entry<String, int[]> e : REPLACED_CHECKSUMS.entrySet()) {
            int n = Jdbc.update(c, "UPDATE \"flyway_schema_history\" SET \"checksum\" = ? WHERE \"version\" = ? "
                    + "AND \"checksum\" = ?", e.getValue()[1], e.getKey(), e.getValue()[0]);
            if (n > 0) {
                LOG.warn("Schema history: V{} recorded with its first-release checksum {}; accepted as {} (V9 "
                        + "brings the schema to the current shape)", e.getKey(), e.getValue()[0], e.getValue()[1]);
            }
            mended += n;
        }
        return mended;
    }
}
