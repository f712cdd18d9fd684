package org.comptoir.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.tools.Server;
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

    /** The user the shop's other tills log in as on a shop server (the serving PC keeps {@link #USER}). */
    static final String TILL_USER = "TILL";

    /** Where connections come from: H2's pool (file or TCP), or {@link RemotePool} for PostgreSQL. */
    private interface Source {
        Connection get() throws SQLException;

        void dispose();
    }

    private final Source pool;
    private final Path file;
    private final StoreTarget target;
    private final Dialect dialect;
    /** The H2 TCP server this PC runs for the shop's tills, or null. */
    private final Server server;

    private Database(Source pool, Path file, StoreTarget target, Dialect dialect, Server server) {
        this.pool = pool;
        this.file = file;
        this.target = target;
        this.dialect = dialect;
        this.server = server;
    }

    private static Source h2(JdbcConnectionPool pool) {
        return new Source() {
            @Override
            public Connection get() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public void dispose() {
                pool.dispose();
            }
        };
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
        return open(dataDir, StoreTarget.embedded(), mayCreate);
    }

    /**
     * Opens the store {@code target} names for the till whose data folder is {@code dataDir}: the embedded file (and,
     * for the serving PC of a shop server, the TCP server over it), a shop server's store over TCP, or a PostgreSQL
     * database; then applies pending migrations (each database's own, see {@link Dialect}).
     *
     * @throws ComptoirException the store is missing, damaged, locked, unreachable, refuses the login, or cannot be
     *                           migrated
     */
    public static Database open(Path dataDir, StoreTarget target, boolean mayCreate) {
        return switch (target.mode()) {
            case EMBEDDED -> openFile(dataDir, target, mayCreate);
            case SHOP_SERVER -> target.local() ? openFile(dataDir, target, mayCreate) : openShopClient(dataDir, target);
            case POSTGRESQL -> openPostgres(dataDir, target);
        };
    }

    private static Database openFile(Path dataDir, StoreTarget target, boolean mayCreate) {
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
        JdbcConnectionPool h2 = JdbcConnectionPool.create(url, USER, password);
        h2.setMaxConnections(16);
        Source pool = h2(h2);
        try (Connection c = pool.get()) {
            MigrationHistory.mendKnownEdits(c);
        } catch (SQLException e) {
            pool.dispose();
            throw StoreErrors.translate(e, files.databaseFile());
        }
        migrate(h2, Dialect.H2, pool, files.databaseFile().toString());
        files.restrictToOwner();
        Server server = null;
        if (target.mode() == StoreMode.SHOP_SERVER) {
            try {
                server = serve(pool, files, target);
            } catch (RuntimeException e) {
                pool.dispose();
                throw e;
            }
        }
        LOG.info("Database open at {}", files.base());
        return new Database(pool, files.base(), target, Dialect.H2, server);
    }

    private static void migrate(javax.sql.DataSource source, Dialect dialect, Source pool, String where) {
        migrate(Flyway.configure().dataSource(source), dialect, pool, where);
    }

    private static void migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway, Dialect dialect,
                                Source pool, String where) {
        try {
            flyway.locations(dialect.migrations()).load().migrate();
        } catch (FlywayException e) {
            pool.dispose();
            throw new ComptoirException(UserMessage.of("store.migration.failed", e.getMessage(), where), e);
        }
    }

    /**
     * Starts H2's TCP server over this PC's open store for the shop's other tills: bound to the address the owner
     * chose (H2 reads it once, from {@code h2.bindAddress}, before its first use: the application sets it when it
     * starts as the serving PC), reachable with the till password, which is (re)set here for the {@link #TILL_USER}.
     */
    private static Server serve(Source pool, StoreFiles files, StoreTarget target) {
        if (target.password() == null || target.password().isEmpty()) {
            throw new ComptoirException(UserMessage.of("store.server.password.missing"));
        }
        if (target.serve() == null || target.serve().isBlank()) {
            throw new ComptoirException(UserMessage.of("store.server.address.missing"));
        }
        if (!target.serve().equals(SysProperties.BIND_ADDRESS)) {
            // H2 fixed its bind address when it was first used: serving now would listen on every interface
            throw new ComptoirException(UserMessage.of("store.server.restart", target.serve()));
        }
        try (Connection c = pool.get(); var st = c.prepareStatement("CREATE USER IF NOT EXISTS " + TILL_USER
                + " PASSWORD ? ADMIN")) {
            st.setString(1, target.password());
            st.execute();
            try (var alter = c.prepareStatement("ALTER USER " + TILL_USER + " SET PASSWORD ?")) {
                alter.setString(1, target.password());
                alter.execute();
            }
        } catch (SQLException e) {
            throw StoreErrors.translate(e, files.databaseFile());
        }
        int port = target.port() > 0 ? target.port() : StoreTarget.DEFAULT_PORT;
        try {
            // -tcpAllowOthers: the other tills are other PCs; the bind address above keeps it to the shop's network.
            // No -ifNotExists: a till can only reach this store, never make a new one next to it.
            Server server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-tcpAllowOthers",
                    "-baseDir", files.dataDir().toString()).start();
            LOG.info("Serving the store to the shop's tills on {}:{}", target.serve(), server.getPort());
            return server;
        } catch (SQLException e) {
            throw new ComptoirException(UserMessage.of("store.server.failed", target.serve() + ":" + port,
                    String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * A till of a shop server: the serving PC's store over TCP. The till logs in with the shop's till password and the
     * store's file key, {@code store.key}, copied to this till's data folder (the same file as the serving PC's).
     */
    private static Database openShopClient(Path dataDir, StoreTarget target) {
        StoreFiles files = new StoreFiles(dataDir);
        String hostPort = target.url().strip();
        if (!hostPort.contains(":")) {
            hostPort = hostPort + ":" + StoreTarget.DEFAULT_PORT;
        }
        String fileKey;
        try {
            fileKey = StoreEncryption.passwordOf(files).strip();
        } catch (SQLException e) {
            throw new ComptoirException(UserMessage.of("store.key.missing", files.keyFile(), hostPort), e);
        }
        // LOCK_TIMEOUT as on the serving PC, for every pooled connection: a till waits for another till's save
        String url = "jdbc:h2:tcp://" + hostPort + "/" + BASE_NAME + ";CIPHER=AES;IFEXISTS=TRUE;LOCK_TIMEOUT="
                + LOCK_TIMEOUT_MS;
        JdbcConnectionPool h2 = JdbcConnectionPool.create(url, TILL_USER, fileKey + " "
                + (target.password() == null ? "" : target.password()));
        h2.setMaxConnections(16);
        Source pool = h2(h2);
        try (Connection c = pool.get()) {
            c.isValid(5); // the login happens here: a refused one is said before anything else
        } catch (SQLException e) {
            pool.dispose();
            throw StoreErrors.translateRemote(e, hostPort);
        }
        migrate(h2, Dialect.H2, pool, hostPort);
        LOG.info("Store open on the shop server {}", hostPort);
        return new Database(pool, files.base(), target, Dialect.H2, null);
    }

    /** A chain's PostgreSQL database. Never created here: the chain's administrator makes it (docs/several-tills.md). */
    private static Database openPostgres(Path dataDir, StoreTarget target) {
        StoreFiles files = new StoreFiles(dataDir);
        String url = target.url() == null ? "" : target.url().strip();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ComptoirException(UserMessage.of("store.postgresql.url", url));
        }
        RemotePool remote = new RemotePool(url, target.user(), target.password(), 16);
        Source pool = new Source() {
            @Override
            public Connection get() throws SQLException {
                return remote.getConnection();
            }

            @Override
            public void dispose() {
                remote.dispose();
            }
        };
        try (Connection c = pool.get()) {
            c.isValid(5);
        } catch (SQLException e) {
            pool.dispose();
            throw StoreErrors.translateRemote(e, redacted(url));
        }
        // two tills starting at once after an upgrade: Flyway takes PostgreSQL's advisory lock around the migration
        migrate(Flyway.configure().dataSource(url, target.user(), target.password()), Dialect.POSTGRESQL, pool,
                redacted(url));
        LOG.info("Store open on PostgreSQL {}", redacted(url));
        return new Database(pool, files.base(), target, Dialect.POSTGRESQL, null);
    }

    /** The URL without its query (which may carry a password). */
    static String redacted(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(SqlFunction<T> work) {
        try (Connection c = pool.get()) {
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
            throw StoreErrors.translate(e, where());
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode (reads, single statements). */
    public <T> T withConnection(SqlFunction<T> work) {
        try (Connection c = pool.get()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw StoreErrors.translate(e, where());
        }
    }

    /** What messages name for this store: the database file, the shop server or the PostgreSQL URL. */
    public String where() {
        return target.local() ? databaseFile().toString()
                : target.mode() == StoreMode.POSTGRESQL ? redacted(target.url()) : target.url();
    }

    /** Which store this is, as the till's settings chose it. */
    public StoreTarget target() {
        return target;
    }

    /** The SQL dialect of this store's database (see {@link Dialect}). */
    public Dialect dialect() {
        return dialect;
    }

    /** The port this PC serves the store to the shop's tills on, when it is the serving PC of a shop server. */
    public java.util.OptionalInt servingPort() {
        return server == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(server.getPort());
    }

    /**
     * Rewrites the embedded H2 file without its free pages (where an erased person's bytes could linger), which
     * closes the database. Only where this process owns the file alone: a shop server's file is shared with the
     * other tills (a SHUTDOWN would cut them off) and PostgreSQL reclaims space by itself (VACUUM). Returns whether
     * it ran. Blocks on disk I/O.
     */
    public boolean compactIfOwnFile() {
        if (target.mode() != StoreMode.EMBEDDED) {
            return false;
        }
        withConnection(c -> {
            try (var st = c.createStatement()) {
                st.execute("SHUTDOWN COMPACT");
            }
            return null;
        });
        return true;
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
        if (server != null) {
            server.stop();
        }
        pool.dispose();
    }

    /** Whether {@code dataDir} holds a database file (any size). No I/O beyond one stat. */
    public static boolean existsIn(Path dataDir) {
        return Files.exists(dataDir.resolve(BASE_NAME + ".mv.db"));
    }
}
