package org.comptoir.sms.pdu;

import java.util.Arrays;
import java.util.Optional;
import org.comptoir.sms.GsmAlphabet;

/** TP-UDL + TP-UD reading shared by the decoders (TS 23.040 §9.2.3.16, §9.2.3.24). */
record UserData(String text, Optional<ConcatInfo> concat) {

    static final int MAX_OCTETS = 140;
    static final int MAX_SEPTETS = GsmAlphabet.SINGLE_PART_SEPTETS;

    /** Septets a user data header of {@code headerOctets} takes in GSM-7, fill bits included (§9.2.3.24). */
    static int headerSeptets(int headerOctets) {
        return (headerOctets * 8 + 6) / 7;
    }

    /** Zero bits after the header so the text starts on a septet boundary (0 without a header). */
    static int fillBits(int headerOctets) {
        return headerSeptets(headerOctets) * 7 - headerOctets * 8;
    }

    static UserData read(PduReader reader, boolean headerPresent, DataCoding coding, EightBitText eightBit) {
        int udl = reader.octet("TP-UDL");
        if (coding.alphabet() == DataCoding.Alphabet.GSM7) {
            if (udl > MAX_SEPTETS) {
                throw new PduException(PduException.Code.INCONSISTENT_LENGTH, "TP-UDL " + udl + " exceeds 160 septets");
            }
            byte[] data = reader.octets((udl * 7 + 7) / 8, "TP-UD");
            int headerOctets = headerPresent ? headerLength(data) : 0;
            int headerSeptets = headerSeptets(headerOctets);
            if (headerSeptets > udl) {
                throw new PduException(PduException.Code.INCONSISTENT_LENGTH,
                        "user data header of " + headerOctets + " octets exceeds TP-UDL " + udl + " septets");
            }
            int[] septets = Gsm7Packing.unpack(Arrays.copyOfRange(data, headerOctets, data.length),
                    udl - headerSeptets, fillBits(headerOctets));
            return new UserData(Gsm7Packing.fromSeptets(septets), concatOf(data, headerOctets));
        }
        if (udl > MAX_OCTETS) {
            throw new PduException(PduException.Code.INCONSISTENT_LENGTH, "TP-UDL " + udl + " exceeds 140 octets");
        }
        byte[] data = reader.octets(udl, "TP-UD");
        int headerOctets = headerPresent ? headerLength(data) : 0;
        byte[] body = Arrays.copyOfRange(data, headerOctets, data.length);
        String text;
        if (coding.alphabet() == DataCoding.Alphabet.UCS2) {
            if (body.length % 2 != 0) {
                throw new PduException(PduException.Code.INCONSISTENT_LENGTH,
                        "UCS-2 text of odd length " + body.length + " octets");
            }
            char[] units = new char[body.length / 2];
            for (int i = 0; i < units.length; i++) {
                units[i] = (char) ((body[2 * i] & 0xFF) << 8 | (body[2 * i + 1] & 0xFF));
            }
            text = new String(units);
        } else if (eightBit == EightBitText.LATIN1) {
            text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        } else {
            text = Hex.encode(body);
        }
        return new UserData(text, concatOf(data, headerOctets));
    }

    /** UDHL + 1, checked against the data present. */
    private static int headerLength(byte[] data) {
        if (data.length == 0) {
            throw new PduException(PduException.Code.INCONSISTENT_LENGTH, "TP-UDHI set but the user data is empty");
        }
        int length = (data[0] & 0xFF) + 1;
        if (length > data.length) {
            throw new PduException(PduException.Code.INCONSISTENT_LENGTH,
                    "user data header length " + (length - 1) + " exceeds the " + data.length + " octets of TP-UD");
        }
        return length;
    }

    /**
     * Walks the information elements for a concatenation IE. Other IEs (ports, national tables...) are
     * skipped; a concatenation IE with sequence 0 or beyond the total is ignored as §9.2.3.24.1 asks.
     */
    private static Optional<ConcatInfo> concatOf(byte[] data, int headerOctets) {
        Optional<ConcatInfo> found = Optional.empty();
        int i = 1;
        while (i < headerOctets) {
            if (i + 1 >= headerOctets) {
                throw new PduException(PduException.Code.INCONSISTENT_LENGTH, "truncated information element in UDH");
            }
            int iei = data[i] & 0xFF;
            int length = data[i + 1] & 0xFF;
            int value = i + 2;
            if (value + length > headerOctets) {
                throw new PduException(PduException.Code.INCONSISTENT_LENGTH,
                        String.format("information element %02X of %d octets overruns the UDH", iei, length));
            }
            if (iei == 0x00 && length == 3) {
                found = concat(data[value] & 0xFF, data[value + 1] & 0xFF, data[value + 2] & 0xFF);
            } else if (iei == 0x08 && length == 4) {
                found = concat((data[value] & 0xFF) << 8 | (data[value + 1] & 0xFF), data[value + 2] & 0xFF,
                        data[value + 3] & 0xFF);
            }
            i = value + length;
        }
        return found;
    }

    private static Optional<ConcatInfo> concat(int reference, int total, int sequence) {
        if (total < 1 || sequence < 1 || sequence > total) {
            return Optional.empty();
        }
        return Optional.of(new ConcatInfo(reference, total, sequence));
    }
}
