package org.comptoir.gateway.modem;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.modem.emulator.EmulatedModem;
import org.comptoir.gateway.modem.emulator.ModemEmulator;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/** A ModemGateway on an emulated modem that can be unplugged and plugged back; records every event. */
final class GatewayFixture implements GatewayListener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    final EmulatedModem modem = new EmulatedModem();
    volatile boolean present = true;
    final List<GatewayState> states = new CopyOnWriteArrayList<>();
    final List<InboundSms> inbound = new CopyOnWriteArrayList<>();
    final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();
    /** What the emulator had stored/deleted at the moment the listener was called. */
    final List<String> atInboundCall = new CopyOnWriteArrayList<>();
    volatile RuntimeException inboundFailure;
    private final List<Runnable> waiters = new CopyOnWriteArrayList<>();
    ModemGateway gateway;

    GatewayFixture(String pin) {
        this(pin, Duration.ofSeconds(5));
    }

    GatewayFixture(String pin, Duration sendTimeout) {
        ModemGateway.Config config = ModemGateway.Config.defaults(pin, true)
                .withTimeouts(Duration.ofMillis(800), Duration.ofSeconds(1), sendTimeout)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
        config = config.withPoll(Duration.ofHours(1), Duration.ofHours(1));
        gateway = new ModemGateway("emulator", this::open, config);
        gateway.setListener(this);
    }

    private SerialLink open() {
        if (!present) {
            throw new ComptoirException(UserMessage.of("modem.port.missing", "emulator"));
        }
        if (!modem.link().isOpen()) {
            ModemEmulator old = modem.emulator();
            modem.plug();
            modem.emulator().takeOver(old);
        }
        return modem.link();
    }

    ModemEmulator emulator() {
        return modem.emulator();
    }

    /** Waits (on events, not a sleep) until {@code condition} holds, or fails after {@link #WAIT}. */
    void await(String what, Predicate<GatewayFixture> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(this)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; states " + states);
            }
            CompletableFuture<Void> tick = new CompletableFuture<>();
            Runnable w = () -> tick.complete(null);
            waiters.add(w);
            try {
                tick.get(50, TimeUnit.MILLISECONDS); // woken early by any gateway event
            } catch (java.util.concurrent.TimeoutException ignored) {
                // look again
            } finally {
                waiters.remove(w);
            }
        }
    }

    private void wake() {
        waiters.forEach(Runnable::run);
    }

    @Override
    public void onDeliveryReport(DeliveryReport report) {
        reports.add(report);
        wake();
    }

    @Override
    public void onInbound(InboundSms sms) {
        atInboundCall.add("stored=" + emulator().stored().keySet() + " deleted=" + emulator().deleted());
        RuntimeException f = inboundFailure;
        if (f != null) {
            throw f;
        }
        inbound.add(sms);
        wake();
    }

    @Override
    public void onStateChanged(GatewayState state) {
        states.add(state);
        wake();
    }

    @Override
    public void close() {
        gateway.close();
        modem.close();
    }
}
