package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.schedule.SendingRules;
import org.comptoir.schedule.WindowDecision;
import org.comptoir.settings.HttpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as the application runs it ({@link GatewayOwner#startSending}): due campaigns go by themselves, a
 * campaign scheduled while it sleeps wakes it, progress is heard, the sending windows and the gateway's settings are
 * read again when they change (a gateway FAILED on refused credentials is replaced once they are fixed). Real H2, the
 * real clock, a real HTTP server on loopback.
 */
@Timeout(120)
class OwnerLifecycleTest {

    static final SendingRules OPEN = (kind, to, at) ->
            new WindowDecision(true, at, at.plus(Duration.ofHours(8)), WindowDecision.Reason.OPEN, "");
    static final SendingRules CLOSED = (kind, to, at) ->
            new WindowDecision(false, at.plus(Duration.ofDays(2)), at.plus(Duration.ofDays(2)).plus(Duration.ofHours(8)),
                    WindowDecision.Reason.OUTSIDE_HOURS, "");

    @TempDir
    Path dir;
    EngineFixture f;
    GatewayOwner owner;
    final AtomicReference<SendingRules> windows = new AtomicReference<>(OPEN);
    MockWebServer server;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, Instant.now());
        owner = new GatewayOwner(f.db, f.settings, f.consent, f.campaigns, windows::get, ReviewRouter::new, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        owner.close();
        f.close();
        if (server != null) {
            server.close();
        }
    }

    long scheduleTo(int n) {
        for (int i = 0; i < n; i++) {
            f.optIn(String.format("+336123456%02d", i), null);
        }
        return f.schedule(CampaignKind.MARKETING, "Promo");
    }

    @Test
    void theRunningEngineSendsACampaignScheduledWhileItSleepsAndTellsItsProgress() throws Exception {
        f.settings.set("gateway", "rehearsal");
        List<CampaignProgress> heard = new CopyOnWriteArrayList<>();
        owner.addProgressListener(heard::add);
        owner.startSending();
        await("the engine holds its gateway", () -> owner.held().isPresent());

        long id = scheduleTo(3); // the editor's "Programmer": nothing else tells the engine

        await("sent and done", () -> "DONE".equals(f.campaignStatus(id)));
        assertThat(f.states(id)).containsExactly(Map.entry("SENT", 3L));
        await("the listener heard the end", () -> heard.stream()
                .anyMatch(p -> p.campaignId() == id && p.status().equals("DONE") && p.sent() == 3));
        CampaignProgress now = owner.progress(id).orElseThrow();
        assertThat(now.gatewayState()).isEqualTo(GatewayState.READY);
        assertThat(now.remaining()).isZero();
        assertThat(now.fractionDone()).isEqualTo(1.0);
        assertThat(now.waiting()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).contains("sending-owner", "sending-rehearsal");
    }

    @Test
    void aCampaignOnlyPostponedToTheNextWindowIsHeardWithItsWait() throws Exception {
        windows.set(CLOSED);
        f.settings.set("gateway", "rehearsal");
        List<CampaignProgress> heard = new CopyOnWriteArrayList<>();
        owner.addProgressListener(heard::add);
        owner.startSending();

        long id = scheduleTo(2);

        // nothing is sent, yet the listener hears the wait itself (the main window's notice needs no polling)
        await("heard waiting for the window", () -> heard.stream().anyMatch(p -> p.campaignId() == id
                && "OUTSIDE_HOURS".equals(p.waitingReason()) && p.waitingUntil() != null));
        assertThat(f.states(id)).containsExactly(Map.entry("QUEUED", 2L));
    }

    @Test
    void aChangeOfTheSendingWindowsAppliesToTheNextCheckNotAtEngineBuild() throws Exception {
        windows.set(CLOSED);
        f.settings.set("gateway", "rehearsal");
        owner.startSending();
        long id = scheduleTo(2);
        await("held for the window", () -> "OUTSIDE_HOURS".equals(owner.progress(id).orElseThrow().waitingReason()));
        assertThat(f.states(id)).containsExactly(Map.entry("QUEUED", 2L));

        windows.set(OPEN); // what the settings now say ...
        f.settings.set("schedule.alsace-moselle", "true"); // ... once a schedule.* setting is saved

        await("sent under the new windows", () -> "DONE".equals(f.campaignStatus(id)));
        assertThat(f.states(id)).containsExactly(Map.entry("SENT", 2L));
    }

    @Test
    void fixedCredentialsReplaceTheGatewayTheyLeftFailedAndTheCampaignGoes() throws Exception {
        String good = "Basic " + Base64.getEncoder().encodeToString("shop:right".getBytes(StandardCharsets.UTF_8));
        List<String> auths = new CopyOnWriteArrayList<>();
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getMethod().equals("POST")) {
                    return new MockResponse.Builder().code(404).body("{}").build();
                }
                String auth = request.getHeaders().get("Authorization");
                auths.add(auth);
                if (!good.equals(auth)) {
                    return new MockResponse.Builder().code(401).body("{\"message\":\"Unauthorized\"}").build();
                }
                return new MockResponse.Builder().code(202).addHeader("Content-Type", "application/json")
                        .body("{\"id\":\"m" + auths.size() + "\",\"state\":\"Pending\"}").build();
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        String base = server.url("/").toString();
        f.settings.setAll(Map.of("gateway", "http", HttpSettings.PROVIDER, "android",
                HttpSettings.BASE_URL, base.substring(0, base.length() - 1),
                HttpSettings.key("android", "username"), "shop", HttpSettings.key("android", "password"), "wrong"));
        owner.startSending();
        long id = scheduleTo(2);

        await("the provider refused the credentials", () -> owner.held().map(g -> g.state() == GatewayState.FAILED).orElse(false));
        SmsGateway refused = owner.held().orElseThrow();
        // the gateway turns FAILED inside the refused send, before the engine has put that row (and any other send in
        // flight at the provider) back in the queue: wait for the engine to release them, then nothing may be lost
        await("the refused sends back in the queue", () -> Map.of("QUEUED", 2L).equals(f.states(id)));
        CampaignProgress waiting = owner.progress(id).orElseThrow();
        assertThat(waiting.waitingReason()).isEqualTo("GATEWAY");
        assertThat(waiting.gatewayState()).isEqualTo(GatewayState.FAILED);
        assertThat(waiting.gatewayProblem().key()).isEqualTo("http.error.auth");
        assertThat(f.states(id)).as("nothing lost, nothing counted as failed").containsExactly(Map.entry("QUEUED", 2L));

        f.settings.set(HttpSettings.key("android", "password"), "right");

        await("sent with the new credentials", () -> "DONE".equals(f.campaignStatus(id)));
        assertThat(f.states(id)).containsExactly(Map.entry("SENT", 2L));
        assertThat(owner.held()).isPresent().get().isNotSameAs(refused);
        assertThat(auths).filteredOn(good::equals).hasSize(2);
    }

    @Test
    void messagesACrashLeftUnknownAreLookedUpAtTheProviderBeforeTheOwnerIsAsked() throws Exception {
        long id = scheduleTo(3);
        f.outbox.start(id);
        java.util.List<Long> rows = f.db.withConnection(c -> org.comptoir.store.Jdbc.query(c,
                "SELECT id FROM outbox WHERE campaign_id = ? ORDER BY id", rs -> rs.getLong(1), id));
        // a crash while the three were with the provider: SENDING, and the provider has each under its client id
        f.db.withConnection(c -> org.comptoir.store.Jdbc.update(c, "UPDATE outbox SET state = 'SENDING', attempts = 1,"
                + " gateway = 'http android' WHERE campaign_id = ?", id));
        Map<String, MockResponse> byPath = Map.of(
                "/message/outbox-" + rows.get(0), json(200, "{\"id\":\"outbox-" + rows.get(0) + "\",\"state\":\"Delivered\"}"),
                "/message/outbox-" + rows.get(1), json(404, "{\"message\":\"message not found\"}"),
                "/message/outbox-" + rows.get(2), json(200, "{\"id\":\"outbox-" + rows.get(2) + "\",\"state\":\"Failed\"}"));
        List<String> posted = new CopyOnWriteArrayList<>();
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (request.getMethod().equals("POST")) {
                    posted.add(request.getBody() == null ? "" : request.getBody().utf8());
                    return json(202, "{\"id\":\"outbox-" + rows.get(1) + "\",\"state\":\"Pending\"}");
                }
                return byPath.getOrDefault(path, json(404, "{}"));
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        String base = server.url("/").toString();
        f.settings.setAll(Map.of("gateway", "http", HttpSettings.PROVIDER, "android",
                HttpSettings.BASE_URL, base.substring(0, base.length() - 1),
                HttpSettings.key("android", "username"), "shop", HttpSettings.key("android", "password"), "right"));

        owner.startSending(); // recovery (SENDING → UNKNOWN), then the look-ups, then sending

        await("each one decided by what the provider knows", () -> "DONE".equals(f.campaignStatus(id)));
        assertThat(stateOf(rows.get(0))).as("the provider has it: sent").isEqualTo("SENT");
        assertThat(stateOf(rows.get(1))).as("never reached the phone: sent now, once").isEqualTo("SENT");
        assertThat(stateOf(rows.get(2))).as("the phone tried and the network refused").isEqualTo("FAILED");
        assertThat(posted).as("only the one the provider never had is sent").singleElement()
                .satisfies(b -> assertThat(b).contains("outbox-" + rows.get(1)));
        assertThat(f.audit("OUTBOX_LOOKED_UP")).hasSize(1);
    }

    String stateOf(long row) {
        return f.db.withConnection(c -> org.comptoir.store.Jdbc.queryOne(c, "SELECT state FROM outbox WHERE id = ?",
                rs -> rs.getString(1), row)).orElseThrow();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        ModemEngineTest.await(what, condition);
    }
}
