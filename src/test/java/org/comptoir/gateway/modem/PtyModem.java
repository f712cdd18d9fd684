package org.comptoir.gateway.modem;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.modem.emulator.ModemEmulator;

/**
 * The emulator behind a real pseudo-terminal made by socat, the gateway on the other end through
 * jSerialComm; {@link #unplug()} kills socat (the device node vanishes, as a pulled USB stick) and
 * {@link #replug()} brings the same modem back on the same path. Records what the gateway reported.
 */
public final class PtyModem implements GatewayListener, AutoCloseable {

    /** Far above what a pty test's work takes, so a deadlock fails the test instead of hanging it. */
    public static final java.time.Duration BOUND = java.time.Duration.ofSeconds(90);

    final Path dir;
    public SocatPair socat;
    public volatile ModemEmulator emulator;
    public ModemGateway gateway;
    volatile boolean stores = true;
    final List<GatewayState> states = new CopyOnWriteArrayList<>();
    final List<InboundSms> inbound = new CopyOnWriteArrayList<>();
    public final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();

    /** Skips the calling test when socat is not installed ({@code .ci/run} installs it). */
    public static void assumeSocat() {
        org.junit.jupiter.api.Assumptions.assumeTrue(SocatPair.available(),
                "socat is not installed (.ci/run installs it)");
    }

    public PtyModem(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        socat = new SocatPair(dir).start();
        emulator = plugEmulator();
    }

    private ModemEmulator plugEmulator() throws IOException {
        return new ModemEmulator(new FileInputStream(socat.modem.toFile()), new FileOutputStream(socat.modem.toFile()));
    }

    /** Short timeouts so a test of lateness stays short; reconnect back-off 100 ms doubling to 400 ms. */
    public static ModemGateway.Config config(Duration send) {
        return ModemGateway.Config.defaults(null, true)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), send)
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(400))
                .withPoll(Duration.ofHours(1), Duration.ofHours(1));
    }

    public ModemGateway gateway(ModemGateway.Config config) {
        gateway = ModemGateway.onPort(socat.app.toString(), config);
        gateway.setListener(this);
        return gateway;
    }

    void unplug() throws InterruptedException {
        socat.kill();
    }

    /** The same modem (SIM, storage, history) on a new pty pair at the same path. */
    void replug() throws IOException, InterruptedException {
        ModemEmulator old = emulator;
        old.close();
        socat = new SocatPair(dir).start();
        ModemEmulator fresh = plugEmulator();
        fresh.takeOver(old);
        emulator = fresh;
    }

    /** Polls {@code condition} every 25 ms until it holds, failing after 20 s: a deadline, not protocol timing. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Object monitor = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            synchronized (monitor) {
                monitor.wait(25);
            }
        }
    }

    @Override
    public boolean storesInbound() {
        return stores;
    }

    @Override
    public void onDeliveryReport(DeliveryReport report) {
        reports.add(report);
    }

    @Override
    public void onInbound(InboundSms sms) {
        inbound.add(sms);
    }

    @Override
    public void onStateChanged(GatewayState state) {
        states.add(state);
    }

    @Override
    public void close() throws InterruptedException {
        // socat removes its links on exit: stop it before the temporary folder is cleaned
        if (gateway != null) {
            gateway.close();
        }
        emulator.close();
        socat.close();
    }
}
