package org.comptoir.dispatch;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.comptoir.AppContext;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.consent.VerifyReport;
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
 * Several tills writing to one store at once, each in its own JVM ({@link TillChild}), on a real PostgreSQL and on a
 * shop server (H2's TCP server in a serving JVM): the ledger stays one verifiable chain, a campaign's rows are each
 * sent by exactly one sender, and a STOP recorded at one till holds at the other at once.
 */
@ExtendWith(PostgresServer.class)
@Timeout(600)
class SeveralTillsTest {

    private static final int PER_TILL = 40;
    private static final int RECIPIENTS = 60;

    @TempDir
    Path dir; // set by SeveralTillsBench too

    private final List<Process> started = new ArrayList<>();

    @Test
    void twoTillsRecordingAtOnceOnPostgresKeepOneVerifiableChain(PostgresServer pg) throws Exception {
        StoreTarget store = postgres(pg);
        Path first = dir.resolve("till-1");
        seed(first, store);
        Path second = join(first, dir.resolve("till-2"));
        runTogether(List.of(till(first, pgArgs(store), "consent", "+3361111", String.valueOf(PER_TILL)),
                till(second, pgArgs(store), "consent", "+3362222", String.valueOf(PER_TILL))));
        assertOneChain(first, store, 2 * PER_TILL);
    }

    @Test
    void twoTillsRecordingAtOnceOnAShopServerKeepOneVerifiableChain() throws Exception {
        Path serving = dir.resolve("serving-pc");
        seed(serving, StoreTarget.embedded());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String password = "mot de passe des caisses";
        Process server = start(serving, List.of("serve", "127.0.0.1", String.valueOf(port), password, "serve"),
                "127.0.0.1");
        assertThat(awaitLine(server, "READY")).isEqualTo("READY " + port);
        StoreTarget store = StoreTarget.shopClient("127.0.0.1:" + port, password);
        Path first = join(serving, dir.resolve("till-1"));
        Path second = join(serving, dir.resolve("till-2"));
        List<String> shop = List.of("shop", store.url(), password);
        runTogether(List.of(till(first, shop, "consent", "+3361111", String.valueOf(PER_TILL)),
                till(second, shop, "consent", "+3362222", String.valueOf(PER_TILL))));
        assertOneChain(first, store, 2 * PER_TILL);
        server.getOutputStream().close(); // the serving PC closes
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).as(output(server)).isZero();
    }

    @Test
    void twoSendersOnOneCampaignNeverSendARowTwice(PostgresServer pg) throws Exception {
        StoreTarget store = postgres(pg);
        Path first = dir.resolve("back-office-1");
        seed(first, store);
        long campaign;
        try (Database db = Database.open(first, store, false)) {
            Services s = new Services(db);
            for (int i = 0; i < RECIPIENTS; i++) {
                s.consent.recordOptIn(new PhoneNumber(String.format("+336123456%02d", i)), null,
                        s.consent.currentWording().id(), Channel.TILL, "test");
            }
            campaign = s.queue();
        }
        Path second = join(first, dir.resolve("back-office-2"));
        Path log1 = dir.resolve("sent-1.log");
        Path log2 = dir.resolve("sent-2.log");
        runTogether(List.of(till(first, pgArgs(store), "send", log1.toString()),
                till(second, pgArgs(store), "send", log2.toString())));
        List<String> sent = new ArrayList<>(Files.readAllLines(log1));
        sent.addAll(Files.readAllLines(log2));
        assertThat(sent).as("each row sent by one sender only").doesNotHaveDuplicates().hasSize(RECIPIENTS);
        try (Database db = Database.open(first, store, false)) {
            List<String> states = db.withConnection(c -> Jdbc.query(c, "SELECT DISTINCT state FROM outbox "
                    + "WHERE campaign_id = ?", rs -> rs.getString(1), campaign));
            assertThat(states).containsExactly("SENT");
        }
    }

    @Test
    void aStopAtOneTillHoldsAtTheOtherAtOnce(PostgresServer pg) throws Exception {
        StoreTarget store = postgres(pg);
        Path shopA = dir.resolve("shop-a");
        seed(shopA, store);
        Path shopB = join(shopA, dir.resolve("shop-b"));
        PhoneNumber stopping = new PhoneNumber("+33612345603");
        try (Database a = Database.open(shopA, store, false); Database b = Database.open(shopB, store, false)) {
            Services atA = new Services(a);
            Services atB = new Services(b);
            for (int i = 0; i < 10; i++) {
                atB.consent.recordOptIn(new PhoneNumber(String.format("+336123456%02d", i)), null,
                        atB.consent.currentWording().id(), Channel.TILL, "shop b");
            }
            long campaign = atB.queue(); // queued at shop B with the number still opted in
            atA.consent.recordOptOut(stopping, Channel.SMS_KEYWORD, null, "STOP"); // the STOP reaches shop A
            assertThat(atB.consent.lookup(stopping).orElseThrow().status().name()).isEqualTo("OPTED_OUT");
            Path log = dir.resolve("sent-b.log");
            TillChild.send(b, atB.settings, atB.consent, Clock.systemUTC(), log);
            List<String> sent = Files.readAllLines(log);
            assertThat(sent).hasSize(9).noneMatch(line -> line.endsWith(stopping.e164()));
            String skipped = b.withConnection(c -> Jdbc.queryOne(c, "SELECT state FROM outbox WHERE campaign_id = ? "
                    + "AND recipient_e164 = ?", rs -> rs.getString(1), campaign, stopping.e164()).orElseThrow());
            assertThat(skipped).isEqualTo("SKIPPED");
        }
    }

    // --- fixtures

    static StoreTarget postgres(PostgresServer pg) throws Exception {
        return StoreTarget.postgresql(pg.newDatabase(), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    static List<String> pgArgs(StoreTarget t) {
        return List.of("pg", t.url(), t.user(), t.password());
    }

    /** The first till makes the store: its keys (ledger, settings) and the shop's name. */
    static void seed(Path data, StoreTarget store) {
        try (Database db = Database.open(data, store, true)) {
            Settings settings = new Settings(db, AppContext.settingDefinitions());
            settings.set("shop.name", "Léa Fleurs");
            SubjectKey.forStore(db);
        }
    }

    /** Another till of the same store: its data folder gets the store's keys (copied, as the owner does once). */
    static Path join(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String key : List.of(SubjectKey.FILE_NAME, SecretBox.KEY_FILE, "store.key")) {
            if (Files.exists(from.resolve(key))) {
                Files.copy(from.resolve(key), to.resolve(key));
            }
        }
        return to;
    }

    private void assertOneChain(Path till, StoreTarget store, int events) {
        try (Database db = Database.open(till, store, false)) {
            VerifyReport report = new Services(db).consent.verify();
            assertThat(report.intact()).as(String.valueOf(report.problems())).isTrue();
            assertThat(report.rowsChecked()).isEqualTo(events);
            long head = db.withConnection(c -> Jdbc.queryLong(c, "SELECT last_seq FROM consent_ledger_head"));
            assertThat(head).isEqualTo(events);
            List<String> staff = db.withConnection(c -> Jdbc.query(c, "SELECT DISTINCT staff FROM consent_event",
                    rs -> rs.getString(1)));
            assertThat(staff).containsExactlyInAnyOrder("till +3361111", "till +3362222");
        }
    }

    private static final class Services {
        final Settings settings;
        final ConsentService consent;
        final CampaignService campaigns;
        final Outbox outbox;

        Services(Database db) {
            settings = new Settings(db, AppContext.settingDefinitions());
            consent = new ConsentService(db, settings, SubjectKey.forStore(db), Clock.systemUTC());
            campaigns = new CampaignService(db, settings, Clock.systemUTC());
            outbox = new Outbox(db, campaigns, Clock.systemUTC());
        }

        long queue() {
            Campaign draft = campaigns.saveDraft(Campaign.draft("Promo", CampaignKind.MARKETING, "Promo -20 %", "", null));
            long id = campaigns.schedule(draft.id(), ScheduleRequest.asap()).id();
            outbox.start(id);
            return id;
        }
    }

    Process till(Path data, List<String> store, String... work) throws IOException {
        List<String> args = new ArrayList<>(store);
        args.addAll(List.of(work));
        return start(data, args, null);
    }

    Process start(Path data, List<String> args, String bindAddress) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (bindAddress != null) {
            cmd.add("-Dh2.bindAddress=" + bindAddress); // the serving PC's address, set before H2 starts
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TillChild.class.getName(), data.toString()));
        cmd.addAll(args);
        Path err = data.resolveSibling(data.getFileName() + "-" + started.size() + ".err");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(err.toFile())).start();
        started.add(p);
        errors.put(p, err);
        return p;
    }

    /** Every till says READY, then all get GO at once, then each must say DONE and end well. */
    void runTogether(List<Process> tills) throws Exception {
        runTogether(tills, () -> { });
    }

    /** As {@link #runTogether(List)}; {@code atGo} runs just before the GOs (the benchmark's clock starts there). */
    void runTogether(List<Process> tills, Runnable atGo) throws Exception {
        for (Process t : tills) {
            assertThat(awaitLine(t, "READY")).as(output(t)).startsWith("READY");
        }
        atGo.run();
        for (Process t : tills) {
            PrintWriter go = new PrintWriter(t.getOutputStream(), true, StandardCharsets.UTF_8);
            go.println("GO");
        }
        for (Process t : tills) {
            assertThat(awaitLine(t, "DONE")).as(output(t)).isEqualTo("DONE");
            assertThat(t.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(t.exitValue()).as(output(t)).isZero();
        }
    }

    private final java.util.Map<Process, BufferedReader> readers = new java.util.HashMap<>();

    /** The child's next line starting with {@code prefix} (blocking read; the class timeout bounds it). */
    String awaitLine(Process p, String prefix) throws IOException {
        BufferedReader r = readers.computeIfAbsent(p, k -> new BufferedReader(new InputStreamReader(k.getInputStream(),
                StandardCharsets.UTF_8)));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return "(ended without " + prefix + ")";
    }

    private final java.util.Map<Process, Path> errors = new java.util.HashMap<>();

    /** What the child wrote to its error stream (its log and any stack trace), for a failure's message. */
    private String output(Process p) {
        try {
            Path err = errors.get(p);
            return err == null || !Files.exists(err) ? "" : Files.readString(err);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void stopChildren() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
