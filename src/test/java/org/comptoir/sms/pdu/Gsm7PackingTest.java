package org.comptoir.sms.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gsm7PackingTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @ParameterizedTest
    @CsvSource({
        // the classic packing example of TS 23.038 tutorials and PDU test suites
        "hellohello,   0, E8329BFD4697D9EC37",
        "How are you?, 0, C8F71D14969741F977FD07",
        // 8 septets fill exactly 7 octets
        "ABCDEFGH,     0, 41E19058341E91",
        // one fill bit after a 6-octet concatenation header: 'C' (0x43) shifted left by one
        "C,            1, 86",
        "a,            1, C2",
        "'',           0, ''",
    })
    void packsLsbFirstAfterFillBits(String text, int fill, String hex) {
        int[] septets = Gsm7Packing.toSeptets(text);

        byte[] packed = Gsm7Packing.pack(septets, fill);

        assertThat(HEX.formatHex(packed)).isEqualTo(hex);
        assertThat(Gsm7Packing.fromSeptets(Gsm7Packing.unpack(packed, septets.length, fill))).isEqualTo(text);
    }

    @Test
    void euroIsEscapePlusCode65() {
        int[] septets = Gsm7Packing.toSeptets("5€");

        assertThat(septets).containsExactly(0x35, 0x1B, 0x65);
        // 0110101 | 0011011 << 7 | 1100101 << 14, LSB first: B5 4D 19
        assertThat(HEX.formatHex(Gsm7Packing.pack(septets, 0))).isEqualTo("B54D19");
        assertThat(Gsm7Packing.fromSeptets(septets)).isEqualTo("5€");
    }

    @Test
    void everyExtensionCharacterRoundTrips() {
        String extension = "\f^{}\\[~]|€";

        int[] septets = Gsm7Packing.toSeptets(extension);

        assertThat(septets).hasSize(20);
        assertThat(Gsm7Packing.fromSeptets(septets)).isEqualTo(extension);
    }

    @Test
    void atSignIsSeptetZeroAndSurvivesPacking() {
        int[] septets = Gsm7Packing.toSeptets("@@@");

        assertThat(septets).containsExactly(0, 0, 0);
        assertThat(Gsm7Packing.fromSeptets(Gsm7Packing.unpack(Gsm7Packing.pack(septets, 0), 3, 0))).isEqualTo("@@@");
    }

    @Test
    void unknownEscapeAndTrailingEscapeReadAsSpace() {
        assertThat(Gsm7Packing.fromSeptets(new int[] {0x41, 0x1B, 0x41, 0x1B})).isEqualTo("A  ");
    }

    @Test
    void refusesWhatItCannotDo() {
        assertThatThrownBy(() -> Gsm7Packing.toSeptets("ça")).isInstanceOf(PduException.class)
                .hasMessage("character U+00E7 at index 0 is not in the GSM 7-bit alphabet");
        assertThatThrownBy(() -> Gsm7Packing.unpack(new byte[2], 3, 0)).isInstanceOf(PduException.class)
                .extracting(e -> ((PduException) e).code()).isEqualTo(PduException.Code.TRUNCATED);
        assertThatThrownBy(() -> Gsm7Packing.pack(new int[] {128}, 0)).isInstanceOf(PduException.class);
        assertThatThrownBy(() -> Gsm7Packing.pack(new int[] {1}, 7)).isInstanceOf(PduException.class);
    }
}
