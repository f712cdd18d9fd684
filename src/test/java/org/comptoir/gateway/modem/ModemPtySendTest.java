package org.comptoir.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import org.comptoir.MutableClock;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.sms.pdu.SubmitOptions;
import org.comptoir.sms.pdu.SubmitPdu;
import org.junit.jupiter.api.Test;

/** What the SMS-SUBMIT carries, read by the emulator on a real pseudo-terminal: validity period and sender. */
class ModemPtySendTest extends PtyTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    ModemGateway gateway(PtyModem m, MutableClock clock) {
        m.gateway = new ModemGateway(m.socat.app.toString(), () -> JSerialCommLink.open(m.socat.app.toString()),
                PtyModem.config(Duration.ofSeconds(10)), clock);
        m.gateway.setListener(m);
        return m.gateway;
    }

    @Test
    void theEndOfValidityIsSentAsARelativeValidityRoundedDownAndTheSenderNameIsIgnored() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            ModemGateway gateway = gateway(m, new MutableClock(NOW));
            assertTimeoutPreemptively(PtyModem.BOUND, () -> {
                gateway.connect();
                // 2 h 12 min left: TP-VP 25 (130 min); rounding up would give 26 (135 min), past the window
                SendResult r = gateway.send(new OutgoingSms("v-1", "+33612345678", "Promo", false,
                        NOW.plus(Duration.ofMinutes(132)), "BOUTIQUE"));
                assertThat(r).isInstanceOf(SendResult.Sent.class);
            });
            String expected = SubmitPdu.encode("+33612345678", "Promo", 0, SubmitOptions.defaults()
                    .withStatusReport(false).withValidity(Duration.ofMinutes(130))).get(0).hex();
            assertThat(SubmitPdu.relativeValidity(Duration.ofMinutes(130))).isEqualTo(25);
            assertThat(m.emulator.sent()).singleElement().satisfies(s -> {
                assertThat(s.hex()).isEqualTo(expected);
                assertThat(s.hex()).doesNotContain("424F55"); // no trace of the name: a SUBMIT has no originator
            });
        }
    }

    @Test
    void aMessageWhoseValidityEndsInLessThanTheShortestPeriodIsRefusedWithoutWritingAnything() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            ModemGateway gateway = gateway(m, new MutableClock(NOW));
            assertTimeoutPreemptively(PtyModem.BOUND, () -> {
                gateway.connect();
                SendResult r = gateway.send(new OutgoingSms("v-2", "+33612345678", "Promo", false,
                        NOW.plus(Duration.ofMinutes(4)), null));
                assertThat(r).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
                    assertThat(f.retryable()).isFalse();
                    assertThat(f.error().message().key()).isEqualTo("modem.error.validity.short");
                });
            });
            assertThat(m.emulator.sent()).isEmpty();
            assertThat(m.emulator.commands()).noneMatch(c -> c.startsWith("AT+CMGS"));
        }
    }

    @Test
    void validityRoundsDownAtEveryRangeOfTheOctet() {
        assertThat(SubmitSender.validityWithin(Duration.ofMinutes(5))).contains(Duration.ofMinutes(5));
        assertThat(SubmitSender.validityWithin(Duration.ofMinutes(9))).contains(Duration.ofMinutes(5));
        assertThat(SubmitSender.validityWithin(Duration.ofHours(13).plusMinutes(10)))
                .contains(Duration.ofHours(13));
        assertThat(SubmitSender.validityWithin(Duration.ofDays(3).plusHours(23))).contains(Duration.ofDays(3));
        assertThat(SubmitSender.validityWithin(Duration.ofDays(400))).contains(Duration.ofDays(7 * 57));
        assertThat(SubmitSender.validityWithin(Duration.ofDays(500))).contains(Duration.ofDays(7 * 63));
        assertThat(SubmitSender.validityWithin(Duration.ofMinutes(4))).isEmpty();
    }
}
