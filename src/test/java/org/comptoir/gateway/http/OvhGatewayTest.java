package org.comptoir.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.junit.jupiter.api.Test;

/** OVHcloud's SMS API with its request signing (REFERENCE.md §5.5), plus the contract every provider keeps. */
class OvhGatewayTest extends ProviderContractTest {

    static final String AK = "7kbG7Bk7S9Nt7ZSV";
    static final String AS = "EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF";
    static final String CK = "MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1";
    static final String SERVICE = "sms-ab12345-1";
    /** the server's clock runs 3 s ahead of ours: the timestamp signed must be the server's */
    static final long SERVER_TIME = T0.getEpochSecond() + 3;

    @Override
    void prepare(ScriptedServer s) {
        s.always("/auth/time", 200, Long.toString(SERVER_TIME));
    }

    @Override
    HttpConfig config(String base) {
        return HttpConfig.of("ovh", base, Map.of(HttpConfig.OVH_APPLICATION_KEY, AK,
                HttpConfig.OVH_APPLICATION_SECRET, AS, HttpConfig.OVH_CONSUMER_KEY, CK,
                HttpConfig.OVH_SERVICE_NAME, SERVICE), 0, 2);
    }

    @Override
    List<String> secrets() {
        return List.of(AS, CK);
    }

    @Override
    MockResponse accepted() {
        return json(200, "{\"totalCreditsRemoved\":2,\"invalidReceivers\":[],\"ids\":[27814656],"
                + "\"validReceivers\":[\"+33612345678\"]}");
    }

    @Override
    String acceptedReference() {
        return "27814656";
    }

    @Override
    MockResponse refusal() {
        return json(400, "{\"class\":\"Client::BadRequest\",\"message\":\"Invalid sender\"}");
    }

    @Override
    String refusalWords() {
        return "Invalid sender (code Client::BadRequest)";
    }

    static String sha1Signature(String method, String url, String body, long ts) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-1").digest((AS + "+" + CK + "+" + method + "+" + url + "+" + body
                + "+" + ts).getBytes(StandardCharsets.UTF_8));
        return "$1$" + HexFormat.of().formatHex(d);
    }

    @Test
    void jobIsTheDocumentedJsonSignedWithTheServersTime() throws Exception {
        server.enqueue(accepted());

        SendResult r = gateway.send(sms("m1"));

        RecordedRequest req = server.request(0);
        String body = "{\"charset\":\"UTF-8\",\"coding\":\"8bit\",\"message\":\"Léa Fleurs : -20 % samedi 🌷 STOP au 36180\","
                + "\"noStopClause\":true,\"priority\":\"high\",\"receivers\":[\"+33612345678\"],\"senderForResponse\":true,"
                + "\"tag\":\"m1\",\"validityPeriod\":120}";
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getTarget()).isEqualTo("/sms/" + SERVICE + "/jobs");
        assertThat(ScriptedServer.body(req)).isEqualTo(body);
        assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(req.getHeaders().get("X-Ovh-Application")).isEqualTo(AK);
        assertThat(req.getHeaders().get("X-Ovh-Consumer")).isEqualTo(CK);
        assertThat(req.getHeaders().get("X-Ovh-Timestamp")).isEqualTo(Long.toString(SERVER_TIME));
        assertThat(req.getHeaders().get("X-Ovh-Signature"))
                .isEqualTo(sha1Signature("POST", server.base() + "/sms/" + SERVICE + "/jobs", body, SERVER_TIME));
        assertThat(((SendResult.Sent) r).reportedParts()).isEqualTo(2);
    }

    @Test
    void gsmTextGoesSevenBitWithTheCampaignSender() {
        server.enqueue(accepted());

        gateway.send(new OutgoingSms("m2", "+33612345678", "Promo -20% samedi ! STOP au 36180", false, null, "LEAFLEURS"));

        assertThat(ScriptedServer.body(server.request(0))).isEqualTo("{\"charset\":\"UTF-8\",\"coding\":\"7bit\","
                + "\"message\":\"Promo -20% samedi ! STOP au 36180\",\"noStopClause\":true,\"priority\":\"high\","
                + "\"receivers\":[\"+33612345678\"],\"sender\":\"LEAFLEURS\",\"tag\":\"m2\"}");
    }

    @Test
    void invalidReceiverInA200IsAPermanentFailure() {
        server.enqueue(json(200, "{\"totalCreditsRemoved\":0,\"invalidReceivers\":[\"+33612345678\"],\"ids\":[],"
                + "\"validReceivers\":[]}"));

        SendResult r = gateway.send(sms("m1"));

        assertThat(r).isInstanceOf(SendResult.Failed.class);
        assertThat(((SendResult.Failed) r).retryable()).isFalse();
        assertThat(((SendResult.Failed) r).error().code()).isEqualTo("OVH invalidReceivers");
    }

    @Test
    void deliveryReceiptIsPolledFromOutgoing() {
        server.enqueue(accepted());
        gateway.send(sms("m1"));
        server.enqueue(json(200, "{\"id\":27814656,\"deliveryReceipt\":2,\"receiver\":\"+33612345678\"}"));
        server.enqueue(json(200, "[]")); // blacklist
        server.enqueue(json(200, "[]")); // incoming

        gateway.collectPending();

        assertThat(server.request(1).getTarget()).isEqualTo("/sms/" + SERVICE + "/outgoing/27814656");
        assertThat(listener.reports).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DeliveryReport.Outcome.FAILED);
            assertThat(d.networkStatus()).isEqualTo("ovh deliveryReceipt 2 (failed)");
        });
    }

    @Test
    void anUndeliveredReceiptKeepsTheOperatorsCode() {
        server.enqueue(accepted());
        gateway.send(sms("m1"));
        server.enqueue(json(200, "{\"id\":27814656,\"deliveryReceipt\":16,\"ptt\":2005,\"receiver\":\"+33612345678\"}"));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, "[]"));

        gateway.collectPending();

        assertThat(listener.reports).singleElement().satisfies(d -> assertThat(d.networkStatus())
                .isEqualTo("ovh deliveryReceipt 16 (not delivered), operator code (ptt) 2005"));
    }

    @Test
    void numbersOnTheBlacklistAreReportedOnceAsOptOuts() {
        server.enqueue(json(200, "[\"+33611111111\"]"));
        server.enqueue(json(200, "{\"number\":\"+33611111111\",\"dateCreation\":\"2026-12-01T08:15:00+01:00\"}"));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, "[\"+33611111111\"]"));
        server.enqueue(json(200, "[]"));

        gateway.collectPending();
        gateway.collectPending();

        assertThat(server.request(0).getTarget()).isEqualTo("/sms/" + SERVICE + "/blacklists");
        assertThat(server.request(1).getTarget()).isEqualTo("/sms/" + SERVICE + "/blacklists/%2B33611111111");
        assertThat(listener.optOuts).singleElement().satisfies(o -> {
            assertThat(o.number()).isEqualTo("+33611111111");
            assertThat(o.at()).isEqualTo(Instant.parse("2026-12-01T07:15:00Z"));
            assertThat(o.evidence()).contains("ovh opt-out list");
        });
    }

    @Test
    void repliesAreDeletedAtTheProviderOnlyOnceStored() {
        server.enqueue(json(200, "[]")); // blacklist
        server.enqueue(json(200, "[991]"));
        server.enqueue(json(200, "{\"id\":991,\"sender\":\"0033611111111\",\"message\":\"STOP\","
                + "\"creationDatetime\":\"2026-12-01T10:00:00+01:00\",\"credits\":0,\"tag\":\"\"}"));
        server.enqueue(json(200, "null")); // DELETE

        gateway.collectPending();

        assertThat(listener.inbound).singleElement().satisfies(s -> {
            assertThat(s.from()).isEqualTo("+33611111111");
            assertThat(s.text()).isEqualTo("STOP");
        });
        assertThat(server.request(3).getMethod()).isEqualTo("DELETE");
        assertThat(server.request(3).getTarget()).isEqualTo("/sms/" + SERVICE + "/incoming/991");
    }

    @Test
    void aReplyNotStoredStaysAtTheProvider() {
        listener.failInbound = true;
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, "[991]"));
        server.enqueue(json(200, "{\"id\":991,\"sender\":\"+33611111111\",\"message\":\"STOP\"}"));

        gateway.collectPending();

        assertThat(server.seen).hasSize(3).noneMatch(r -> r.getMethod().equals("DELETE"));
    }

    @Test
    void aListenerThatStoresNothingLeavesRepliesUnread() {
        listener.stores = false;
        server.enqueue(json(200, "[]"));

        gateway.collectPending();

        assertThat(server.seen).hasSize(1).noneMatch(r -> r.getTarget().contains("incoming"));
    }

    @Test
    void lookUpFindsTheMessageByItsTag() {
        server.enqueue(json(200, "[27814656]"));
        server.enqueue(json(200, "[]"));

        assertThat(gateway.lookUp(sms("m1"))).contains(new SendResult.Sent(List.of("27814656"), 0));
        assertThat(gateway.lookUp(sms("m2"))).isEmpty();
        assertThat(server.request(0).getTarget()).isEqualTo("/sms/" + SERVICE + "/outgoing?tag=m1");
    }

    @Test
    void longIdsBecomeAStableTwentyCharacterTag() {
        String tag = OvhProvider.tag("campaign-12/recipient-3456789");
        assertThat(tag).hasSize(20).isEqualTo(OvhProvider.tag("campaign-12/recipient-3456789"))
                .isNotEqualTo(OvhProvider.tag("campaign-12/recipient-3456780"));
    }

    @Test
    void testerShowsTheCreditsLeft() {
        server.enqueue(json(200, "{\"name\":\"" + SERVICE + "\",\"creditsLeft\":148.5,\"status\":\"enable\"}"));

        assertThat(gateway.checkAccount().credit()).contains("148.5");
        assertThat(server.request(0).getTarget()).isEqualTo("/sms/" + SERVICE);
    }

    /** {@code http.ovh.batch}: the receivers per job the gateway may put together (1 turns batching off). */
    @Test
    void theBatchFieldBoundsTheReceiversPerJob() {
        java.util.function.Function<String, Integer> max = set -> {
            Map<String, String> fields = new java.util.HashMap<>(config("http://127.0.0.1:1").fields());
            if (set != null) {
                fields.put(HttpConfig.OVH_BATCH, set);
            }
            return new OvhProvider(HttpConfig.of("ovh", "http://127.0.0.1:1", fields, 0, 2),
                    java.time.Clock.systemUTC(), call -> java.util.Optional.empty()).maxBatch();
        };
        assertThat(max.apply(null)).isEqualTo(OvhProvider.MAX_BATCH);
        assertThat(max.apply("1")).isEqualTo(1);
        assertThat(max.apply("20")).isEqualTo(20);
        assertThat(max.apply("500")).as("never past the 50 Comptoir trusts").isEqualTo(OvhProvider.MAX_BATCH);
    }
}
