package org.comptoir.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.SendResult;
import org.junit.jupiter.api.Test;

/** A provider described by a template: JSON body, a bearer secret, success and id read by JSON pointers. */
class GenericGatewayTest extends ProviderContractTest {

    static final String SECRET = "gen-5ecret-key-42";

    @Override
    HttpConfig config(String base) {
        return HttpConfig.of("generic", "", Map.ofEntries(
                Map.entry(HttpConfig.GENERIC_URL, base + "/api/send?client={id}"),
                Map.entry(HttpConfig.GENERIC_HEADERS, "Authorization: Bearer {secret}\nContent-Type: application/json"),
                Map.entry(HttpConfig.GENERIC_BODY, "{\"to\":\"{to}\",\"text\":\"{text}\",\"from\":\"{sender}\"}"),
                Map.entry(HttpConfig.GENERIC_SECRET, SECRET),
                Map.entry(HttpConfig.GENERIC_SUCCESS_POINTER, "/status"),
                Map.entry(HttpConfig.GENERIC_SUCCESS_VALUE, "ok"),
                Map.entry(HttpConfig.GENERIC_ID_POINTER, "/messages/0/id"),
                Map.entry(HttpConfig.GENERIC_STATUS_URL, base + "/api/status/{id}"),
                Map.entry(HttpConfig.GENERIC_STATUS_POINTER, "/state"),
                Map.entry(HttpConfig.GENERIC_DELIVERED_VALUES, "DELIVRD, delivered"),
                Map.entry(HttpConfig.GENERIC_FAILED_VALUES, "UNDELIV,REJECTD")), 0, 2);
    }

    @Override
    List<String> secrets() {
        return List.of(SECRET);
    }

    @Override
    MockResponse accepted() {
        return json(200, "{\"status\":\"ok\",\"messages\":[{\"id\":\"g-77\",\"parts\":1}]}");
    }

    @Override
    String acceptedReference() {
        return "g-77";
    }

    @Override
    MockResponse refusal() {
        return json(422, "{\"error\":\"destination not allowed\"}");
    }

    @Override
    String refusalWords() {
        return "destination not allowed";
    }

    @Test
    void templateIsFilledEscapedForJsonAndTheUrl() {
        server.enqueue(accepted());

        gateway.send(new org.comptoir.gateway.OutgoingSms("c1 r2", "+33612345678", "Dites \"oui\" 🌷\nSTOP", false,
                null, "LEA"));

        RecordedRequest req = server.request(0);
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getTarget()).isEqualTo("/api/send?client=c1+r2");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
        assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(ScriptedServer.body(req))
                .isEqualTo("{\"to\":\"+33612345678\",\"text\":\"Dites \\\"oui\\\" 🌷\\nSTOP\",\"from\":\"LEA\"}");
    }

    @Test
    void a200ThatSaysFailureIsAPermanentRefusal() {
        server.enqueue(json(200, "{\"status\":\"error\",\"reason\":\"no credit\"}"));

        SendResult r = gateway.send(sms("m1"));

        assertThat(r).isInstanceOf(SendResult.Failed.class);
        assertThat(((SendResult.Failed) r).retryable()).isFalse();
    }

    @Test
    void statusUrlAndValuesGiveDeliveryReports() {
        server.enqueue(accepted());
        gateway.send(sms("m1"));
        server.enqueue(json(200, "{\"state\":\"UNDELIV\"}"));

        gateway.collectPending();

        assertThat(server.request(1).getTarget()).isEqualTo("/api/status/g-77");
        assertThat(server.request(1).getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
        assertThat(listener.reports).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(DeliveryReport.Outcome.FAILED));
    }

    @Test
    void testerSaysThereIsNothingToCheck() {
        assertThat(gateway.checkAccount().checked()).isFalse();
        assertThat(server.seen).isEmpty();
    }
}
