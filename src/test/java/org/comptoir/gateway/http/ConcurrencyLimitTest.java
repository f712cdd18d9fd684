package org.comptoir.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.comptoir.MutableClock;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.junit.jupiter.api.Test;

/** However many threads send, no more requests are in flight at the provider than the configured concurrency. */
class ConcurrencyLimitTest {

    @Test
    void sixSendersTwoInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Semaphore arrived = new Semaphore(0);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger sids = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    arrived.release();
                    release.await(10, TimeUnit.SECONDS);
                    inFlight.decrementAndGet();
                    return new MockResponse.Builder().code(201).body("{\"sid\":\"SM" + sids.incrementAndGet() + "\"}").build();
                }
            });
            server.start();
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
            HttpConfig config = HttpConfig.of("twilio", server.url("/").toString(), Map.of(
                    HttpConfig.TWILIO_ACCOUNT_SID, "AC1", HttpConfig.TWILIO_AUTH_TOKEN, "t0ken", HttpConfig.TWILIO_FROM,
                    "+33700000001"), 1000, 2);
            ExecutorService senders = Executors.newFixedThreadPool(6, r -> new Thread(r, "test-sender"));
            try (HttpGateway gateway = new HttpGateway(config, clock, new RecordingDelay(clock))) {
                List<Future<SendResult>> results = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String id = "m" + i;
                    results.add(senders.submit(() -> gateway.send(new OutgoingSms(id, "+33612345678", "Bonjour", false))));
                }
                assertThat(arrived.tryAcquire(2, 10, TimeUnit.SECONDS)).isTrue();
                // a third request would arrive now if the limit let it through
                assertThat(arrived.tryAcquire(1, 500, TimeUnit.MILLISECONDS)).isFalse();
                release.countDown();
                for (Future<SendResult> f : results) {
                    assertThat(f.get(10, TimeUnit.SECONDS)).isInstanceOf(SendResult.Sent.class);
                }
            } finally {
                senders.shutdownNow();
            }
            assertThat(most.get()).isEqualTo(2);
            assertThat(server.getRequestCount()).isEqualTo(6);
        }
    }
}
