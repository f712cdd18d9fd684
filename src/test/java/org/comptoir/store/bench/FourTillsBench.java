package org.comptoir.store.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.comptoir.AppContext;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.ImportedContact;
import org.comptoir.consent.SubjectKey;
import org.comptoir.consent.VerifyReport;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.SecretBox;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.PostgresServer;
import org.comptoir.store.StoreTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four tills at once on each shared store mode (docs/performance.md, "Four tills"): a shop server (H2's TCP server
 * in a serving JVM) and a real PostgreSQL started by the test. Each till is a JVM of its own ({@link BenchTill});
 * the four get GO together (their start-up is outside the time). Two phases per mode: every till records
 * {@code comptoir.bench.saves} consents (one ledger append each, serialised on the ledger head), then every till
 * queues its own campaign to everyone opted in ({@code comptoir.bench.audience} imported people and the phase's
 * saves; one transaction each). Printed per
 * phase: items per second from GO to the last DONE, the tills' CPU time and the server's (the serving JVM, or the
 * PostgreSQL server and its backends from /proc), which are less noisy than the wall time on a loaded machine. The
 * ledger must verify after each mode.
 *
 * <p>Not a test: runs only with {@code -Dcomptoir.bench=true}.
 */
@EnabledIfSystemProperty(named = "comptoir.bench", matches = "true")
@ExtendWith(PostgresServer.class)
@Timeout(7200)
class FourTillsBench {

    private static final int TILLS = 4;
    private static final int SAVES = Integer.getInteger("comptoir.bench.saves", 100);
    private static final int AUDIENCE = Integer.getInteger("comptoir.bench.audience", 2_000);

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private final Map<Process, BufferedReader> readers = new HashMap<>();

    @Test
    void fourTillsSaveConsentsThenQueueCampaignsOnEachSharedMode(PostgresServer pg) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.addAll(shopServer(dir.resolve("shop")));
        lines.addAll(postgres(pg, dir.resolve("pg")));
        System.out.println("BENCH " + TILLS + " tills, " + SAVES + " saves each, audience " + AUDIENCE);
        lines.forEach(l -> System.out.println("BENCH " + l));
    }

    private List<String> shopServer(Path base) throws Exception {
        Path serving = base.resolve("serving-pc");
        seed(serving, StoreTarget.embedded());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String password = "bench";
        Process server = start(serving, List.of("serve", "127.0.0.1", String.valueOf(port), password, "serve"),
                "127.0.0.1");
        assertThat(awaitLine(server, "READY")).startsWith("READY");
        List<String> store = List.of("shop", "127.0.0.1:" + port, password);
        CpuMeter serverCpu = () -> {
            new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8).println("CPU");
            return Long.parseLong(awaitLine(server, "CPU ").substring(4));
        };
        List<String> out = new ArrayList<>();
        out.add(phase("shop-server", "consent saves", serving, base, store, serverCpu, true));
        out.add(phase("shop-server", "campaign queueing", serving, base, store, serverCpu, false));
        server.getOutputStream().close();
        assertThat(server.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertVerifies(serving, StoreTarget.embedded());
        return out;
    }

    private List<String> postgres(PostgresServer pg, Path base) throws Exception {
        StoreTarget store = StoreTarget.postgresql(pg.newDatabase(), PostgresServer.USER, PostgresServer.PASSWORD);
        Path first = base.resolve("till-0");
        seed(first, store);
        List<String> args = List.of("pg", store.url(), store.user(), store.password());
        long postmaster = postmasterPid(pg.port());
        CpuMeter serverCpu = () -> processTreeCpuNanos(postmaster);
        List<String> out = new ArrayList<>();
        out.add(phase("postgresql", "consent saves", first, base, args, serverCpu, true));
        out.add(phase("postgresql", "campaign queueing", first, base, args, serverCpu, false));
        assertVerifies(first, store);
        return out;
    }

    /** One phase: four till JVMs ready, GO to all, the last DONE; a line with the figures. */
    private String phase(String mode, String what, Path keysFrom, Path base, List<String> store, CpuMeter serverCpu,
                         boolean consents) throws Exception {
        List<Process> tills = new ArrayList<>();
        for (int t = 0; t < TILLS; t++) {
            Path data = join(keysFrom, base.resolve((consents ? "saving-" : "queueing-") + (t + 1)));
            List<String> args = new ArrayList<>(store);
            args.addAll(consents ? List.of("consent", "+3361" + (t + 1) + "00", String.valueOf(SAVES))
                    : List.of("queue"));
            tills.add(start(data, args, null));
        }
        for (Process t : tills) {
            assertThat(awaitLine(t, "READY")).as(errors(t)).startsWith("READY");
        }
        long serverBefore = serverCpu.nanos();
        long start = System.nanoTime();
        for (Process t : tills) {
            new PrintWriter(t.getOutputStream(), true, StandardCharsets.UTF_8).println("GO");
        }
        long items = 0;
        long tillCpu = 0;
        long slowest = 0;
        for (Process t : tills) {
            String done = awaitLine(t, "DONE");
            assertThat(done).as(errors(t)).startsWith("DONE ");
            String[] f = done.split(" ");
            items += Long.parseLong(f[1]);
            tillCpu += Long.parseLong(f[2]);
            slowest = Math.max(slowest, Long.parseLong(f[3]));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        for (Process t : tills) {
            assertThat(t.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(t.exitValue()).as(errors(t)).isZero();
        }
        double serverSeconds = (serverCpu.nanos() - serverBefore) / 1e9; // after the exits: backends reaped
        if (!consents) {
            // the audience is the imported people and those the tills just opted in
            assertThat(items).as("every till queued the whole audience")
                    .isEqualTo((long) TILLS * (AUDIENCE + (long) TILLS * SAVES));
        }
        return String.format(Locale.ROOT, "%s | %s | %d %s in %.2f s (slowest till %.2f s) = %.1f/s | tills' CPU "
                        + "%.2f s | server CPU %.2f s", mode, what, items, consents ? "saves" : "rows queued", wall,
                slowest / 1e9, items / wall, tillCpu / 1e9, serverSeconds);
    }

    /** The first till makes the store (keys, shop name) and imports the audience, opted in with the file's proof. */
    private static void seed(Path data, StoreTarget store) {
        try (Database db = Database.open(data, store, true)) {
            Settings settings = new Settings(db, AppContext.settingDefinitions());
            settings.set("shop.name", "Léa Fleurs");
            ConsentService consent = new ConsentService(db, settings, SubjectKey.forStore(db), Clock.systemUTC());
            consent.currentWording();
            List<ImportedContact> rows = new ArrayList<>();
            for (int n = 0; n < AUDIENCE; n++) {
                rows.add(new ImportedContact(new PhoneNumber(String.format("+3369%07d", n)), null, null, Set.of(),
                        "bench.xlsx, row " + (n + 2) + ", signed form 2026-11-01"));
            }
            consent.importContacts(rows, "bench", false, done -> { }, outcomes -> { });
        }
    }

    private static void assertVerifies(Path data, StoreTarget store) {
        try (Database db = Database.open(data, store, false)) {
            Settings settings = new Settings(db, AppContext.settingDefinitions());
            VerifyReport report = new ConsentService(db, settings, SubjectKey.forStore(db), Clock.systemUTC()).verify();
            assertThat(report.intact()).as(String.valueOf(report.problems())).isTrue();
            assertThat(report.rowsChecked()).isEqualTo(AUDIENCE + (long) TILLS * SAVES);
        }
    }

    /** Another till's data folder with the store's keys, as the owner copies them once. */
    private static Path join(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String key : List.of(SubjectKey.FILE_NAME, SecretBox.KEY_FILE, "store.key")) {
            if (Files.exists(from.resolve(key))) {
                Files.copy(from.resolve(key), to.resolve(key));
            }
        }
        return to;
    }

    private Process start(Path data, List<String> args, String bindAddress) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (bindAddress != null) {
            cmd.add("-Dh2.bindAddress=" + bindAddress); // H2 reads it once, before it first listens
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchTill.class.getName(), data.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(errFile(data).toFile()).start();
        started.add(p);
        return p;
    }

    private static Path errFile(Path data) {
        return data.resolveSibling(data.getFileName() + ".err");
    }

    private String errors(Process p) {
        return p.info().commandLine().orElse("?");
    }

    private String awaitLine(Process p, String prefix) throws IOException {
        BufferedReader r = readers.computeIfAbsent(p, k -> new BufferedReader(new InputStreamReader(k.getInputStream(),
                StandardCharsets.UTF_8)));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return "(ended without " + prefix + ")";
    }

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @FunctionalInterface
    private interface CpuMeter {
        long nanos() throws Exception;
    }

    /** The PostgreSQL server listening on {@code port}: the process whose command line names it. */
    private static long postmasterPid(int port) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (cmd.contains("postgres") && cmd.contains("-p " + port)) {
                        return Long.parseLong(p.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // a process that ended while listed
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL process for port " + port);
    }

    /**
     * The CPU time of the server and its backends: its own, its reaped children's (cutime, cstime: a backend that
     * ended), and each live child's; every backend is counted once whether it still runs or not.
     */
    private static long processTreeCpuNanos(long postmaster) throws IOException {
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] f;
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // after "pid (comm) "
                } catch (IOException gone) {
                    continue;
                }
                long pid = Long.parseLong(p.getFileName().toString());
                long ppid = Long.parseLong(f[1]);
                if (pid == postmaster) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                            + Long.parseLong(f[14]);
                } else if (ppid == postmaster) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        }
        return ticks * 1_000_000_000L / CLOCK_TICKS;
    }

    /** The kernel's clock ticks per second for /proc times (USER_HZ: 100 on Linux on every common architecture). */
    private static final long CLOCK_TICKS = 100;
}
