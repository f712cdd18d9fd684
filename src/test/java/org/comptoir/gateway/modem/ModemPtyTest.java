package org.comptoir.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.modem.emulator.ModemEmulator;
import org.comptoir.gateway.modem.emulator.Pdus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ModemGateway with the real jSerialComm link on one end of a socat pseudo-terminal pair and the emulator
 * on the other (plain file streams): what a USB modem looks like to the application, unplugging included.
 */
@Timeout(60) // a hang on a real pty must fail the build, not stall it
class ModemPtyTest {

    @TempDir
    Path dir;
    SocatPair socat;
    ModemEmulator emulator;
    FileInputStream emulatorIn;
    FileOutputStream emulatorOut;
    ModemGateway gateway;
    final List<GatewayState> states = new CopyOnWriteArrayList<>();
    final List<InboundSms> inbound = new CopyOnWriteArrayList<>();
    final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void needsSocat() {
        assumeTrue(SocatPair.available(), "socat is not installed (.ci/run installs it)");
    }

    void plugEmulator() throws IOException {
        emulatorIn = new FileInputStream(socat.modem.toFile());
        emulatorOut = new FileOutputStream(socat.modem.toFile());
        emulator = new ModemEmulator(emulatorIn, emulatorOut);
    }

    void startGateway() {
        ModemGateway.Config config = ModemGateway.Config.defaults(null, true)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(10))
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(400));
        gateway = ModemGateway.onPort(socat.app.toString(), config);
        gateway.setListener(new GatewayListener() {
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
        });
        gateway.connect();
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (socat != null) {
            socat.close();
        }
    }

    static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Object monitor = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            synchronized (monitor) {
                monitor.wait(25); // a polling interval with a deadline, not protocol timing
            }
        }
    }

    @Test
    void initSendReceiveAndReportOverARealPseudoTerminal() throws Exception {
        socat = new SocatPair(dir).start();
        plugEmulator();
        startGateway();
        assertThat(gateway.state()).isEqualTo(GatewayState.READY);
        assertThat(gateway.info().orElseThrow().operator()).isEqualTo("Orange F");

        SendResult r = gateway.send(new OutgoingSms("pty-1", "+33612345678",
                "Chère cliente, notre boutique a 10 ans! ".repeat(5), true));
        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(emulator.sent()).hasSize(2).allSatisfy(s -> assertThat(s.destination()).isEqualTo("+33612345678"));

        int index = emulator.receive(Pdus.deliver("+33698765432", "STOP", 0).get(0));
        await("inbound", () -> inbound.size() == 1);
        assertThat(inbound.get(0).text()).isEqualTo("STOP");
        await("deleted", () -> emulator.deleted().contains(index));

        String ref = ((SendResult.Sent) r).partReferences().get(1);
        emulator.statusReport(Pdus.statusReport(Integer.parseInt(ref), "+33612345678", 0));
        await("report", () -> reports.size() == 1);
        assertThat(reports.get(0).partReference()).isEqualTo(ref);
    }

    @Test
    void killingTheLinkDisconnectsAndRestartingItReconnectsByItself() throws Exception {
        socat = new SocatPair(dir).start();
        plugEmulator();
        startGateway();
        socat.kill();
        await("DISCONNECTED", () -> gateway.state() == GatewayState.DISCONNECTED);
        assertThat(gateway.send(new OutgoingSms("pty-2", "+33612345678", "Test", false)))
                .isInstanceOfSatisfying(SendResult.Failed.class, f -> assertThat(f.retryable()).isTrue());
        emulator.close();

        socat = new SocatPair(dir).start();
        plugEmulator();
        await("READY again", () -> gateway.state() == GatewayState.READY);
        assertThat(gateway.send(new OutgoingSms("pty-3", "+33612345678", "Retour", false)))
                .isInstanceOf(SendResult.Sent.class);
        assertThat(emulator.sent()).singleElement().satisfies(s -> assertThat(s.text()).isEqualTo("Retour"));
        assertThat(states).containsSubsequence(GatewayState.READY, GatewayState.DISCONNECTED, GatewayState.READY);
    }
}
