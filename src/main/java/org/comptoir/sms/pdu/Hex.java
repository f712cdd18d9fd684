package org.comptoir.sms.pdu;

import java.util.HexFormat;

/** Hex text as exchanged with the modem in PDU mode (TS 27.005 §3.1: two IRA hex characters per octet). */
final class Hex {

    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {
    }

    static String encode(byte[] data) {
        return UPPER.formatHex(data);
    }

    /** Parses hex, either case, surrounding whitespace tolerated (modem lines often end in spaces). */
    static byte[] decode(String hex) {
        if (hex == null) {
            throw new PduException(PduException.Code.BAD_HEX, "PDU is null");
        }
        String s = hex.strip();
        if (s.isEmpty()) {
            throw new PduException(PduException.Code.BAD_HEX, "PDU is empty");
        }
        try {
            return UPPER.parseHex(s);
        } catch (IllegalArgumentException e) {
            // HexFormat names the fault: odd length, or the first character that is not a hex digit
            throw new PduException(PduException.Code.BAD_HEX, "PDU is not hex: " + e.getMessage());
        }
    }
}
