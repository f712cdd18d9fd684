package org.comptoir.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.comptoir.MutableClock;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every provider must do against a real HTTP server on loopback: the same scenarios for Twilio, OVHcloud, the
 * Android phone and the generic template (each subclass gives its configuration and its answers). The clock and
 * the waits are the test's, so back-off and Retry-After are checked without waiting.
 */
abstract class ProviderContractTest {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    ScriptedServer server;
    MutableClock clock;
    RecordingDelay delay;
    RecordingListener listener;
    HttpGateway gateway;
    LogCapture logs;

    /** The provider's configuration pointing at {@code base}, with credentials from {@link #secrets()}. */
    abstract HttpConfig config(String base);

    /** The credentials in {@link #config}: none may appear in a log, a message or a result. */
    abstract List<String> secrets();

    /** A 2xx answer accepting the message, and the reference it gives. */
    abstract MockResponse accepted();

    abstract String acceptedReference();

    /** A permanent refusal in the provider's own format, and words from its message the error must keep. */
    abstract MockResponse refusal();

    abstract String refusalWords();

    void prepare(ScriptedServer s) {
    }

    @BeforeEach
    void start() throws Exception {
        logs = new LogCapture();
        server = new ScriptedServer();
        prepare(server);
        clock = new MutableClock(T0);
        delay = new RecordingDelay(clock);
        listener = new RecordingListener();
        gateway = new HttpGateway(config(server.base()), clock, delay);
        gateway.setListener(listener);
    }

    @AfterEach
    void stop() {
        gateway.close();
        server.close();
        logs.close();
    }

    static OutgoingSms sms(String id) {
        return new OutgoingSms(id, "+33612345678", "Léa Fleurs : -20 % samedi 🌷 STOP au 36180", true,
                T0.plus(Duration.ofHours(2)), "");
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void acceptedMessageIsSentWithTheProvidersReference() {
        server.enqueue(accepted());

        SendResult r = gateway.send(sms("m1"));

        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(((SendResult.Sent) r).partReferences()).containsExactly(acceptedReference());
        assertThat(server.seen).hasSize(1);
    }

    @Test
    void refusedCredentialsFailForGoodAndSayWhatToCheck() {
        server.enqueue(json(401, "{\"message\":\"Authenticate\",\"code\":20003}"));

        SendResult r = gateway.send(sms("m1"));

        assertThat(r).isInstanceOf(SendResult.Failed.class);
        SendResult.Failed f = (SendResult.Failed) r;
        // not the message's fault: it stays queued while the gateway, FAILED, waits for a person
        assertThat(f.retryable()).isTrue();
        assertThat(f.error().code()).isEqualTo("HTTP 401");
        assertThat(Messages.forLanguage("fr").render(f.error().message())).contains("identifiants");
        assertThat(gateway.state()).isEqualTo(GatewayState.FAILED);
        assertThat(server.seen).hasSize(1);
    }

    @Test
    void tooManyRequestsWaitsWhatRetryAfterSaysThenSends() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("{}").build());
        server.enqueue(accepted());

        SendResult r = gateway.send(sms("m1"));

        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(server.seen).hasSize(2);
        // the pacer held every request for the 7 s asked, on the test's clock
        assertThat(delay.waits.stream().mapToLong(Duration::toMillis).sum()).isGreaterThanOrEqualTo(7000);
    }

    @Test
    void serverErrorIsTriedAgainAfterBackOff() {
        server.enqueue(json(500, "{\"message\":\"internal\"}"));
        server.enqueue(accepted());

        SendResult r = gateway.send(sms("m1"));

        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(server.seen).hasSize(2);
        assertThat(delay.waits).contains(Duration.ofSeconds(1));
    }

    @Test
    void serverErrorsToTheEndAreARetryableFailure() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(503, "{\"message\":\"down\"}"));
        }

        SendResult r = gateway.send(sms("m1"));

        assertThat(r).isInstanceOf(SendResult.Failed.class);
        assertThat(((SendResult.Failed) r).retryable()).isTrue();
        assertThat(server.seen).hasSize(4);
        assertThat(delay.waits).containsSubsequence(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void noAnswerAfterTheRequestLeftIsUnknownAndNeverRepeated() throws Exception {
        gateway.close();
        gateway = new HttpGateway(config(server.base()).withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(700)),
                clock, delay);
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(accepted());

        SendResult r = gateway.send(sms("m1"));

        assertThat(r).isInstanceOf(SendResult.Unknown.class);
        assertThat(((SendResult.Unknown) r).why()).contains("may have");
        assertThat(server.seen).hasSize(1);
    }

    @Test
    void permanentRefusalKeepsTheProvidersWords() {
        server.enqueue(refusal());

        SendResult r = gateway.send(sms("m1"));

        assertThat(r).isInstanceOf(SendResult.Failed.class);
        SendResult.Failed f = (SendResult.Failed) r;
        assertThat(f.retryable()).isFalse();
        assertThat(Messages.forLanguage("en").render(f.error().message())).contains(refusalWords());
        assertThat(server.seen).hasSize(1);
    }

    @Test
    void malformedAnswerToASendIsUnknownNotResent() {
        assertUnreadableAnswerNotResent(json(200, "{\"sid\":")); // cut short
    }

    @Test
    void emptyAnswerToASendIsUnknownNotResent() {
        assertUnreadableAnswerNotResent(new MockResponse.Builder().code(200).build());
    }

    /** A 2xx that cannot be read was accepted as who knows what: Unknown, and one request only. */
    private void assertUnreadableAnswerNotResent(MockResponse answer) {
        server.enqueue(answer);
        server.enqueue(accepted());

        SendResult r = gateway.send(sms("m1"));

        assertThat(r).isInstanceOf(SendResult.Unknown.class);
        assertThat(server.seen).hasSize(1);
    }

    @Test
    void htmlErrorPageIsAFailureInWords() {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "text/html")
                .body("<html><body><h1>400 Bad Request</h1><p>Request rejected by proxy</p></body></html>").build());

        SendResult r = gateway.send(sms("m1"));

        assertThat(r).isInstanceOf(SendResult.Failed.class);
        String words = Messages.forLanguage("en").render(((SendResult.Failed) r).error().message());
        assertThat(words).contains("HTTP 400").contains("Request rejected by proxy").doesNotContain("<");
    }

    @Test
    void refusedConnectionIsARetryableFailureAfterBackOff() {
        String base = server.base();
        server.close();
        gateway.close();
        gateway = new HttpGateway(config(base), clock, delay);

        SendResult r = gateway.send(sms("m1"));

        assertThat(r).isInstanceOf(SendResult.Failed.class);
        assertThat(((SendResult.Failed) r).retryable()).isTrue();
        assertThat(delay.waits).containsSubsequence(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(gateway.state()).isEqualTo(GatewayState.DISCONNECTED);
    }

    @Test
    void anUnreachableProviderIsAskedAgainUntilItAnswers() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        gateway.close();
        gateway = new HttpGateway(config(base).withReconnectAfter(Duration.ofMillis(200)), clock, delay);
        gateway.setListener(listener);

        SendResult r = gateway.send(sms("m1"));

        assertThat(((SendResult.Failed) r).retryable()).isTrue();
        assertThat(listener.changes.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(GatewayState.DISCONNECTED);
        try (ScriptedServer back = new ScriptedServer(port)) {
            prepare(back);
            back.enqueue(json(404, "{\"message\":\"not found\"}")); // what a probe may get: reached, all the same
            assertThat(listener.changes.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(GatewayState.READY);
            assertThat(gateway.state()).isEqualTo(GatewayState.READY);
        }
    }

    @Test
    void noCredentialInLogsMessagesOrResults() {
        // every path that writes something: success, refusal, 401, error page, unknown, status and account polls
        server.enqueue(accepted());
        server.enqueue(refusal());
        server.enqueue(json(401, "{\"message\":\"bad " + secrets().get(0) + "\"}"));
        server.enqueue(new MockResponse.Builder().code(400).body("<p>echo " + String.join(" ", secrets()) + "</p>").build());
        server.enqueue(json(200, "{\"echo\":\"" + secrets().get(0) + "\""));
        StringBuilder seen = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            SendResult r = gateway.send(sms("m" + i));
            seen.append(r).append('\n');
            if (r instanceof SendResult.Failed f) {
                seen.append(Messages.forLanguage("fr").render(f.error().message())).append('\n');
            }
        }
        gateway.collectPending();
        try {
            gateway.checkAccount();
        } catch (RuntimeException e) {
            seen.append(e).append(Messages.forLanguage("en").render(((org.comptoir.i18n.ComptoirException) e).userMessage()));
        }
        seen.append(gateway.config()).append(gateway.name());

        assertThat(logs.lines()).isPositive();
        for (String secret : secrets()) {
            assertThat(logs.text()).doesNotContain(secret);
            assertThat(seen.toString()).doesNotContain(secret);
        }
    }
}
