package org.comptoir.sms;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The GSM 7-bit default alphabet and its extension table, 3GPP TS 23.038 §6.2.1 and §6.2.1.1.
 *
 * <p>Pure lookup, thread-safe. Position 0x09 is capital {@code Ç}, as the standard prints it and as
 * handsets decode it; lowercase {@code ç} is not in the alphabet (see REFERENCE.md §3.3).
 */
public final class GsmAlphabet {

    /** Septet that escapes to the extension table. */
    public static final int ESCAPE = 0x1B;

    /** Septets available in a single-part GSM-7 message (140 octets × 8 / 7). */
    public static final int SINGLE_PART_SEPTETS = 160;

    /** Septets per part when a 6-octet concatenation header (8-bit reference) is present. */
    public static final int MULTI_PART_SEPTETS = 153;

    /**
     * The 128 characters of the default alphabet, indexed by septet value. Index 0x1B is the escape and
     * never maps to a character; it is written here as a placeholder that {@link #septetOf} skips.
     */
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /**
     * Septet cost by UTF-16 unit, for the counters that run on every keystroke: 0 = not in GSM-7, 1 = basic,
     * 2 = extension. Sized to the highest mapped character ({@code €}, U+20AC).
     */
    private static final byte[] COST = new byte['€' + 1];

    private static final Map<Character, Integer> BASIC_SEPTETS = new HashMap<>();
    private static final Map<Character, Integer> EXTENSION_SEPTETS = new HashMap<>();
    private static final Map<Integer, Character> EXTENSION_CHARS = new HashMap<>();

    static {
        if (BASIC.length() != 128) {
            throw new AssertionError("GSM basic table must hold 128 entries, has " + BASIC.length());
        }
        for (int septet = 0; septet < 128; septet++) {
            if (septet != ESCAPE) {
                BASIC_SEPTETS.put(BASIC.charAt(septet), septet);
                COST[BASIC.charAt(septet)] = 1;
            }
        }
        extension(0x0A, '\f');
        extension(0x14, '^');
        extension(0x28, '{');
        extension(0x29, '}');
        extension(0x2F, '\\');
        extension(0x3C, '[');
        extension(0x3D, '~');
        extension(0x3E, ']');
        extension(0x40, '|');
        extension(0x65, '€');
    }

    private static void extension(int code, char c) {
        EXTENSION_SEPTETS.put(c, code);
        EXTENSION_CHARS.put(code, c);
        COST[c] = 2;
    }

    private GsmAlphabet() {
    }

    /** The septet of {@code c} in the basic table, if it is there. */
    public static OptionalInt septetOf(char c) {
        Integer septet = BASIC_SEPTETS.get(c);
        return septet == null ? OptionalInt.empty() : OptionalInt.of(septet);
    }

    /** The code that follows {@link #ESCAPE} for {@code c} in the extension table, if it is there. */
    public static OptionalInt extensionCodeOf(char c) {
        Integer code = EXTENSION_SEPTETS.get(c);
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** True when {@code c} is in the basic table. */
    public static boolean isBasic(char c) {
        return c < COST.length && COST[c] == 1;
    }

    /** True when {@code c} is in the extension table (it then costs two septets). */
    public static boolean isExtension(char c) {
        return c < COST.length && COST[c] == 2;
    }

    /** True when {@code c} can be sent in GSM-7 at all. */
    public static boolean isGsm(char c) {
        return c < COST.length && COST[c] != 0;
    }

    /** True when the code point can be sent in GSM-7; never for one above U+FFFF (emoji and the like). */
    public static boolean isGsm(int codePoint) {
        return codePoint >= 0 && codePoint < COST.length && COST[codePoint] != 0;
    }

    /** Septets {@code c} costs in GSM-7: 1 (basic), 2 (extension) or -1 (not representable). */
    public static int septetCost(char c) {
        int cost = c < COST.length ? COST[c] : 0;
        return cost == 0 ? -1 : cost;
    }

    /** The character at basic-table position {@code septet} (0..127, not the escape). */
    public static char charOf(int septet) {
        if (septet < 0 || septet > 127 || septet == ESCAPE) {
            throw new IllegalArgumentException("not a basic-table septet: " + septet);
        }
        return BASIC.charAt(septet);
    }

    /**
     * The character an extension code stands for. An unknown code is shown as a space, as TS 23.038
     * asks receivers to do.
     */
    public static char extensionCharOf(int code) {
        Character c = EXTENSION_CHARS.get(code);
        return c == null ? ' ' : c;
    }
}
