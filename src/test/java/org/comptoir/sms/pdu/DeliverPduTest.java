package org.comptoir.sms.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import org.comptoir.sms.SmsEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors: see docs/pdu.md; each one below was also decoded by node-pdu 2.1.1 with the same result. */
class DeliverPduTest {

    @Test
    void classicHowAreYouWithSmscAndUtcTimeZone() {
        SmsDeliver sms = DeliverPdu.decode(
                "07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07");

        assertThat(sms.originator()).isEqualTo("+31641600986");
        assertThat(sms.text()).isEqualTo("How are you?");
        assertThat(sms.encoding()).isEqualTo(SmsEncoding.GSM7);
        // TZ octet 08: sign bit set on zero quarter-hours, i.e. UTC
        assertThat(sms.serviceCentreTime()).isEqualTo(Instant.parse("2002-08-26T19:37:41Z"));
        assertThat(sms.concat()).isEmpty();
        assertThat(sms.dataCoding().messageClass()).isEmpty();
    }

    /**
     * REFERENCE.md §4.7: the classic hellohello DELIVER from a TON-100 (abbreviated, C8) number, and an
     * alphanumeric originator (TON 101, type D0) packed in GSM-7.
     */
    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource({
        "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37, 27838890001, hellohello,"
                + " 1999-03-29T15:16:59+02:00",
        "07913396999999F90410D0CC72D8C82ED7E57300006201510103008007C2B75BFDAECB01, LeaFleurs, Bonjour,"
                + " 2026-10-15T10:30:00+02:00",
    })
    void referenceDelivers(String hex, String originator, String text, OffsetDateTime serviceCentreTime) {
        SmsDeliver sms = DeliverPdu.decode(hex);

        assertThat(sms.originator()).isEqualTo(originator);
        assertThat(sms.text()).isEqualTo(text);
        assertThat(sms.serviceCentreTime()).isEqualTo(serviceCentreTime.toInstant());
    }

    @Test
    void ucs2PartWithSixteenBitReferenceFromNationalNumber() {
        SmsDeliver sms = DeliverPdu.decode(
                "00440A8160214365870008621192025300401506080412340201004D0065007200630069002000EA");

        assertThat(sms.originator()).isEqualTo("0612345678");
        assertThat(sms.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(sms.text()).isEqualTo("Merci ê");
        assertThat(sms.concat()).contains(new ConcatInfo(0x1234, 2, 1));
        assertThat(sms.serviceCentreTime()).isEqualTo(OffsetDateTime.parse("2026-11-29T20:35:00+01:00").toInstant());
    }

    /** GSM-7 after a 7-octet header (16-bit reference): 56 bits = 8 septets, so no fill bit (REFERENCE.md §4.5). */
    @Test
    void gsmPartWithSixteenBitReferenceHasNoFillBit() {
        SmsDeliver sms = DeliverPdu.decode("00440B913316325476F80000621192025300400D060804123402014334415E06");

        assertThat(sms.text()).isEqualTo("Chère");
        assertThat(sms.concat()).contains(new ConcatInfo(0x1234, 2, 1));
    }

    @Test
    void eightBitDataWithClassAndNegativeTimeZone() {
        String hex = "00040B913316325476F800F56211920253000A034869E9";

        SmsDeliver asHex = DeliverPdu.decode(hex);
        SmsDeliver asLatin1 = DeliverPdu.decode(hex, EightBitText.LATIN1);

        assertThat(asHex.text()).isEqualTo("4869E9");
        assertThat(asLatin1.text()).isEqualTo("Hié");
        assertThat(asHex.dataCoding()).isEqualTo(new DataCoding(DataCoding.Alphabet.EIGHT_BIT, OptionalInt.of(1)));
        assertThat(asHex.encoding()).isEqualTo(SmsEncoding.UCS2);
        // TZ octet 0A: tens digit 2 with the sign bit, units 0 → −20 quarter-hours
        assertThat(asHex.serviceCentreTime()).isEqualTo(OffsetDateTime.parse("2026-11-29T20:35:00-05:00").toInstant());
    }

    @ParameterizedTest
    @CsvSource({
        "00, GSM7,      -1",
        "10, GSM7,       0",
        "11, GSM7,       1",
        "04, EIGHT_BIT, -1",
        "08, UCS2,      -1",
        "18, UCS2,       0",
        "48, UCS2,      -1",
        "C0, GSM7,      -1",
        "D8, GSM7,      -1",
        "E0, UCS2,      -1",
        "F0, GSM7,       0",
        "F6, EIGHT_BIT,  2",
    })
    void dataCodingGroups(String dcs, DataCoding.Alphabet alphabet, int messageClass) {
        DataCoding coding = DataCoding.of(Integer.parseInt(dcs, 16));

        assertThat(coding.alphabet()).isEqualTo(alphabet);
        assertThat(coding.messageClass())
                .isEqualTo(messageClass < 0 ? OptionalInt.empty() : OptionalInt.of(messageClass));
    }

    @Test
    void flashMessageKeepsItsClass() {
        SmsDeliver sms = DeliverPdu.decode(
                "07917283010010F5040BC87238880900F10010993092516195800AE8329BFD4697D9EC37");

        assertThat(sms.text()).isEqualTo("hellohello");
        assertThat(sms.dataCoding().messageClass()).hasValue(0);
    }

    @ParameterizedTest
    @CsvSource({
        // compressed GSM-7, reserved alphabet 11, reserved group 1000
        "20", "0C", "80",
    })
    void refusesCodingsItCannotRead(String dcs) {
        String hex = "07917283010010F5040BC87238880900F100" + dcs + "993092516195800AE8329BFD4697D9EC37";

        assertThatThrownBy(() -> DeliverPdu.decode(hex))
                .isInstanceOf(PduException.class)
                .hasMessageContaining("DCS " + dcs)
                .extracting(e -> ((PduException) e).code()).isEqualTo(PduException.Code.UNSUPPORTED);
    }

    @ParameterizedTest
    @CsvSource({
        "'',                                                             BAD_HEX",
        "07917283010010F5040BC87238880900F1000099309251619580ZZ,         BAD_HEX",
        // full-width digits: Character.digit takes them for hex, HexFormat does not
        "07917283010010F5040BC87238880900F1000099309251619580００, BAD_HEX",
        // lower case is hex too: this one gets past the hex check and only fails later
        "07917283010010f5040bc8723888,                                   TRUNCATED",
        "07917283010010F5040BC87238880900F10000993092516195800AE8329BF,  BAD_HEX",
        "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD, TRUNCATED",
        "07917283010010F5040BC872388809,                                 TRUNCATED",
        "0791728301,                                                     TRUNCATED",
        "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC3700, INCONSISTENT_LENGTH",
        "07917283010010F5040BC87238880900F1000099309251619580A1E8329BFD4697D9EC37,   INCONSISTENT_LENGTH",
        "07913396999999F906050B913316325476F8620151010300806201510103508000,         WRONG_TYPE",
        "0011000B916407281553F80000AA0AE8329BFD4697D9EC37,                           WRONG_TYPE",
        // UDHI set, header length 0x09 beyond the 4 octets of user data
        "00440A8160214365870008621192025300400409080412,                            INCONSISTENT_LENGTH",
        // 16-bit IE claiming 6 octets inside a 5-octet header
        "00440A81602143658700086211920253004006050806123400,                          INCONSISTENT_LENGTH",
        // month 13
        "07917283010010F5040BC87238880900F10000993192516195800AE8329BFD4697D9EC37,   UNSUPPORTED",
    })
    void malformedPdusFailWithAStableCode(String hex, PduException.Code code) {
        assertThatThrownBy(() -> DeliverPdu.decode(hex))
                .isInstanceOf(PduException.class)
                .extracting(e -> ((PduException) e).code()).isEqualTo(code);
    }

    @Test
    void concatenationHeaderWithBadSequenceIsIgnoredAsTheStandardAsks() {
        // IEI 00 part 3 of 2, followed by the text "Hi" in UCS-2
        SmsDeliver sms = DeliverPdu.decode(
                "00440A8160214365870008621192025300400A0500030A020300480069");

        assertThat(sms.concat()).isEqualTo(Optional.empty());
        assertThat(sms.text()).isEqualTo("Hi");
    }

    @Test
    void pduTypeTellsWhatAListedPduIs() {
        assertThat(PduType.of("07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07"))
                .isEqualTo(PduType.DELIVER);
        assertThat(PduType.of("0011000B916407281553F80000AA0AE8329BFD4697D9EC37")).isEqualTo(PduType.SUBMIT);
        assertThat(PduType.of("07913396999999F906050B913316325476F8620151010300806201510103508000"))
                .isEqualTo(PduType.STATUS_REPORT);
    }
}
