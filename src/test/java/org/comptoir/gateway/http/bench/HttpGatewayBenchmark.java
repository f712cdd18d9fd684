package org.comptoir.gateway.http.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.http.Delay;
import org.comptoir.gateway.http.HttpConfig;
import org.comptoir.gateway.http.HttpGateway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 10,000 messages through {@link HttpGateway#send} to a Twilio-shaped mock provider on loopback that takes 50 ms
 * to answer each request: one shot per concurrency (the gateway's in-flight limit, and as many sending threads),
 * pacing set out of the way. Prints the heap in use after a full GC every 2,000 messages, to show it stays flat.
 * Run offline after one build: {@code org.openjdk.jmh.Main HttpGatewayBenchmark} from the test class path (the
 * command is in docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class HttpGatewayBenchmark {

    static final int MESSAGES = 10_000;
    static final long LATENCY_MS = 50;

    @Param({"4", "16"})
    public int concurrency;

    private MockWebServer server;
    private HttpGateway gateway;
    private ExecutorService senders;
    private Thread drain;
    private final AtomicInteger sids = new AtomicInteger();

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(201).headersDelay(LATENCY_MS, TimeUnit.MILLISECONDS)
                        .body("{\"sid\":\"SM" + sids.incrementAndGet() + "\",\"status\":\"queued\",\"num_segments\":\"1\"}")
                        .build();
            }
        });
        server.start();
        // the mock keeps every request it saw until taken: drain them, so the heap shows the gateway's, not the mock's
        drain = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    server.takeRequest();
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, "bench-drain");
        drain.setDaemon(true);
        drain.start();
        String base = server.url("/").toString();
        gateway = new HttpGateway(HttpConfig.of("twilio", base, Map.of(HttpConfig.TWILIO_ACCOUNT_SID, "ACbench",
                HttpConfig.TWILIO_AUTH_TOKEN, "bench", HttpConfig.TWILIO_FROM, "+33700000001"), 100_000, concurrency),
                Clock.systemUTC(), Delay.real());
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(concurrency, r -> new Thread(r, "bench-sender-" + n.incrementAndGet()));
    }

    @TearDown(Level.Trial)
    public void stop() {
        drain.interrupt();
        senders.shutdownNow();
        gateway.close();
        server.close();
    }

    @Benchmark
    public int sendTenThousand() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicInteger done = new AtomicInteger();
        List<Future<Boolean>> futures = new ArrayList<>(MESSAGES);
        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            String id = "b-" + i;
            futures.add(senders.submit(() -> {
                SendResult r = gateway.send(new OutgoingSms(id, "+33612345678",
                        "Léa Fleurs : -20 % samedi 🌷 STOP au 36180", false));
                int d = done.incrementAndGet();
                if (d % 2000 == 0) {
                    System.gc();
                    System.out.printf("concurrency %d: %d sent, heap used after GC %.1f MB%n", concurrency, d,
                            memory.getHeapMemoryUsage().getUsed() / 1e6);
                }
                return r instanceof SendResult.Sent;
            }));
        }
        int sent = 0;
        for (Future<Boolean> f : futures) {
            sent += f.get() ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("concurrency %d: %d of %d sent in %.1f s = %.1f messages/s%n", concurrency, sent, MESSAGES,
                seconds, sent / seconds);
        if (sent != MESSAGES) {
            throw new IllegalStateException("only " + sent + " sent");
        }
        return sent;
    }
}
