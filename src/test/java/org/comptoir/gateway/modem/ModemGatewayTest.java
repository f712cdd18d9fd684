package org.comptoir.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.sms.pdu.SubmitOptions;
import org.comptoir.sms.pdu.SubmitPdu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ModemGateway against the emulator over in-memory pipes: init, PIN, sending, failures, reconnection. */
class ModemGatewayTest {

    GatewayFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    GatewayFixture ready(String pin) {
        f = new GatewayFixture(pin);
        f.gateway.connect();
        return f;
    }

    @Test
    void initialisationFindsTheModemAndSetsPduModeAndIndications() {
        ModemInfo info = ready(null).gateway.connect();
        assertThat(info.maker()).isEqualTo("huawei");
        assertThat(info.model()).isEqualTo("E3372");
        assertThat(info.operator()).isEqualTo("Orange F");
        assertThat(info.operatorNumeric()).isEqualTo("20801");
        assertThat(info.signalBars()).isEqualTo(4);
        assertThat(info.profile()).isEqualTo("huawei");
        assertThat(info.frenchSim()).isTrue();
        assertThat(f.gateway.state()).isEqualTo(GatewayState.READY);
        List<String> cmds = f.emulator().commands();
        assertThat(cmds).containsSubsequence("AT", "ATE0", "AT+CMEE=1", "AT+CGMI", "AT^CURC=0", "AT+CPIN?",
                "AT+CREG?", "AT+CSQ", "AT+CMGF=0", "AT+CPMS=\"SM\",\"SM\",\"SM\"", "AT+CNMI=2,1,0,2,0");
    }

    @Test
    void thePinIsOfferedOnceWhenTheSimAsks() {
        f = new GatewayFixture("1234");
        f.emulator().withPin("1234");
        f.gateway.connect();
        assertThat(f.emulator().pinsOffered()).containsExactly("1234");
        assertThat(f.gateway.state()).isEqualTo(GatewayState.READY);
    }

    @Test
    void aWrongPinFailsAndIsNeverOfferedAgain() throws Exception {
        f = new GatewayFixture("0000");
        f.emulator().withPin("1234");
        assertThatThrownBy(() -> f.gateway.connect()).isInstanceOf(ModemInitException.class)
                .extracting(e -> ((ModemInitException) e).userMessage())
                .isEqualTo(org.comptoir.i18n.UserMessage.of("modem.error.pin.wrong.left", "CME 16", 2));
        assertThat(f.gateway.state()).isEqualTo(GatewayState.FAILED);
        // a second attempt (the owner clicks "check" again) must not burn another SIM attempt
        assertThatThrownBy(() -> f.gateway.connect()).isInstanceOf(ModemInitException.class);
        assertThat(f.gateway.state()).isEqualTo(GatewayState.NEEDS_PIN);
        assertThat(f.emulator().pinsOffered()).containsExactly("0000");
        assertThat(f.emulator().simState()).isEqualTo("SIM PIN");
        // a new PIN typed by the owner is offered, once
        f.gateway.setPin("1234");
        f.gateway.connect();
        assertThat(f.emulator().pinsOffered()).containsExactly("0000", "1234");
    }

    @Test
    void noPinGivenMeansNeedsPin() {
        f = new GatewayFixture(null);
        f.emulator().withPin("1234");
        assertThatThrownBy(() -> f.gateway.connect()).isInstanceOf(ModemInitException.class);
        assertThat(f.gateway.state()).isEqualTo(GatewayState.NEEDS_PIN);
        assertThat(f.emulator().pinsOffered()).isEmpty();
    }

    @Test
    void noNetworkIsRetriedByItselfUntilTheModemRegisters() throws Exception {
        f = new GatewayFixture(null);
        f.emulator().registered = false;
        assertThatThrownBy(() -> f.gateway.connect()).isInstanceOf(ModemInitException.class)
                .extracting(e -> ((ModemInitException) e).userMessage().key()).isEqualTo("modem.error.no.network");
        assertThat(f.states).contains(GatewayState.DISCONNECTED);
        f.emulator().registered = true;
        f.await("READY after registration", x -> x.gateway.state() == GatewayState.READY);
    }

    @Test
    void aSinglePartIsWrittenExactlyAndItsReferenceReturned() {
        ready(null);
        SendResult r = f.gateway.send(new OutgoingSms("o-1", "+33612345678", "Bonjour, -20% samedi", true));
        assertThat(r).isEqualTo(new SendResult.Sent(List.of("1")));
        String expected = SubmitPdu.encode("+33612345678", "Bonjour, -20% samedi", 0, SubmitOptions.defaults())
                .get(0).hex();
        assertThat(f.emulator().sent()).singleElement().satisfies(s -> {
            assertThat(s.hex()).isEqualTo(expected);
            assertThat(s.destination()).isEqualTo("+33612345678");
            assertThat(s.text()).isEqualTo("Bonjour, -20% samedi");
        });
    }

    @Test
    void aLongMessageGoesAsPartsWithOneReferenceEachAndTheRelayLinkKeptOpen() {
        ready(null);
        String text = "Chère cliente, notre boutique a 10 ans! ".repeat(6);
        SendResult r = f.gateway.send(new OutgoingSms("o-2", "+33612345678", text, false));
        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(((SendResult.Sent) r).partReferences()).containsExactly("1", "2");
        var sent = f.emulator().sent();
        assertThat(sent).extracting(s -> s.partNumber()).containsExactly(1, 2);
        assertThat(sent.get(0).concatRef()).isEqualTo(sent.get(1).concatRef());
        assertThat(sent).allSatisfy(s -> assertThat(s.totalParts()).isEqualTo(2));
        List<String> cmds = f.emulator().commands();
        int first = cmds.indexOf("AT+CMMS=1");
        assertThat(first).isPositive();
        assertThat(cmds.get(first + 1)).startsWith("AT+CMGS=");
    }

    @Test
    void networkRefusalsSayWhetherToRetry() {
        ready(null);
        f.emulator().failNextSend(42);
        SendResult congestion = f.gateway.send(new OutgoingSms("o-3", "+33612345678", "Test", false));
        assertThat(congestion).isInstanceOfSatisfying(SendResult.Failed.class, x -> {
            assertThat(x.retryable()).isTrue();
            assertThat(x.error().code()).isEqualTo("CMS 42");
            assertThat(x.error().message().key()).isEqualTo("modem.error.congestion");
        });
        f.emulator().failNextSend(1);
        SendResult unassigned = f.gateway.send(new OutgoingSms("o-4", "+33612345678", "Test", false));
        assertThat(unassigned).isInstanceOfSatisfying(SendResult.Failed.class,
                x -> assertThat(x.retryable()).isFalse());
        f.emulator().failNextSend(332);
        assertThat(f.gateway.send(new OutgoingSms("o-5", "+33612345678", "Test", false)))
                .isInstanceOf(SendResult.Unknown.class);
        assertThat(f.gateway.state()).isEqualTo(GatewayState.READY);
    }

    @Test
    void aModemVanishingAfterThePromptLeavesTheFateUnknownThenReconnects() throws Exception {
        ready(null);
        f.present = false;
        f.emulator().vanishMidSend = true;
        SendResult r = f.gateway.send(new OutgoingSms("o-6", "+33612345678", "Test", false));
        assertThat(r).isInstanceOf(SendResult.Unknown.class);
        f.await("DISCONNECTED", x -> x.gateway.state() == GatewayState.DISCONNECTED);
        // the sentence names the port once ("Le modem sur emulator", not "Le modem sur modem emulator")
        assertThat(f.gateway.problem()).hasValueSatisfying(p -> assertThat(p.args()).containsExactly("emulator"));
        assertThat(org.comptoir.i18n.Messages.forLanguage("fr").render(f.gateway.problem().orElseThrow()))
                .doesNotContain("modem emulator");
        // while it is away, sending fails without writing anything, and may be retried
        assertThat(f.gateway.send(new OutgoingSms("o-7", "+33612345678", "Test", false)))
                .isInstanceOfSatisfying(SendResult.Failed.class, x -> assertThat(x.retryable()).isTrue());
        f.present = true;
        f.await("READY after replug", x -> x.gateway.state() == GatewayState.READY);
        assertThat(f.gateway.send(new OutgoingSms("o-8", "+33612345678", "Test", false)))
                .isInstanceOf(SendResult.Sent.class);
        assertThat(f.states).containsSubsequence(GatewayState.READY, GatewayState.DISCONNECTED,
                GatewayState.CONNECTING, GatewayState.READY);
    }

    @Test
    void aHungModemTimesOutThenCountsAsDisconnected() throws Exception {
        ready(null);
        f.await("catch-up poll", x -> x.emulator().commands().contains("AT+CMGL=4"));
        f.gateway.awaitIdle();
        f.emulator().silent = true;
        f.present = false;
        for (int i = 0; i < 3; i++) {
            SendResult r = f.gateway.send(new OutgoingSms("o-" + i, "+33612345678", "Test", false));
            assertThat(r).isInstanceOfSatisfying(SendResult.Failed.class, x -> assertThat(x.retryable()).isTrue());
        }
        f.await("DISCONNECTED after 3 silent commands", x -> x.gateway.state() == GatewayState.DISCONNECTED);
    }

    @Test
    void aSlowNetworkWithinTheTimeoutIsFineButSilenceAfterThePduIsUnknown() throws Exception {
        f = new GatewayFixture(null, Duration.ofMillis(700));
        f.gateway.connect();
        f.await("catch-up poll", x -> x.emulator().commands().contains("AT+CMGL=4"));
        f.gateway.awaitIdle();
        f.emulator().sendDelay = Duration.ofMillis(200);
        assertThat(f.gateway.send(new OutgoingSms("o-s1", "+33612345678", "Lent", false)))
                .isInstanceOf(SendResult.Sent.class);
        f.emulator().sendDelay = Duration.ofSeconds(3);
        SendResult late = f.gateway.send(new OutgoingSms("o-s2", "+33612345678", "Trop lent", false));
        // the PDU was written and the network had not answered: it may still leave, so never resend it
        assertThat(late).isInstanceOf(SendResult.Unknown.class);
        assertThat(f.emulator().sent()).extracting(s -> s.text()).containsExactly("Lent", "Trop lent");
    }
}
