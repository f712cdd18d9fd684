package org.comptoir.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.junit.jupiter.api.Test;

/**
 * Recovery against the emulator on a real pseudo-terminal (issue 9, items 4 and 5): an unplug that lasts
 * longer than the first back-off, then a replug; an answer that comes after the command's timeout.
 */
class ModemPtyRecoveryTest extends PtyTest {

    @Test
    void anUnplugLongerThanTheFirstBackOffIsRetriedUntilTheModemIsBack() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            ModemGateway gateway = m.gateway(PtyModem.config(Duration.ofSeconds(10)));
            assertTimeoutPreemptively(PtyModem.BOUND, () -> {
                gateway.connect();
                m.unplug();
                // three failed attempts at least: the loop goes on past the first back-off (100, 200, 400 ms...)
                PtyModem.await("several attempts", () -> m.states.stream()
                        .filter(s -> s == GatewayState.CONNECTING).count() >= 3
                        && gateway.state() == GatewayState.DISCONNECTED);
                assertThat(gateway.problem()).hasValueSatisfying(p -> {
                    assertThat(p.key()).isEqualTo("modem.unplugged");
                    assertThat(p.args()).containsExactly(m.socat.app.toString());
                });
                m.replug();
                PtyModem.await("READY after the replug", () -> gateway.state() == GatewayState.READY);
                assertThat(gateway.send(new OutgoingSms("r-1", "+33612345678", "Retour", false)))
                        .isInstanceOf(SendResult.Sent.class);
            });
            assertThat(m.emulator.sent()).extracting(s -> s.text()).containsExactly("Retour");
            assertThat(m.states).containsSubsequence(GatewayState.READY, GatewayState.DISCONNECTED,
                    GatewayState.CONNECTING, GatewayState.DISCONNECTED, GatewayState.CONNECTING,
                    GatewayState.DISCONNECTED, GatewayState.READY);
        }
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsNotTakenForTheNextMessages() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            // 1 s for the network to take a part; the first answer comes 1.5 s late, inside the next prompt wait
            ModemGateway gateway = m.gateway(PtyModem.config(Duration.ofSeconds(1)));
            assertTimeoutPreemptively(PtyModem.BOUND, () -> {
                gateway.connect();
                gateway.awaitIdle();
                m.emulator.lateNextSend = Duration.ofMillis(1500);
                SendResult first = gateway.send(new OutgoingSms("l-1", "+33612345678", "Premier", false));
                assertThat(first).isInstanceOf(SendResult.Unknown.class);
                SendResult second = gateway.send(new OutgoingSms("l-2", "+33612345679", "Second", false));
                PtyModem.await("both on the air", () -> m.emulator.sent().size() == 2);
                int secondMr = m.emulator.sent().get(1).mr();
                assertThat(second).isEqualTo(new SendResult.Sent(java.util.List.of(String.valueOf(secondMr))));
                assertThat(m.emulator.sent().get(1).text()).isEqualTo("Second");
                // and the channel stays in step for the commands after
                assertThat(gateway.send(new OutgoingSms("l-3", "+33612345670", "Troisième", false)))
                        .isEqualTo(new SendResult.Sent(java.util.List.of(String.valueOf(secondMr + 1))));
            });
            assertThat(gateway.state()).isEqualTo(GatewayState.READY);
        }
    }
}
