package org.comptoir.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * Builds a data folder as the first release left it: plain (unencrypted) H2, migrated by V1–V4 as they are and by
 * V5 as it first landed (kept in src/test/resources/db/first-release), before V5 was edited.
 */
public final class FirstReleaseStore {

    private FirstReleaseStore() {
    }

    /** Makes {@code dataDir/comptoir.mv.db} with the first-release schema and runs {@code fill} on it. */
    public static void build(Path dataDir, SqlFunction<?> fill) {
        try {
            Path scripts = Files.createTempDirectory("first-release-sql");
            for (String name : new String[] {"V1__core.sql", "V2__consent.sql", "V3__campaign.sql", "V4__modem.sql"}) {
                copy("/db/migration/" + name, scripts.resolve(name));
            }
            copy("/db/first-release/V5__consent_extras.sql", scripts.resolve("V5__consent_extras.sql"));
            Files.createDirectories(dataDir);
            String url = "jdbc:h2:file:" + dataDir.resolve("comptoir").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
            Flyway.configure().dataSource(url, "comptoir", "").locations("filesystem:" + scripts).load().migrate();
            try (Connection c = DriverManager.getConnection(url, "comptoir", "")) {
                fill.apply(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = FirstReleaseStore.class.getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
    }
}
