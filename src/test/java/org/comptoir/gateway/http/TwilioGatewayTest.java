package org.comptoir.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.junit.jupiter.api.Test;

/** Twilio's Messages API as its documentation shows it (REFERENCE.md §5.1), plus the contract every provider keeps. */
class TwilioGatewayTest extends ProviderContractTest {

    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "tok3n-5ecret-9f8e7d6c5b4a";

    @Override
    HttpConfig config(String base) {
        return HttpConfig.of("twilio", base, Map.of(HttpConfig.TWILIO_ACCOUNT_SID, SID,
                HttpConfig.TWILIO_AUTH_TOKEN, TOKEN, HttpConfig.TWILIO_FROM, "+33700000001"), 0, 2);
    }

    @Override
    List<String> secrets() {
        return List.of(TOKEN, Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    MockResponse accepted() {
        return json(201, "{\"sid\":\"SM1234\",\"status\":\"queued\",\"num_segments\":\"2\",\"body\":\"x\"}");
    }

    @Override
    String acceptedReference() {
        return "SM1234";
    }

    @Override
    MockResponse refusal() {
        return json(400, "{\"code\":21211,\"message\":\"The 'To' number +33612345678 is not a valid phone number.\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");
    }

    @Override
    String refusalWords() {
        return "is not a valid phone number. (code 21211)";
    }

    @Test
    void requestIsTheDocumentedFormWithBasicAuth() throws Exception {
        server.enqueue(accepted());

        SendResult r = gateway.send(sms("m1"));

        RecordedRequest req = server.request(0);
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getTarget()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded; charset=utf-8");
        // accents and the emoji go as UTF-8, percent-encoded; validity 2 h = 7200 s
        assertThat(ScriptedServer.body(req)).isEqualTo("To=%2B33612345678&From=%2B33700000001&Body=L%C3%A9a+Fleurs+%3A+"
                + "-20+%25+samedi+%F0%9F%8C%B7+STOP+au+36180&ValidityPeriod=7200");
        assertThat(((SendResult.Sent) r).reportedParts()).isEqualTo(2);
    }

    @Test
    void campaignSenderReplacesTheDefaultAndAMessagingServiceIsNamedAsSuch() {
        server.enqueue(accepted()).enqueue(accepted());

        gateway.send(new OutgoingSms("m1", "+33612345678", "Bonjour", false, null, "LEAFLEURS"));
        gateway.close();
        gateway = new HttpGateway(HttpConfig.of("twilio", server.base(), Map.of(HttpConfig.TWILIO_ACCOUNT_SID, SID,
                HttpConfig.TWILIO_AUTH_TOKEN, TOKEN, HttpConfig.TWILIO_FROM, "MG0123456789abcdef0123456789abcdef"), 0, 1),
                clock, delay);
        gateway.send(new OutgoingSms("m2", "+33612345678", "Bonjour", false));

        assertThat(ScriptedServer.body(server.request(0))).isEqualTo("To=%2B33612345678&From=LEAFLEURS&Body=Bonjour");
        assertThat(ScriptedServer.body(server.request(1)))
                .isEqualTo("To=%2B33612345678&MessagingServiceSid=MG0123456789abcdef0123456789abcdef&Body=Bonjour");
    }

    @Test
    void unsubscribedRecipientIsAnOptOutTheLedgerMustRecord() {
        server.enqueue(json(400, "{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\",\"status\":400}"));

        SendResult r = gateway.send(sms("m1"));

        assertThat(((SendResult.Failed) r).retryable()).isFalse();
        assertThat(listener.optOuts).singleElement().satisfies(o -> {
            assertThat(o.number()).isEqualTo("+33612345678");
            assertThat(o.evidence()).contains("twilio").contains("21610");
        });
    }

    @Test
    void deliveryStatusIsPolledUntilFinal() {
        listener.stores = false; // no reply reading in this one
        server.enqueue(accepted());
        gateway.send(sms("m1"));
        server.enqueue(json(200, "{\"sid\":\"SM1234\",\"status\":\"sent\"}"));
        server.enqueue(json(200, "{\"sid\":\"SM1234\",\"status\":\"delivered\"}"));

        gateway.collectPending();
        assertThat(listener.reports).isEmpty();
        gateway.collectPending();
        gateway.collectPending(); // nothing left to ask

        assertThat(server.request(1).getTarget()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages/SM1234.json");
        assertThat(listener.reports).singleElement().satisfies(d -> {
            assertThat(d.partReference()).isEqualTo("SM1234");
            assertThat(d.recipient()).isEqualTo("+33612345678");
            assertThat(d.outcome()).isEqualTo(DeliveryReport.Outcome.DELIVERED);
        });
        assertThat(server.seen).hasSize(3);
    }

    @Test
    void anUndeliveredStatusWithoutWordsGetsTwiliosWordsForItsCode() {
        assertThat(failedStatus("{\"sid\":\"SM1234\",\"status\":\"undelivered\",\"error_code\":30003,"
                + "\"error_message\":null}")).isEqualTo("twilio undelivered, error 30003: Unreachable destination handset");
    }

    @Test
    void aFailedStatusKeepsTwiliosOwnCodeAndWords() {
        assertThat(failedStatus("{\"sid\":\"SM1234\",\"status\":\"failed\",\"error_code\":30410,"
                + "\"error_message\":\"Provider Timeout Error\"}")).isEqualTo("twilio failed, error 30410: Provider Timeout Error");
    }

    /** Sends one message, polls {@code status} for it, and returns the failure report's network status. */
    private String failedStatus(String status) {
        listener.stores = false;
        server.enqueue(accepted());
        gateway.send(sms("m1"));
        server.enqueue(json(200, status));

        gateway.collectPending();

        assertThat(listener.reports).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(DeliveryReport.Outcome.FAILED));
        return listener.reports.get(0).networkStatus();
    }

    @Test
    void onlyTwiliosOwnKeywordsThroughTwilioCountAsConfirmedByTheProvider() {
        assertThat(ProviderOptOuts.confirmedByProvider("http twilio", " stop ")).isTrue();
        assertThat(ProviderOptOuts.confirmedByProvider("http twilio", "UNSUBSCRIBE")).isTrue();
        assertThat(ProviderOptOuts.confirmedByProvider(gateway.name(), "Stop")).isTrue();
        // Twilio does not answer French words nor a sentence: the shop's confirmation applies
        assertThat(ProviderOptOuts.confirmedByProvider("http twilio", "ARRET")).isFalse();
        assertThat(ProviderOptOuts.confirmedByProvider("http twilio", "stop svp")).isFalse();
        // the same word through another route was confirmed by nobody
        assertThat(ProviderOptOuts.confirmedByProvider("http ovh", "STOP")).isFalse();
        assertThat(ProviderOptOuts.confirmedByProvider("modem /dev/ttyUSB0", "STOP")).isFalse();
    }

    @Test
    void repliesToTheShopsNumberAreStoredThenDeletedAtTwilio() {
        server.enqueue(json(200, "{\"messages\":[{\"sid\":\"SMin1\",\"direction\":\"inbound\",\"from\":\"+33611111111\"},"
                + "{\"sid\":\"SMout\",\"direction\":\"outbound-api\",\"from\":\"+33700000001\"}]}"));
        server.enqueue(json(200, "{\"sid\":\"SMin1\",\"direction\":\"inbound\",\"from\":\"+33611111111\","
                + "\"body\":\"STOP\",\"date_sent\":\"Tue, 01 Dec 2026 10:00:00 +0000\"}"));
        server.enqueue(json(204, ""));

        gateway.collectPending();

        assertThat(server.request(0).getTarget()).isEqualTo("/2010-04-01/Accounts/" + SID
                + "/Messages.json?To=%2B33700000001&PageSize=50");
        assertThat(listener.inbound).singleElement().satisfies(s -> {
            assertThat(s.from()).isEqualTo("+33611111111");
            assertThat(s.text()).isEqualTo("STOP");
            assertThat(s.receivedAt()).isEqualTo(java.time.Instant.parse("2026-12-01T10:00:00Z"));
        });
        assertThat(server.request(2).getMethod()).isEqualTo("DELETE");
        assertThat(server.request(2).getTarget()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages/SMin1.json");
        assertThat(server.seen).hasSize(3);
    }

    @Test
    void testerShowsTheBalance() {
        server.enqueue(json(200, "{\"currency\":\"EUR\",\"balance\":\"12.50\",\"account_sid\":\"" + SID + "\"}"));

        AccountCheck check = gateway.checkAccount();

        assertThat(server.request(0).getTarget()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Balance.json");
        assertThat(check.credit()).contains("12.50 EUR");
    }

    @Test
    void noClientReferenceSoNothingToLookUp() {
        assertThat(gateway.lookUp(sms("m1"))).isEmpty();
        assertThat(server.seen).isEmpty();
    }
}
