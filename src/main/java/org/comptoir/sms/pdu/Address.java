package org.comptoir.sms.pdu;

import java.io.ByteArrayOutputStream;

/**
 * Address fields of TS 23.040 §9.1.2.5 (TP-DA, TP-OA, TP-RA) and the SMSC address of TS 24.011
 * §8.2.5.2 that modems print in front of the TPDU.
 */
final class Address {

    static final int TOA_INTERNATIONAL = 0x91;
    static final int TOA_NATIONAL = 0x81;
    private static final int TON_MASK = 0x70;
    private static final int TON_INTERNATIONAL = 0x10;
    private static final int TON_ALPHANUMERIC = 0x50;
    private static final String BCD = "0123456789*#abc";

    private Address() {
    }

    /**
     * Writes a TP-DA: digit count, type of address, swapped BCD padded with F. A leading '+' selects the
     * international type 0x91; plain digits are sent as 0x81 (unknown TON, ISDN plan) so the network
     * applies national rules.
     */
    static void writeDestination(ByteArrayOutputStream out, String destination) {
        if (destination == null) {
            throw new PduException(PduException.Code.INVALID_ARGUMENT, "destination is null");
        }
        boolean international = destination.startsWith("+");
        String digits = international ? destination.substring(1) : destination;
        if (digits.isEmpty() || digits.length() > 20 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new PduException(PduException.Code.INVALID_ARGUMENT,
                    "destination must be +digits (E.164) or 1..20 digits: '" + destination + "'");
        }
        out.write(digits.length());
        out.write(international ? TOA_INTERNATIONAL : TOA_NATIONAL);
        writeSwappedDigits(out, digits);
    }

    private static void writeSwappedDigits(ByteArrayOutputStream out, String digits) {
        for (int i = 0; i < digits.length(); i += 2) {
            int low = digits.charAt(i) - '0';
            int high = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0xF;
            out.write(high << 4 | low);
        }
    }

    /**
     * Reads a TP-OA/DA/RA whose length octet counts useful semi-octets. International numbers get a '+',
     * alphanumeric ones (TON 101) are GSM-7 packed text (TS 23.040 §9.1.2.5).
     */
    static String readTpAddress(PduReader reader, String field) {
        int semiOctets = reader.octet(field + " length");
        if (semiOctets > 20) {
            throw new PduException(PduException.Code.INCONSISTENT_LENGTH,
                    field + " length " + semiOctets + " exceeds 20 semi-octets");
        }
        int type = reader.octet(field + " type");
        byte[] value = reader.octets((semiOctets + 1) / 2, field);
        if ((type & TON_MASK) == TON_ALPHANUMERIC) {
            int septets = semiOctets * 4 / 7;
            return Gsm7Packing.fromSeptets(Gsm7Packing.unpack(value, septets, 0));
        }
        String digits = swappedDigits(value, semiOctets, field);
        return (type & TON_MASK) == TON_INTERNATIONAL ? "+" + digits : digits;
    }

    /**
     * Reads the SMSC part that +CMGR/+CMGL/+CMT print before the TPDU: an octet count (0 = none), then
     * type and swapped BCD. Returns the number, "" when absent.
     */
    static String readServiceCentre(PduReader reader) {
        int octets = reader.octet("SMSC length");
        if (octets == 0) {
            return "";
        }
        if (octets > 11) {
            throw new PduException(PduException.Code.INCONSISTENT_LENGTH, "SMSC length " + octets + " exceeds 11");
        }
        int type = reader.octet("SMSC type");
        byte[] value = reader.octets(octets - 1, "SMSC address");
        String digits = swappedDigits(value, value.length * 2, "SMSC address");
        return (type & TON_MASK) == TON_INTERNATIONAL ? "+" + digits : digits;
    }

    /** Swapped BCD digits; an F nibble ends the number (odd-length padding). */
    private static String swappedDigits(byte[] value, int maxDigits, String field) {
        StringBuilder digits = new StringBuilder(maxDigits);
        for (int i = 0; i < maxDigits; i++) {
            int octet = value[i / 2] & 0xFF;
            int nibble = i % 2 == 0 ? octet & 0x0F : octet >> 4;
            if (nibble == 0xF) {
                break;
            }
            if (nibble > 0xE) {
                throw new PduException(PduException.Code.UNSUPPORTED, field + " has the invalid digit " + nibble);
            }
            digits.append(BCD.charAt(nibble));
        }
        return digits.toString();
    }
}
