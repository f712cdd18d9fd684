package org.comptoir.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL server for the tests, made with Debian's binaries ({@code initdb}, {@code pg_ctl} under
 * {@code /usr/lib/postgresql/<n>/bin}) in a throw-away folder, listening on 127.0.0.1 on a free port, with password
 * (SCRAM) logins as a chain's server would have. One server for the whole test run (JUnit's root store closes it);
 * each test asks {@link #newDatabase()} for an empty database of its own.
 *
 * <p>{@code initdb} refuses to run as root (CI and these machines run as root): then every server command runs as the
 * {@code postgres} user that Debian's package creates, through {@code runuser}, on a folder that user owns. Without
 * the binaries the tests using this extension are skipped, saying why ({@code .ci/run} installs them).
 */
public final class PostgresServer implements BeforeAllCallback, ParameterResolver,
        ExtensionContext.Store.CloseableResource {

    public static final String USER = "comptoir";
    public static final String PASSWORD = "essai-pg-" + Long.toHexString(System.nanoTime());

    private static final String[] BIN_DIRS = {"/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin",
            "/usr/lib/postgresql/15/bin"};
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private Path bin;
    private Path home;
    private Path data;
    private int port;
    private final AtomicInteger databases = new AtomicInteger();
    private volatile boolean running;

    /** The extension instance JUnit makes; the running server is the one in the root store. */
    public PostgresServer() {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Assumptions.assumeTrue(binaries() != null, "PostgreSQL server binaries (initdb, pg_ctl) not found under "
                + String.join(", ", BIN_DIRS) + ": apt-get install postgresql (.ci/run does)");
        shared(context);
    }

    private static PostgresServer shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(PostgresServer.class))
                .getOrComputeIfAbsent("server", k -> {
                    PostgresServer s = new PostgresServer();
                    try {
                        s.start();
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
                    }
                    return s;
                }, PostgresServer.class);
    }

    private static Path binaries() {
        for (String d : BIN_DIRS) {
            Path p = Path.of(d);
            if (Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl"))) {
                return p;
            }
        }
        return null;
    }

    private void start() throws IOException, InterruptedException {
        bin = binaries();
        home = Files.createTempDirectory("comptoir-pg");
        data = home.resolve("data");
        Path pwfile = home.resolve("pw");
        Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
        if (ROOT) {
            // the postgres user must reach its folder: /tmp/comptoir-pgNNN is made owner-only for root
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
            run(List.of("chown", "postgres:postgres", home.toString(), pwfile.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile,
                "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"), true);
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // listen on loopback only; the socket folder is the data folder (not /var/run, which needs the package's setup)
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("server.log").toString(),
                "-w", "-t", "120", "-o", "-h 127.0.0.1 -p " + port + " -k " + data + " -c fsync=off", "start"), true);
        running = true;
    }

    /** A JDBC URL to a new, empty database on this server, owned by {@link #USER}. */
    public String newDatabase() throws SQLException {
        String name = "t" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD)) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Starts the server again on the same port after {@link #stop()} (a till that lost its server sees it return). */
    public void restart() throws IOException, InterruptedException {
        if (running) {
            return;
        }
        running = true;
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("server.log").toString(),
                "-w", "-t", "120", "-o", "-h 127.0.0.1 -p " + port + " -k " + data + " -c fsync=off", "start"), true);
    }

    /** Stops the server at once, dropping every connection. */
    public void stop() throws IOException, InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), true);
    }

    @Override
    public void close() throws Throwable {
        try {
            stop();
        } finally {
            try (Stream<Path> all = Files.walk(home)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void run(List<String> command, boolean asServerUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asServerUser && ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path out = Files.createTempFile("comptoir-pg-cmd", ".out");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish in 180 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed (" + p.exitValue() + "): "
                        + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return shared(e);
    }
}
