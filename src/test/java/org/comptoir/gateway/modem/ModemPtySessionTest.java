package org.comptoir.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.gateway.GatewayState;
import org.comptoir.i18n.UserMessage;
import org.junit.jupiter.api.Test;

/**
 * Initialisation against the emulator on a real pseudo-terminal (issue 9, items 7 and 8): LTE-only
 * registration, busy codes as vendor data, the PIN attempts left and a refusal remembered per SIM.
 */
class ModemPtySessionTest extends PtyTest {

    @Test
    void anLteOnlyModemRegisteredOnCeregIsReady() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            m.emulator.lteOnly = true; // +CREG says 2 (searching) for ever; +CEREG says 1
            ModemGateway gateway = m.gateway(PtyModem.config(Duration.ofSeconds(10)));
            ModemInfo info = assertTimeoutPreemptively(PtyModem.BOUND, gateway::connect);
            assertThat(info.registration()).isEqualTo(1);
            assertThat(gateway.state()).isEqualTo(GatewayState.READY);
            assertThat(m.emulator.commands()).contains("AT+CEREG?");
        }
    }

    @Test
    void code515MeansBusyOnlyForTheMakersWhoseProfileSaysSo() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            m.emulator.maker = "WAVECOM MODEM";
            m.emulator.cpinBusy = 2;
            ModemGateway gateway = m.gateway(PtyModem.config(Duration.ofSeconds(10)));
            assertTimeoutPreemptively(PtyModem.BOUND, gateway::connect);
            assertThat(m.emulator.commands().stream().filter("AT+CPIN?"::equals).count()).isEqualTo(3);
        }
        Path other = dir.resolve("generic");
        java.nio.file.Files.createDirectories(other);
        try (PtyModem m = new PtyModem(other)) {
            m.emulator.maker = "ACME";
            m.emulator.cpinBusy = 2;
            ModemGateway gateway = m.gateway(PtyModem.config(Duration.ofSeconds(10)));
            // not this maker's busy code: no waiting in a loop; the reconnect loop asks again later
            assertTimeoutPreemptively(PtyModem.BOUND, () -> assertThatThrownBy(gateway::connect)
                    .isInstanceOfSatisfying(ModemInitException.class,
                            e -> assertThat(e.state()).isEqualTo(GatewayState.DISCONNECTED)));
            assertThat(m.emulator.commands().stream().filter("AT+CPIN?"::equals).count()).isEqualTo(1);
        }
    }

    /** A PIN memory as the application keeps it, in a list that outlives the gateway. */
    static final class Remembered implements PinGuard {
        final List<String> refused = new ArrayList<>();

        @Override
        public boolean refused(String iccid, String pin) {
            return refused.contains(iccid + "/" + pin);
        }

        @Override
        public void refusedNow(String iccid, String pin) {
            refused.add(iccid + "/" + pin);
        }
    }

    @Test
    void aRefusedPinIsRememberedForThatSimAcrossGatewaysWithTheAttemptsLeftFromCpinr() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            m.emulator.maker = "ACME"; // generic profile: AT+CPINR (TS 27.007 §8.65)
            m.emulator.withPin("1234");
            Remembered memory = new Remembered();
            ModemGateway first = m.gateway(PtyModem.config(Duration.ofSeconds(10)).withPin("0000"));
            first.setPinGuard(memory);
            assertTimeoutPreemptively(PtyModem.BOUND, () -> assertThatThrownBy(first::connect)
                    .isInstanceOfSatisfying(ModemInitException.class, e -> assertThat(e.userMessage())
                            .isEqualTo(UserMessage.of("modem.error.pin.wrong.left", "CME 16", 2))));
            first.close();
            assertThat(memory.refused).containsExactly("89330123456789012345/0000");

            // the next run: a new gateway, the same wrong PIN, the same SIM — it is not offered
            ModemGateway second = m.gateway(PtyModem.config(Duration.ofSeconds(10)).withPin("0000"));
            second.setPinGuard(memory);
            assertTimeoutPreemptively(PtyModem.BOUND, () -> assertThatThrownBy(second::connect)
                    .isInstanceOfSatisfying(ModemInitException.class, e -> {
                        assertThat(e.state()).isEqualTo(GatewayState.NEEDS_PIN);
                        assertThat(e.userMessage()).isEqualTo(UserMessage.of("modem.error.pin.refused.before", 2));
                    }));
            second.close();
            assertThat(m.emulator.pinsOffered()).containsExactly("0000");

            // another SIM in the same modem is another card: the refusal was not about it
            m.emulator.iccid = "89330999999999999999";
            ModemGateway third = m.gateway(PtyModem.config(Duration.ofSeconds(10)).withPin("0000"));
            third.setPinGuard(memory);
            assertTimeoutPreemptively(PtyModem.BOUND, () -> assertThatThrownBy(third::connect)
                    .isInstanceOf(ModemInitException.class));
            assertThat(m.emulator.pinsOffered()).containsExactly("0000", "0000");
        }
    }
}
