package org.comptoir.gateway.modem.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.gateway.modem.emulator.EmulatedModem;
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
 * Messages per minute through ModemGateway.send and the emulator over in-memory pipes: the cost of the
 * AT layer alone (delay 0) and with a network that takes 3 s to accept each message (what real modems
 * show). Run: {@code mvn -B -Pbench test-compile exec:exec -Dbench=ModemGatewayBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MINUTES)
@Fork(1)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 2, time = 10)
public class ModemGatewayBenchmark {

    @Param({"0", "3000"})
    public int sendDelayMs;

    /** A single-part GSM-7 text; a two-part one costs twice the AT exchanges. */
    @Param({"single"})
    public String text;

    private EmulatedModem modem;
    private ModemGateway gateway;
    private final AtomicLong ids = new AtomicLong();

    @Setup(Level.Trial)
    public void connect() {
        modem = new EmulatedModem();
        modem.emulator().sendDelay = Duration.ofMillis(sendDelayMs);
        gateway = new ModemGateway("bench", modem::link, ModemGateway.Config.defaults(null, true));
        gateway.connect();
    }

    @TearDown(Level.Trial)
    public void close() {
        gateway.close();
        modem.close();
    }

    @Benchmark
    public SendResult send() {
        SendResult r = gateway.send(new OutgoingSms("b-" + ids.incrementAndGet(), "+33612345678",
                "Léa Fleurs: -20% samedi! STOP au 36180", true));
        if (!(r instanceof SendResult.Sent)) {
            throw new IllegalStateException("not sent: " + r);
        }
        return r;
    }
}
