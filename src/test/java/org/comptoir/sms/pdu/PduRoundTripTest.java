package org.comptoir.sms.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.comptoir.sms.GsmAlphabet;
import org.comptoir.sms.SmsEncoding;
import org.comptoir.sms.SmsText;

/**
 * Whatever the text, encode() gives PDUs that decode back to it: as SUBMIT (what a modem emulator
 * reads) and, turned into the DELIVER the recipient's phone would get, through the DELIVER decoder and
 * the concatenation buffer.
 */
class PduRoundTripTest {

    private static final Instant SCTS = Instant.parse("2026-11-29T20:35:00Z");

    @Provide
    Arbitrary<String> gsmTexts() {
        StringBuilder alphabet = new StringBuilder();
        for (char c = 0; c < 0x2100; c++) {
            if (GsmAlphabet.isGsm(c)) {
                alphabet.append(c);
            }
        }
        return Arbitraries.strings().withChars(alphabet.toString()).ofMinLength(1).ofMaxLength(700);
    }

    @Provide
    Arbitrary<String> anyTexts() {
        // every UTF-16 unit, lone surrogates included, plus well-formed emoji pairs
        Arbitrary<String> units = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(300);
        Arbitrary<String> emoji = Arbitraries.integers().between(0x1F300, 0x1FAFF).map(Character::toString);
        return Arbitraries.oneOf(units, Arbitraries.strings().withChars("aéê€ç ").ofMaxLength(80)
                .flatMap(s -> emoji.map(e -> s + e + s)));
    }

    @Property(tries = 300)
    void gsmTextRoundTrips(@ForAll("gsmTexts") String text, @ForAll @IntRange(max = 255) int ref) {
        List<EncodedPdu> pdus = SubmitPdu.encode("+33612345678", text, ref, SubmitOptions.DEFAULTS);

        assertThat(pdus).allSatisfy(p -> assertThat(SubmitPdu.decode(p.hex()).encoding()).isEqualTo(SmsEncoding.GSM7));
        assertRoundTrip(text, ref, pdus);
    }

    @Property(tries = 300)
    void anyTextRoundTrips(@ForAll("anyTexts") String text, @ForAll @IntRange(max = 255) int ref) {
        List<EncodedPdu> pdus = SubmitPdu.encode("0612345678", text, ref,
                new SubmitOptions(false, null, false));

        assertThat(pdus).allSatisfy(p -> assertThat(SubmitPdu.decode(p.hex()).encoding())
                .isEqualTo(SmsText.encodingOf(text)));
        assertRoundTrip(text, ref, pdus);
    }

    @Property(tries = 200)
    void relativeValidityNeverShortensTheAskedPeriod(@ForAll @IntRange(min = 1, max = 60 * 24 * 7 * 63) int minutes) {
        Duration asked = Duration.ofMinutes(minutes);

        int vp = SubmitPdu.relativeValidity(asked);

        assertThat(SubmitPdu.relativeValidityDuration(vp)).isGreaterThanOrEqualTo(asked);
        if (vp > 0) {
            assertThat(SubmitPdu.relativeValidityDuration(vp - 1)).isLessThan(asked);
        }
    }

    private static void assertRoundTrip(String text, int ref, List<EncodedPdu> pdus) {
        StringBuilder fromSubmit = new StringBuilder();
        ConcatenationBuffer buffer = new ConcatenationBuffer(Duration.ofHours(1),
                java.time.Clock.fixed(SCTS, java.time.ZoneOffset.UTC));
        List<String> completed = new ArrayList<>();
        for (EncodedPdu pdu : pdus) {
            assertThat(pdu.tpduLength()).isEqualTo(pdu.hex().length() / 2 - 1); // SMSC part is the one "00"
            assertThat(pdu.totalParts()).isEqualTo(pdus.size());
            SmsSubmit submit = SubmitPdu.decode(pdu.hex());
            fromSubmit.append(submit.text());
            if (pdus.size() > 1) {
                assertThat(submit.concat()).contains(new ConcatInfo(ref, pdus.size(), pdu.partNumber()));
            }
            SmsDeliver deliver = DeliverPdu.decode(SmscRelay.toDeliver(pdu.hex()));
            assertThat(deliver.text()).isEqualTo(submit.text());
            assertThat(deliver.serviceCentreTime()).isEqualTo(SCTS);
            buffer.add(deliver).ifPresent(completed::add);
        }
        assertThat(fromSubmit).hasToString(text);
        assertThat(completed).containsExactly(text);
    }
}
