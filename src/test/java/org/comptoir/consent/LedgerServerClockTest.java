package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.comptoir.AppContext;
import org.comptoir.MutableClock;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.SecretBox;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.comptoir.store.PostgresServer;
import org.comptoir.store.StoreTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tills of one store whose clocks are wrong in opposite directions (one two hours ahead, one three hours behind)
 * record consents in turn, on a shop server (H2's TCP server in a serving JVM of its own) and on a real PostgreSQL:
 * every consent is accepted, each event carries the server's time, never a till's, and the chain's times are in
 * order. With each till's own clock, the till behind was refused ("the clock is behind the ledger").
 */
@ExtendWith(PostgresServer.class)
@Timeout(300)
class LedgerServerClockTest {

    private static final Duration AHEAD = Duration.ofHours(2);
    private static final Duration BEHIND = Duration.ofHours(-3);
    /** The server is this JVM's machine: its clock and the test's agree to well within this. */
    private static final Duration SAME_MACHINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void onAShopServerEveryTillsConsentTakesTheServersTime() throws Exception {
        Path serving = dir.resolve("serving-pc");
        seed(serving, StoreTarget.embedded());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String password = "mot de passe des caisses";
        Process server = serve(serving, port, password);
        try {
            StoreTarget shop = StoreTarget.shopClient("127.0.0.1:" + port, password);
            twoTillsWithWrongClocksRecordInTurn(join(serving, dir.resolve("till-a")),
                    join(serving, dir.resolve("till-b")), shop);
        } finally {
            server.getOutputStream().close(); // the serving PC closes
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void onPostgresqlEveryTillsConsentTakesTheServersTime(PostgresServer pg) throws Exception {
        StoreTarget chain = StoreTarget.postgresql(pg.newDatabase(), PostgresServer.USER, PostgresServer.PASSWORD);
        Path first = dir.resolve("shop-a");
        seed(first, chain);
        twoTillsWithWrongClocksRecordInTurn(first, join(first, dir.resolve("shop-b")), chain);
    }

    @Test
    void anEmbeddedStoreKeepsTheTillsOwnClock() throws Exception {
        Path till = dir.resolve("till");
        seed(till, StoreTarget.embedded());
        Instant set = Instant.parse("2026-11-20T10:00:00Z"); // the only writer: its clock is the ledger's
        try (Database db = Database.open(till)) {
            ConsentService consent = service(db, new MutableClock(set));
            consent.recordOptOut(new PhoneNumber("+33612345601"), Channel.TILL, "caisse", null);
            assertThat(consent.head().at()).isEqualTo(set);
        }
    }

    private void twoTillsWithWrongClocksRecordInTurn(Path tillA, Path tillB, StoreTarget store) throws Exception {
        Instant start = Instant.now();
        try (Database a = Database.open(tillA, store, false); Database b = Database.open(tillB, store, false)) {
            ConsentService ahead = service(a, new MutableClock(start.plus(AHEAD)));
            ConsentService behind = service(b, new MutableClock(start.plus(BEHIND)));
            long wording = ahead.currentWording().id();
            for (int i = 0; i < 3; i++) {
                ahead.recordOptIn(new PhoneNumber("+3361111110" + i), null, wording, Channel.TILL, "caisse 1");
                behind.recordOptIn(new PhoneNumber("+3362222220" + i), null, wording, Channel.TILL, "caisse 2");
            }
            behind.recordOptOut(new PhoneNumber("+33611111100"), Channel.SMS_KEYWORD, null, "STOP");
            Instant end = Instant.now();

            List<Instant> times = a.withConnection(c -> Jdbc.query(c, "SELECT occurred_at FROM consent_event "
                    + "ORDER BY seq", rs -> Jdbc.instant(rs, "occurred_at")));
            assertThat(times).hasSize(7).isSorted().allSatisfy(t -> assertThat(t)
                    .isBetween(start.minus(SAME_MACHINE), end.plus(SAME_MACHINE)));
            Instant wordingAt = a.withConnection(c -> Jdbc.queryOne(c, "SELECT created_at FROM consent_wording",
                    rs -> Jdbc.instant(rs, "created_at")).orElseThrow());
            assertThat(wordingAt).as("the wording's time too").isBetween(start.minus(SAME_MACHINE),
                    end.plus(SAME_MACHINE));
            VerifyReport report = behind.verify();
            assertThat(report.intact()).as(String.valueOf(report.problems())).isTrue();
            assertThat(report.rowsChecked()).isEqualTo(7);
            assertThat(ahead.lookup(new PhoneNumber("+33611111100")).orElseThrow().status())
                    .isEqualTo(ConsentStatus.OPTED_OUT);
        }
    }

    private static ConsentService service(Database db, MutableClock clock) {
        Settings settings = new Settings(db, AppContext.settingDefinitions());
        return new ConsentService(db, settings, SubjectKey.forStore(db), clock);
    }

    /** The first till makes the store: its keys and the shop's name. */
    private static void seed(Path data, StoreTarget store) {
        try (Database db = Database.open(data, store, true)) {
            new Settings(db, AppContext.settingDefinitions()).set("shop.name", "Léa Fleurs");
            SubjectKey.forStore(db);
        }
    }

    /** Another till of the same store: its data folder gets the store's keys, as the owner copies them once. */
    private static Path join(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String key : List.of(SubjectKey.FILE_NAME, SecretBox.KEY_FILE, "store.key")) {
            if (Files.exists(from.resolve(key))) {
                Files.copy(from.resolve(key), to.resolve(key));
            }
        }
        return to;
    }

    /**
     * The serving PC in a JVM of its own (H2 fixes its bind address at its first use in a JVM, so this one cannot
     * serve): {@code dispatch.TillChild}, which says READY and serves until its input ends.
     */
    private Process serve(Path serving, int port, String password) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dh2.bindAddress=127.0.0.1", "-cp", System.getProperty("java.class.path"),
                "org.comptoir.dispatch.TillChild", serving.toString(), "serve", "127.0.0.1", String.valueOf(port),
                password, "serve").redirectError(dir.resolve("serving.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); ; line = out.readLine()) {
            assertThat(line).as("the serving PC started (see serving.err)").isNotNull();
            if (line.startsWith("READY")) {
                return p;
            }
        }
    }
}
