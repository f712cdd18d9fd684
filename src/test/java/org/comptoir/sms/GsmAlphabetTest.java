package org.comptoir.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The alphabet against TS 23.038 §6.2.1 as printed in REFERENCE.md §3.1–3.2, typed here as code points so a
 * look-alike (Latin A for Greek Alpha, U+2126 Ohm for U+03A9 Omega) cannot slip through.
 */
class GsmAlphabetTest {

    /** Rows are septets 0x00–0x0F, 0x10–0x1F, …; {@code \u001B} stands for the escape at 0x1B. */
    private static final String[] STANDARD = {
        "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5",
        "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u001B\u00C6\u00E6\u00DF\u00C9",
        " !\"#\u00A4%&'()*+,-./",
        "0123456789:;<=>?",
        "\u00A1ABCDEFGHIJKLMNO",
        "PQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7",
        "\u00BFabcdefghijklmno",
        "pqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0",
    };

    private static final int[][] EXTENSION = {
        {0x0A, 0x000C}, {0x14, '^'}, {0x28, '{'}, {0x29, '}'}, {0x2F, '\\'},
        {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'}, {0x65, 0x20AC},
    };

    @Test
    void everyBasicSeptetMatchesTheStandard() {
        String standard = String.join("", STANDARD);
        assertThat(standard).hasSize(128);
        for (int septet = 0; septet < 128; septet++) {
            if (septet == GsmAlphabet.ESCAPE) {
                continue;
            }
            char expected = standard.charAt(septet);
            assertThat(GsmAlphabet.charOf(septet)).as("septet 0x%02X", septet).isEqualTo(expected);
            assertThat(GsmAlphabet.septetOf(expected)).as("U+%04X", (int) expected).hasValue(septet);
            assertThat(GsmAlphabet.septetCost(expected)).isEqualTo(1);
        }
    }

    @Test
    void everyExtensionCodeMatchesTheStandardAndCostsTwo() {
        for (int[] entry : EXTENSION) {
            char c = (char) entry[1];
            assertThat(GsmAlphabet.extensionCodeOf(c)).as("U+%04X", entry[1]).hasValue(entry[0]);
            assertThat(GsmAlphabet.extensionCharOf(entry[0])).isEqualTo(c);
            assertThat(GsmAlphabet.isExtension(c)).isTrue();
            assertThat(GsmAlphabet.isBasic(c)).isFalse();
            assertThat(GsmAlphabet.septetCost(c)).isEqualTo(2);
        }
    }

    @Test
    void nothingElseInTheBasicMultilingualPlaneIsGsm() {
        List<Integer> gsm = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (GsmAlphabet.isGsm((char) c)) {
                gsm.add(c);
            }
            assertThat(GsmAlphabet.isGsm(c)).isEqualTo(GsmAlphabet.isGsm((char) c));
        }
        assertThat(gsm).hasSize(127 + EXTENSION.length);
        assertThat(GsmAlphabet.isGsm('\u001B')).as("the escape is not a character").isFalse();
        assertThat(GsmAlphabet.isGsm(0x1F389)).isFalse();
        assertThat(GsmAlphabet.septetCost('ç')).isEqualTo(-1);
    }

    @Test
    void lowercaseCedillaIsNotGsmButCapitalIs() {
        assertThat(GsmAlphabet.septetOf('Ç')).hasValue(0x09);
        assertThat(GsmAlphabet.isGsm('ç')).isFalse();
    }

    @Test
    void unknownExtensionCodeReadsAsSpaceAndEscapeIsNoCharacter() {
        assertThat(GsmAlphabet.extensionCharOf(0x0D)).isEqualTo(' ');
        assertThatThrownBy(() -> GsmAlphabet.charOf(GsmAlphabet.ESCAPE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GsmAlphabet.charOf(128)).isInstanceOf(IllegalArgumentException.class);
    }
}
