package org.comptoir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.e2e.Shop.await;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application died while two messages were with an Android phone (SMS Gateway for Android, local server): after
 * the restart their fate is unknown, and the phone keeps the id Comptoir gave each. The engine asks the phone before
 * anything else: the one it has is SENT without a second request, the one it never received is sent now, once.
 */
@Timeout(120)
class UnknownAfterCrashOverHttpTest {

    static final String ANNE = "+33612345001";
    static final String BRUNO = "+33612345002";

    @TempDir
    Path dir;
    Shop shop;
    final MockWebServer phone = new MockWebServer();
    final List<String> posted = new CopyOnWriteArrayList<>();
    final List<String> seen = new CopyOnWriteArrayList<>();
    volatile String anneId = "";

    @AfterEach
    void close() throws Exception {
        if (shop != null) {
            shop.close();
        }
        phone.close();
    }

    @Test
    void messagesUnknownAfterACrashAreLookedUpOnThePhoneBeforeAnythingIsSent() throws Exception {
        phone.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                seen.add(r.getMethod() + " " + path);
                if (r.getMethod().equals("POST") && path.equals("/message")) {
                    String body = r.getBody() == null ? "" : r.getBody().utf8();
                    posted.add(body);
                    String id = body.replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                    return json(202, "{\"id\":\"" + id + "\",\"state\":\"Pending\"}");
                }
                if (r.getMethod().equals("GET") && path.equals("/message/" + anneId)) {
                    return json(200, "{\"id\":\"" + anneId + "\",\"state\":\"Sent\"}");
                }
                return json(404, "{\"message\":\"not found\"}");
            }
        });
        phone.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        shop = new Shop(dir, Shop.nextSaturday(LocalTime.of(10, 0)));
        shop.open();
        shop.settings.set("gateway", "http");
        shop.settings.set("http.provider", "android");
        shop.settings.set("http.baseUrl", phone.url("/").toString().replaceAll("/$", ""));
        shop.settings.set("http.android.username", "sms");
        shop.settings.set("http.android.password", "phone-pass-123");
        shop.optIn(ANNE);
        shop.optIn(BRUNO);
        long id = shop.campaign("Promo -20 % sur les roses");
        shop.owner.outbox().start(id);
        // the state a kill leaves: both handed to the phone's gateway, neither answered
        shop.db.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'SENDING', attempts = 1,"
                + " gateway = 'http android' WHERE campaign_id = ?", id));
        long anneRow = shop.db.withConnection(c -> Jdbc.queryLong(c,
                "SELECT id FROM outbox WHERE campaign_id = ? AND recipient_e164 = ?", id, ANNE));
        anneId = "outbox-" + anneRow;
        shop.shutDown();

        shop.open();
        // what the application does once the store is open: the owner turns the rows the kill left SENDING into
        // UNKNOWN, then its engine looks them up before sending (engine() alone only builds the engine)
        shop.owner.startSending();
        await("both settled", () -> "SENT".equals(shop.stateOf(id, ANNE)) && "SENT".equals(shop.stateOf(id, BRUNO)));
        assertThat(posted).as("only the message the phone never received is sent").singleElement().asString()
                .contains("\"" + BRUNO + "\"").doesNotContain(anneId);
        // Bruno's row is not always Anne's + 1: the rows take their ids in the subjects' order (Outbox.start)
        String brunoId = "outbox-" + shop.db.withConnection(c -> Jdbc.queryLong(c,
                "SELECT id FROM outbox WHERE campaign_id = ? AND recipient_e164 = ?", id, BRUNO));
        assertThat(seen.subList(0, 2)).as("both looked up first")
                .containsExactlyInAnyOrder("GET /message/" + anneId, "GET /message/" + brunoId);
        assertThat(seen.indexOf("POST /message")).as("before anything is sent").isGreaterThan(1);
        long anneParts = shop.db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM outbox_part p JOIN outbox o"
                + " ON o.id = p.outbox_id WHERE o.recipient_e164 = ? AND p.reference = ?", ANNE, anneId));
        assertThat(anneParts).as("its status is watched like any sent message").isEqualTo(1L);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json").build();
    }
}
