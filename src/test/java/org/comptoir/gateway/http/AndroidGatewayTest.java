package org.comptoir.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.SendResult;
import org.junit.jupiter.api.Test;

/** SMS Gateway for Android's local server (REFERENCE.md §5.6), plus the contract every provider keeps. */
class AndroidGatewayTest extends ProviderContractTest {

    static final String USER = "sms";
    static final String PASSWORD = "w7Qd-pa55word";

    @Override
    HttpConfig config(String base) {
        return HttpConfig.of("android", base, Map.of(HttpConfig.ANDROID_USERNAME, USER,
                HttpConfig.ANDROID_PASSWORD, PASSWORD), 0, 1);
    }

    @Override
    List<String> secrets() {
        return List.of(PASSWORD, basic());
    }

    static String basic() {
        return Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    MockResponse accepted() {
        return json(202, "{\"id\":\"m1\",\"state\":\"Pending\",\"recipients\":[{\"phoneNumber\":\"+33612345678\","
                + "\"state\":\"Pending\"}]}");
    }

    @Override
    String acceptedReference() {
        return "m1";
    }

    @Override
    MockResponse refusal() {
        return json(400, "{\"message\":\"phoneNumbers: invalid phone number\"}");
    }

    @Override
    String refusalWords() {
        return "phoneNumbers: invalid phone number";
    }

    @Test
    void messageCarriesComptoirsIdAndBasicAuth() {
        server.enqueue(accepted());

        gateway.send(sms("m1"));

        RecordedRequest req = server.request(0);
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getTarget()).isEqualTo("/message");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Basic " + basic());
        assertThat(ScriptedServer.body(req)).isEqualTo("{\"id\":\"m1\",\"textMessage\":{\"text\":\"Léa Fleurs : -20 % "
                + "samedi 🌷 STOP au 36180\"},\"phoneNumbers\":[\"+33612345678\"],\"withDeliveryReport\":true,"
                + "\"validUntil\":\"2026-12-01T11:00:00Z\"}");
    }

    @Test
    void paceDefaultsToWhatAndroidAllowsWithoutAsking() {
        assertThat(gateway.ratePerSecond()).isEqualTo(0.5);
        server.enqueue(accepted()).enqueue(accepted()).enqueue(accepted());

        gateway.send(sms("a"));
        gateway.send(sms("b"));
        gateway.send(sms("c"));

        // 30 per 60 s: two seconds between sends, on the test's clock
        assertThat(delay.waits).containsExactly(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2));
    }

    @Test
    void lookUpAfterARestartTellsSentFromNeverReceived() {
        server.enqueue(json(200, "{\"id\":\"m1\",\"state\":\"Sent\"}"));
        server.enqueue(json(404, "{\"message\":\"message not found\"}"));
        server.enqueue(json(200, "{\"id\":\"m3\",\"state\":\"Failed\"}"));

        assertThat(gateway.lookUp(sms("m1"))).contains(new SendResult.Sent(List.of("m1"), 0));
        SendResult never = gateway.lookUp(sms("m2")).orElseThrow();
        SendResult failed = gateway.lookUp(sms("m3")).orElseThrow();

        assertThat(server.request(1).getTarget()).isEqualTo("/message/m2");
        assertThat(never).isInstanceOf(SendResult.Failed.class);
        assertThat(((SendResult.Failed) never).retryable()).isTrue();
        assertThat(((SendResult.Failed) failed).retryable()).isFalse();
    }

    @Test
    void statesArePolledUntilDelivered() {
        server.enqueue(accepted());
        gateway.send(sms("m1"));
        server.enqueue(json(200, "{\"id\":\"m1\",\"state\":\"Processed\"}"));
        server.enqueue(json(200, "{\"id\":\"m1\",\"state\":\"Delivered\"}"));

        gateway.collectPending();
        gateway.collectPending();

        assertThat(listener.reports).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(DeliveryReport.Outcome.DELIVERED));
    }

    @Test
    void aFailedStateKeepsThePhonesErrorForTheRecipient() {
        server.enqueue(accepted());
        gateway.send(sms("m1"));
        server.enqueue(json(200, "{\"id\":\"m1\",\"state\":\"Failed\",\"recipients\":[{\"phoneNumber\":"
                + "\"+33612345678\",\"state\":\"Failed\",\"error\":\"RESULT_ERROR_GENERIC_FAILURE\"}]}"));

        gateway.collectPending();

        assertThat(listener.reports).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DeliveryReport.Outcome.FAILED);
            assertThat(d.networkStatus()).isEqualTo("android Failed, +33612345678: RESULT_ERROR_GENERIC_FAILURE");
        });
    }

    @Test
    void testerChecksTheCredentialsWithoutSendingAnything() {
        server.enqueue(json(404, "{\"message\":\"message not found\"}"));

        AccountCheck check = gateway.checkAccount();

        assertThat(check.checked()).isTrue();
        assertThat(check.credit()).isEmpty();
        assertThat(server.request(0).getMethod()).isEqualTo("GET");
    }

    @Test
    void aPhoneWithoutAddressIsASettingsProblemInWords() {
        gateway.close();
        gateway = new HttpGateway(config(""), clock, delay);

        SendResult r = gateway.send(sms("m1"));

        assertThat(((SendResult.Failed) r).error().message().key()).isEqualTo("http.error.android.address");
        assertThat(((SendResult.Failed) r).retryable()).isTrue(); // the settings are at fault, not the message
        assertThat(gateway.state()).isEqualTo(org.comptoir.gateway.GatewayState.FAILED);
        gateway.collectPending(); // nothing to ask, and no exception
        assertThat(gateway.lookUp(sms("m1"))).isEmpty();
        assertThat(server.seen).isEmpty();
    }
}
