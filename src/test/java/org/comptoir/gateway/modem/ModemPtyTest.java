package org.comptoir.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.modem.emulator.Pdus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ModemGateway with the real jSerialComm link on one end of a socat pseudo-terminal pair and the emulator
 * on the other (plain file streams): what a USB modem looks like to the application, unplugging included.
 */
@Timeout(60) // a hang on a real pty must fail the build, not stall it
class ModemPtyTest extends PtyTest {

    @Test
    void initSendReceiveAndReportOverARealPseudoTerminal() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            ModemGateway gateway = m.gateway(PtyModem.config(Duration.ofSeconds(10)));
            gateway.connect();
            assertThat(gateway.state()).isEqualTo(GatewayState.READY);
            assertThat(gateway.info().orElseThrow().operator()).isEqualTo("Orange F");

            SendResult r = gateway.send(new OutgoingSms("pty-1", "+33612345678",
                    "Chère cliente, notre boutique a 10 ans! ".repeat(5), true));
            assertThat(r).isInstanceOf(SendResult.Sent.class);
            assertThat(m.emulator.sent()).hasSize(2)
                    .allSatisfy(s -> assertThat(s.destination()).isEqualTo("+33612345678"));

            int index = m.emulator.receive(Pdus.deliver("+33698765432", "STOP", 0).get(0));
            PtyModem.await("inbound", () -> m.inbound.size() == 1);
            assertThat(m.inbound.get(0).text()).isEqualTo("STOP");
            PtyModem.await("deleted", () -> m.emulator.deleted().contains(index));

            String ref = ((SendResult.Sent) r).partReferences().get(1);
            m.emulator.statusReport(Pdus.statusReport(Integer.parseInt(ref), "+33612345678", 0));
            PtyModem.await("report", () -> m.reports.size() == 1);
            assertThat(m.reports.get(0).partReference()).isEqualTo(ref);
        }
    }

    @Test
    void killingTheLinkDisconnectsAndRestartingItReconnectsByItself() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            ModemGateway gateway = m.gateway(PtyModem.config(Duration.ofSeconds(10)));
            gateway.connect();
            m.unplug();
            PtyModem.await("DISCONNECTED", () -> gateway.state() == GatewayState.DISCONNECTED);
            assertThat(gateway.send(new OutgoingSms("pty-2", "+33612345678", "Test", false)))
                    .isInstanceOfSatisfying(SendResult.Failed.class, f -> assertThat(f.retryable()).isTrue());

            m.replug();
            PtyModem.await("READY again", () -> gateway.state() == GatewayState.READY);
            assertThat(gateway.send(new OutgoingSms("pty-3", "+33612345678", "Retour", false)))
                    .isInstanceOf(SendResult.Sent.class);
            assertThat(m.emulator.sent()).singleElement().satisfies(s -> assertThat(s.text()).isEqualTo("Retour"));
            assertThat(m.states).containsSubsequence(GatewayState.READY, GatewayState.DISCONNECTED,
                    GatewayState.READY);
        }
    }
}
