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
 * The embedded H2 file database in the data folder, encrypted with AES under {@code store.key}, migrated by
 * Flyway on open.
 *
 * <p>Opening never makes things worse: a database file that is missing beside the keys made with it, empty,
 * damaged, locked or in a read-only folder is reported (naming the file, saying what to do) before anything is
 * opened in write mode, and nothing is created over it. See {@link StoreFiles} for the checks and
 * {@link StoreEncryption} for the key and the conversion of a store made before encryption.
 *
 * <p>Thread-safe: each call takes a pooled connection. Every method blocks on disk I/O, so never call
 * one from the JavaFX application thread. Failures that a shop owner can act on surface as
 * {@link ComptoirException} with a {@code store.*} message.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** The database's base name in the data folder: H2 adds {@code .mv.db}. */
    public static final String BASE_NAME = "comptoir";
    static final String USER = "comptoir";

    private static final int LOCK_TIMEOUT_MS = 10_000;

    private final JdbcConnectionPool pool;
    private final Path file;

    private Database(JdbcConnectionPool pool, Path file) {
        this.pool = pool;
        this.file = file;
    }

    /**
     * Opens {@code <dataDir>/comptoir.mv.db}, creating a new one only in a folder that holds none of the
     * store's key files, and applies pending migrations.
     */
    public static Database open(Path dataDir) {
        return open(dataDir, true);
    }

    /**
     * As {@link #open(Path)}; with {@code mayCreate} false a missing database file is an error even in an
     * empty folder (the caller knows other data was made with it, e.g. a ledger key).
     *
     * @throws ComptoirException the database is missing, empty, damaged, locked, read-only or cannot be migrated
     */
    public static Database open(Path dataDir, boolean mayCreate) {
        StoreFiles files = new StoreFiles(dataDir);
        boolean exists = files.checkBeforeOpen(mayCreate);
        LegacyLockFile.clearIfStale(files);
        String password = StoreEncryption.prepare(files, exists);
        // LOCK_TIMEOUT: a till saving a consent waits up to 10 s for another till's save (H2's default is 1 s);
        // in the URL it holds for every pooled connection, so no caller has to set it again per transaction.
        // IFEXISTS: an existing store is never replaced by a new empty one, even if the file vanishes meanwhile.
        // H2's default lock (the operating system's, on the file) dies with the process: after a power cut or a kill
        // the store opens again at once, where FILE_LOCK=FILE left a lock file that refused it.
        // WRITE_DELAY=0: a commit reaches the file before it returns. H2's default keeps the last second of commits in
        // memory, and a killed process lost them: a message marked SENDING was sent again after the restart, and a
        // stored STOP could vanish after the modem deleted it (DESIGN invariants 5 and 9; dispatch.CrashRecoveryTest).
        String url = files.url() + ";CIPHER=AES;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT="
                + LOCK_TIMEOUT_MS + (exists ? ";IFEXISTS=TRUE" : "");
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, password);
        pool.setMaxConnections(16);
        Database db = new Database(pool, files.base());
        try (Connection c = pool.getConnection()) {
            MigrationHistory.mendKnownEdits(c);
        } catch (SQLException e) {
            pool.dispose();
            throw StoreErrors.translate(e, files.databaseFile());
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.dispose();
            throw new ComptoirException(UserMessage.of("store.migration.failed", e.getMessage(),
                    files.databaseFile()), e);
        }
        files.restrictToOwner();
        LOG.info("Database open at {}", files.base());
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
            throw StoreErrors.translate(e, databaseFile());
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode (reads, single statements). */
    public <T> T withConnection(SqlFunction<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw StoreErrors.translate(e, databaseFile());
        }
    }

    /** The base path H2 was given ({@code <dataDir>/comptoir}); its parent is the data folder. */
    public Path file() {
        return file;
    }

    /** The database file itself, {@code <dataDir>/comptoir.mv.db}. */
    public Path databaseFile() {
        return file.resolveSibling(BASE_NAME + ".mv.db");
    }

    /** The data folder this store lives in. */
    public Path dataDir() {
        return file.toAbsolutePath().getParent();
    }

    @Override
    public void close() {
        pool.dispose();
    }

    /** Whether {@code dataDir} holds a database file (any size). No I/O beyond one stat. */
    public static boolean existsIn(Path dataDir) {
        return Files.exists(dataDir.resolve(BASE_NAME + ".mv.db"));
    }
}
