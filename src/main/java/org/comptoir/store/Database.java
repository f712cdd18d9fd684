package org.comptoir.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 file database in the data folder, migrated by Flyway on open.
 *
 * <p>Thread-safe: each call takes a pooled connection. Every method blocks on disk I/O, so never call
 * one from the JavaFX application thread. Failures that a shop owner can act on (the database is
 * open in another Comptoir, the file is damaged) surface as {@link ComptoirException}.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** H2 error codes worth a sentence (see STACK.md). */
    static final int FILE_LOCKED = 90020;
    static final int WRONG_FILE_PASSWORD = 90049;
    static final int WRONG_USER_PASSWORD = 28000;
    static final int FILE_CORRUPTED = 90030;

    private static final int LOCK_TIMEOUT_MS = 10_000;

    private final JdbcConnectionPool pool;
    private final Path file;

    private Database(JdbcConnectionPool pool, Path file) {
        this.pool = pool;
        this.file = file;
    }

    /** Opens (creating if needed) {@code <dataDir>/comptoir.mv.db} and applies pending migrations. */
    public static Database open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new ComptoirException(UserMessage.of("store.folder.unwritable", dataDir), e);
        }
        Path base = dataDir.resolve("comptoir");
        // FILE_LOCK=FILE makes a second process fail fast with 90020 rather than corrupt the file.
        // LOCK_TIMEOUT: a till saving a consent waits up to 10 s for another till's save (H2's default is 1 s);
        // in the URL it holds for every pooled connection, so no caller has to set it again per transaction.
        // WRITE_DELAY=0: a commit reaches the file before it returns. H2's default keeps the last second of commits in
        // memory, and a killed process lost them: a message marked SENDING was sent again after the restart, and a
        // stored STOP could vanish after the modem deleted it (DESIGN invariants 5 and 9; dispatch.CrashRecoveryTest).
        String url = "jdbc:h2:file:" + base + ";FILE_LOCK=FILE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT="
                + LOCK_TIMEOUT_MS;
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "comptoir", "");
        pool.setMaxConnections(16);
        Database db = new Database(pool, base);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw translate(e, base);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.dispose();
            throw new ComptoirException(UserMessage.of("store.migration.failed", e.getMessage()), e);
        }
        LOG.info("Database open at {}", base);
        return db;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(SqlFunction<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true); // the connection goes back to the pool as withConnection expects it
            }
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode (reads, single statements). */
    public <T> T withConnection(SqlFunction<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        pool.dispose();
    }

    static ComptoirException translate(SQLException e, Path file) {
        int code = e.getErrorCode();
        String key = switch (code) {
            case FILE_LOCKED -> "store.locked";
            case WRONG_FILE_PASSWORD, WRONG_USER_PASSWORD -> "store.wrong.password";
            case FILE_CORRUPTED -> "store.corrupted";
            default -> "store.error";
        };
        if (code != FILE_LOCKED) {
            LOG.error("Database error {} on {}", code, file, e);
        }
        return new ComptoirException(UserMessage.of(key, file, e.getMessage()), e);
    }
}
