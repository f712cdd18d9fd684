package org.comptoir.sms.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.comptoir.sms.SmsEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SubmitPduTest {

    private static final SubmitOptions VP24_SRR = new SubmitOptions(true, Duration.ofHours(24), false);

    /** REFERENCE.md §4.4, cross-checked there with node-pdu 2.1.1. */
    @Test
    void singleGsmPartWithStatusReportMatchesWorkedExample1() {
        List<EncodedPdu> pdus = SubmitPdu.encodeParts("+33612345678",
                List.of("Léa Fleurs: -20% samedi! Répondez STOP pour vous désabonner"), SmsEncoding.GSM7, 0,
                VP24_SRR);

        assertThat(pdus).containsExactly(new EncodedPdu(
                "0031000B913316325476F80000A73BCC4218646497EBF2B90ED492C14AA079B85D26A743206901FE7693CB7AD094FA"
                        + "8482E0EFBA1C647FD7E72072611E16BFDDEEB21C", 66, 1, 1));
    }

    /** The classic "hellohello" to +46708251358 (AT+CMGS=23) published in many PDU test suites. */
    @Test
    void classicHellohelloSubmit() {
        List<EncodedPdu> pdus = SubmitPdu.encodeParts("+46708251358", List.of("hellohello"), SmsEncoding.GSM7, 0,
                new SubmitOptions(false, Duration.ofDays(4), false));

        assertThat(pdus).containsExactly(
                new EncodedPdu("0011000B916407281553F80000AA0AE8329BFD4697D9EC37", 23, 1, 1));
    }

    /** REFERENCE.md §4.5: 153 + 57 septets, reference 0x2A, one fill bit after the 6-octet header. */
    @Test
    void twoPartGsmMatchesWorkedExample2() {
        String text = "Chère cliente, notre boutique a 10 ans! Du lundi 2 au samedi 7, profitez de -20% sur "
                + "toute la collection printemps et d'un cadeau surprise dès 30€ d'achat. Horaires: 9h-19h. "
                + "Répondez STOP pour vous désabonner.";
        int[] septets = Gsm7Packing.toSeptets(text);
        assertThat(septets).hasSize(210);
        // 153 septets = 152 characters here because € (two septets) sits in the first part
        String part1 = text.substring(0, 152);
        String part2 = text.substring(152);
        assertThat(Gsm7Packing.toSeptets(part1)).hasSize(153);

        List<EncodedPdu> pdus = SubmitPdu.encodeParts("+33612345678", List.of(part1, part2), SmsEncoding.GSM7,
                0x2A, VP24_SRR);

        assertThat(pdus).containsExactly(
                new EncodedPdu("0071000B913316325476F80000A7A00500032A0201866882BC0C1AB3D36537BDCC02B9DF7479"
                        + "19247ED7E9E978BD0C0A83623050D83D0F81887510BBEE26A7413250B80E9A87DB65721A746381E0F2B7"
                        + "394D2FEB41E432A825839540F3BA1C447FD7E965103B0C1ABFD9ECF2989E7EBB417079DA4D2FB7E1735"
                        + "0990E229FEA6ED0384C2E87EBA0795D0E97A7E76510993007CD609B32887C0A8FD1", 154, 1, 2),
                new EncodedPdu("0071000B913316325476F80000A7400500032A0202C2741708F99687D3F2F25C07CAA15BB11CDA"
                        + "059216E06F37B9AC074DA94F2808FEAECB41F6777D0E2217E661F1DBED2ECB5D", 70, 2, 2));
        // the split the counter shows gives the same bytes
        assertThat(SubmitPdu.encode("+33612345678", text, 0x2A, VP24_SRR)).isEqualTo(pdus);
    }

    /** REFERENCE.md §4.6: UCS-2 with é and the surrogate pair of 🎉, UDL in octets. */
    @Test
    void ucs2WithEmojiMatchesWorkedExample3() {
        List<EncodedPdu> pdus = SubmitPdu.encodeParts("+33612345678", List.of("Soirée spéciale 🎉 ce soir!"),
                SmsEncoding.UCS2, 0, new SubmitOptions(false, Duration.ofHours(24), false));

        assertThat(pdus).containsExactly(new EncodedPdu("0011000B913316325476F80008A736"
                + "0053006F0069007200E9006500200073007000E9006300690061006C00650020D83CDF89002000630065002000"
                + "73006F006900720021", 68, 1, 1));
    }

    /**
     * Three GSM-7 parts through encode(): the split comes from SmsText.analyze (153 + 153 + 58 septets).
     * Each part carries UDHI (first octet 41), UDL A0/A0/41 counting 7 header septets, header
     * 05 00 03 C8 03 0n, and one fill bit: the first payload octet is the first character shifted left by
     * one ('B' 42 → 84, 'a' 61 → C2, 'o' 6F → DE). Decoded independently by node-pdu 2.1.1.
     */
    @Test
    void threePartGsmMessageWithHeaderAndFillBitsIsBitExact() {
        String text = "Bonjour! " + "Les soldes commencent demain matin a 9h, venez nombreux. ".repeat(6)
                + "STOP au 36180";

        List<EncodedPdu> pdus = SubmitPdu.encode("+33612345678", text, 0xC8,
                new SubmitOptions(false, null, false));

        assertThat(pdus).containsExactly(
                new EncodedPdu("0041000B913316325476F80000A0050003C80301846FB7FA5D978740CCF21C34"
                        + "7FB3C9E53968FC6EB7CBEE71D94D0791CBED70DA0D6A87E96937280CCAA159207BD95DD683DCEFB6585EAEE3"
                        + "5D2066790E9ABFD9E4F21C347EB7DB65F7B8ECA683C8E57638ED06B5C3F4B41B1406E5D02C90BDEC2EEB41EE"
                        + "775B2C2FD7F12E10B33C07CDDF6C72790E1ABFDBEDB27B5C76D341E4723B9C7683DA", 153, 1, 3),
                new EncodedPdu("0041000B913316325476F80000A0050003C80302C2F4B41B1406E5D02C90BDEC"
                        + "2EEB41EE775B2C2FD7F12E10B33C07CDDF6C72790E1ABFDBEDB27B5C76D341E4723B9C7683DA617ADA0D0A83"
                        + "726816C85E7697F520F7BB2D9697EB781788599E83E66F36B93C078DDFED76D93D2EBBE92072B91D4EBB41ED"
                        + "303DED06854139340B642FBBCB7A90FBDD16CBCB75BC0BC42CCF41F3379B5C9E83C6", 153, 2, 3),
                new EncodedPdu("0041000B913316325476F8000041050003C80303DEED76D93D2EBBE92072B91D"
                        + "4EBB41ED303DED06854139340B642FBBCB7A90FBDD16CBCB75BC0B34A53EA1A0701D34B3C57030",
                        70, 3, 3));
        assertThat(pdus).extracting(p -> p.hex().substring(26, 42))
                .containsExactly("A0050003C8030184", "A0050003C80302C2", "41050003C80303DE");
    }

    /** French accents outside GSM-7 (ê) and two emoji force UCS-2 for the whole text; national number. */
    @Test
    void frenchUcs2TextWithEmojiToNationalNumber() {
        List<EncodedPdu> pdus = SubmitPdu.encode("0612345678", "Fête à l'Opéra: crêpes offertes 🎉🥞 ce soir!", 7,
                SubmitOptions.DEFAULTS);

        assertThat(pdus).containsExactly(new EncodedPdu("0031000A8160214365870008A75A004600EA007400650020"
                        + "00E00020006C0027004F007000E900720061003A00200063007200EA0070006500730020006F006600660065"
                        + "00720074006500730020D83CDF89D83EDD5E00200063006500200073006F006900720021", 103, 1, 1));
        assertThat(SubmitPdu.decode(pdus.get(0).hex()).text())
                .isEqualTo("Fête à l'Opéra: crêpes offertes 🎉🥞 ce soir!");
    }

    @Test
    void ucs2SplitNeverCutsASurrogatePair() {
        String text = "é".repeat(66) + "🎉" + "fin";

        List<EncodedPdu> pdus = SubmitPdu.encode("+33612345678", text, 1, SubmitOptions.DEFAULTS);

        assertThat(pdus).hasSize(2);
        assertThat(SubmitPdu.decode(pdus.get(0).hex()).text()).isEqualTo("é".repeat(66));
        assertThat(SubmitPdu.decode(pdus.get(1).hex()).text()).isEqualTo("🎉fin");
    }

    @Test
    void decodeReadsBackWhatWasEncoded() {
        EncodedPdu pdu = SubmitPdu.encodeParts("+33612345678", List.of("Prix: 30€", "[promo]"), SmsEncoding.GSM7,
                0x2A, SubmitOptions.DEFAULTS).get(1);

        assertThat(SubmitPdu.decode(pdu.hex())).isEqualTo(new SmsSubmit("+33612345678", SmsEncoding.GSM7, "[promo]",
                java.util.Optional.of(new ConcatInfo(0x2A, 2, 2)), true));
    }

    @Test
    void emptyTextSendsNothing() {
        assertThatThrownBy(() -> SubmitPdu.encode("+33612345678", "", 0, SubmitOptions.DEFAULTS))
                .isInstanceOf(PduException.class).hasMessageContaining("empty");
    }

    @ParameterizedTest
    @CsvSource({
        // destination, expected TP-DA, first octet with options
        "+33612345678, 0B913316325476F8",
        "0612345678,   0A816021436587",
        "+3361234567,  0A913316325476",
        "123,          038121F3",
    })
    void destinationAddressTypeAndPadding(String destination, String address) {
        String hex = SubmitPdu.encodeParts(destination, List.of("A"), SmsEncoding.GSM7, 0,
                new SubmitOptions(false, null, false)).get(0).hex();

        assertThat(hex).isEqualTo("000100" + address + "0000" + "0141");
    }

    @Test
    void optionsSetTheirFirstOctetBits() {
        String hex = SubmitPdu.encodeParts("123", List.of("A"), SmsEncoding.GSM7, 0,
                new SubmitOptions(false, null, true)).get(0).hex();

        assertThat(hex).startsWith("0005");
    }

    static Stream<Arguments> validities() {
        return Stream.of(
                Arguments.of(Duration.ofMinutes(1), 0),
                Arguments.of(Duration.ofMinutes(5), 0),
                Arguments.of(Duration.ofMinutes(6), 1),
                Arguments.of(Duration.ofHours(12), 143),
                Arguments.of(Duration.ofHours(12).plusMinutes(1), 144),
                Arguments.of(Duration.ofHours(24), 0xA7),
                Arguments.of(Duration.ofHours(25), 168),
                Arguments.of(Duration.ofDays(4), 0xAA),
                Arguments.of(Duration.ofDays(30), 196),
                Arguments.of(Duration.ofDays(31), 197),
                Arguments.of(Duration.ofDays(63 * 7), 255),
                Arguments.of(Duration.ofDays(1000), 255));
    }

    @ParameterizedTest
    @MethodSource("validities")
    void relativeValidityRoundsUpToTheNextCodablePeriod(Duration validity, int vp) {
        assertThat(SubmitPdu.relativeValidity(validity)).isEqualTo(vp);
        if (vp < 255) {
            assertThat(SubmitPdu.relativeValidityDuration(vp)).isGreaterThanOrEqualTo(validity);
        }
    }

    @Test
    void refusesWhatAPduCannotCarry() {
        SubmitOptions none = new SubmitOptions(false, null, false);
        assertThatThrownBy(() -> SubmitPdu.encodeParts("+33 6 12", List.of("A"), SmsEncoding.GSM7, 0, none))
                .isInstanceOf(PduException.class).hasMessageContaining("destination");
        assertThatThrownBy(() -> SubmitPdu.encodeParts("123", List.of("ç"), SmsEncoding.GSM7, 0, none))
                .isInstanceOf(PduException.class).hasMessageContaining("U+00E7");
        assertThatThrownBy(() -> SubmitPdu.encodeParts("123", List.of("A".repeat(161)), SmsEncoding.GSM7, 0, none))
                .isInstanceOf(PduException.class).hasMessageContaining("does not fit 160");
        assertThatThrownBy(() -> SubmitPdu.encodeParts("123", List.of("A".repeat(154), "B"), SmsEncoding.GSM7, 0,
                none)).isInstanceOf(PduException.class).hasMessageContaining("does not fit 153");
        assertThatThrownBy(() -> SubmitPdu.encodeParts("123", List.of("é".repeat(71)), SmsEncoding.UCS2, 0, none))
                .isInstanceOf(PduException.class).hasMessageContaining("does not fit 70");
        assertThatThrownBy(() -> SubmitPdu.encodeParts("123", List.of("A", "B"), SmsEncoding.GSM7, 256, none))
                .isInstanceOf(PduException.class)
                .extracting(e -> ((PduException) e).code()).isEqualTo(PduException.Code.INVALID_ARGUMENT);
    }
}
