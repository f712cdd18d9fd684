package org.comptoir.sms.pdu;

import org.comptoir.sms.GsmAlphabet;

/**
 * GSM 7-bit default alphabet packing, TS 23.038 §6.1.2.1.1: septets are laid LSB-first into octets,
 * after {@code fillBits} zero bits that align the text on a septet boundary behind a user data header
 * (TS 23.040 §9.2.3.24).
 */
public final class Gsm7Packing {

    private Gsm7Packing() {
    }

    /** Packs septets (0..127) after {@code fillBits} (0..6) zero bits; the result is ⌈(fill + 7n) / 8⌉ octets. */
    public static byte[] pack(int[] septets, int fillBits) {
        checkFill(fillBits);
        int totalBits = fillBits + 7 * septets.length;
        byte[] out = new byte[(totalBits + 7) / 8];
        int bit = fillBits;
        for (int septet : septets) {
            if (septet < 0 || septet > 0x7F) {
                throw new PduException(PduException.Code.INVALID_ARGUMENT, "not a septet: " + septet);
            }
            int index = bit >> 3;
            int shift = bit & 7;
            out[index] |= (byte) (septet << shift);
            if (shift > 1) {
                // the septet straddles two octets: its high bits go to the next one
                out[index + 1] |= (byte) (septet >> (8 - shift));
            }
            bit += 7;
        }
        return out;
    }

    /** Reads {@code septetCount} septets after {@code fillBits} bits; refuses data too short to hold them. */
    public static int[] unpack(byte[] data, int septetCount, int fillBits) {
        checkFill(fillBits);
        if (septetCount < 0) {
            throw new PduException(PduException.Code.INCONSISTENT_LENGTH, "negative septet count: " + septetCount);
        }
        long neededBits = fillBits + 7L * septetCount;
        if (neededBits > 8L * data.length) {
            throw new PduException(PduException.Code.TRUNCATED, "packed text needs " + septetCount + " septets ("
                    + ((neededBits + 7) / 8) + " octets), only " + data.length + " octets present");
        }
        int[] septets = new int[septetCount];
        int bit = fillBits;
        for (int i = 0; i < septetCount; i++) {
            int index = bit >> 3;
            int shift = bit & 7;
            int value = (data[index] & 0xFF) >> shift;
            if (shift > 1) {
                value |= (data[index + 1] & 0xFF) << (8 - shift);
            }
            septets[i] = value & 0x7F;
            bit += 7;
        }
        return septets;
    }

    /**
     * The septets of {@code text}: basic-table characters as themselves, extension-table characters as
     * {@link GsmAlphabet#ESCAPE} + code (TS 23.038 §6.2.1.1).
     *
     * @throws PduException INVALID_ARGUMENT naming the first character GSM-7 cannot carry
     */
    public static int[] toSeptets(String text) {
        int[] buffer = new int[text.length() * 2];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            var basic = GsmAlphabet.septetOf(c);
            if (basic.isPresent()) {
                buffer[n++] = basic.getAsInt();
                continue;
            }
            var extension = GsmAlphabet.extensionCodeOf(c);
            if (extension.isEmpty()) {
                throw new PduException(PduException.Code.INVALID_ARGUMENT, String.format(
                        "character U+%04X at index %d is not in the GSM 7-bit alphabet", (int) c, i));
            }
            buffer[n++] = GsmAlphabet.ESCAPE;
            buffer[n++] = extension.getAsInt();
        }
        return java.util.Arrays.copyOf(buffer, n);
    }

    /**
     * The text of septets. An escape followed by an unknown code, or a trailing escape, reads as a space,
     * as TS 23.038 §6.2.1.1 asks receivers to show it.
     */
    public static String fromSeptets(int[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0x7F;
            if (septet == GsmAlphabet.ESCAPE) {
                i++;
                text.append(i < septets.length ? GsmAlphabet.extensionCharOf(septets[i] & 0x7F) : ' ');
            } else {
                text.append(GsmAlphabet.charOf(septet));
            }
        }
        return text.toString();
    }

    private static void checkFill(int fillBits) {
        if (fillBits < 0 || fillBits > 6) {
            throw new PduException(PduException.Code.INVALID_ARGUMENT, "fill bits must be 0..6, not " + fillBits);
        }
    }
}
