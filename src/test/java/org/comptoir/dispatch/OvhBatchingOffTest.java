package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.comptoir.AppContext;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.http.HttpConfig;
import org.comptoir.gateway.http.HttpGateway;
import org.comptoir.settings.HttpSettings;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When OVHcloud's status record for a message names another receiver than the one Comptoir sent it to, the gateway
 * stops batching (its job's ids cannot be trusted to name the right message). That decision is saved in the settings,
 * as the engine's change in the audit trail, so a gateway built after a restart sends one receiver per job too.
 * Real H2 store in a temp folder, real HTTP on loopback.
 */
class OvhBatchingOffTest {

    static final String BATCH = HttpSettings.key("ovh", HttpConfig.OVH_BATCH);

    @TempDir
    Path dir;
    MockWebServer server;
    Database db;
    Settings settings;
    final List<String> reports = new CopyOnWriteArrayList<>();
    /** What {@code GET /outgoing/1000} answers: OVHcloud's record of the job's one message. */
    volatile String record = "{}";

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.endsWith("/auth/time")) {
                    return json(Long.toString(Instant.now().getEpochSecond()));
                }
                if ("POST".equals(request.getMethod()) && path.endsWith("/jobs")) {
                    return json("{\"totalCreditsRemoved\":1,\"invalidReceivers\":[],\"ids\":[1000],"
                            + "\"validReceivers\":[\"+33611111110\"]}");
                }
                return json(path.endsWith("/outgoing/1000") ? record : "[]");
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        db = Database.open(dir);
        settings = new Settings(db, AppContext.settingDefinitions());
        String base = server.url("/").toString();
        settings.setAll(Map.of(HttpSettings.PROVIDER, "ovh", HttpSettings.BASE_URL, base.substring(0, base.length() - 1),
                HttpSettings.key("ovh", "applicationKey"), "7kbG7Bk7S9Nt7ZSV",
                HttpSettings.key("ovh", "applicationSecret"), "EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF",
                HttpSettings.key("ovh", "consumerKey"), "MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1",
                HttpSettings.key("ovh", "serviceName"), "sms-ab12345-1"));
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private void sendAndCollect() {
        try (HttpGateway gateway = HttpGatewayFactory.create(settings)) {
            gateway.setListener(new Reports());
            SendResult result = gateway.send(new OutgoingSms("outbox-1", "+33611111110",
                    "Promo -20% samedi ! STOP au 36180", false, null, "LEAFLEURS"));
            assertThat(result).isInstanceOf(SendResult.Sent.class);
            gateway.collectPending();
        }
    }

    @Test
    void aRecordNamingAnotherReceiverSavesBatchingOffAsTheEnginesChange() {
        assertThat(HttpGatewayFactory.config(settings).field(HttpConfig.OVH_BATCH)).isEqualTo("50");
        record = "{\"id\":1000,\"receiver\":\"+33699999999\",\"deliveryReceipt\":1}";

        sendAndCollect();

        assertThat(reports).as("another customer's outcome is applied to nobody").isEmpty();
        assertThat(settings.get(BATCH)).isEqualTo("1");
        assertThat(HttpGatewayFactory.config(settings).field(HttpConfig.OVH_BATCH))
                .as("what a gateway built after a restart is given").isEqualTo("1");
        List<String> actors = db.withConnection(c -> Jdbc.query(c, "SELECT actor FROM audit WHERE action = "
                + "'SETTING_CHANGED' AND detail = ?", rs -> rs.getString(1), BATCH + "=1"));
        assertThat(actors).containsExactly("engine");
    }

    @Test
    void aRecordNamingTheSameReceiverLeavesBatchingOn() {
        record = "{\"id\":1000,\"receiver\":\"0033611111110\",\"deliveryReceipt\":1}";

        sendAndCollect();

        assertThat(reports).containsExactly("1000 +33611111110 DELIVERED");
        assertThat(settings.get(BATCH)).isEqualTo("50");
    }

    private final class Reports implements GatewayListener {
        @Override
        public void onDeliveryReport(DeliveryReport report) {
            reports.add(report.partReference() + " " + report.recipient() + " " + report.outcome());
        }

        @Override
        public void onInbound(InboundSms sms) {
        }

        @Override
        public void onStateChanged(GatewayState state) {
        }
    }
}
