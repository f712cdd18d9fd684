package org.comptoir.sms.pdu;

import java.util.HexFormat;

/**
 * Test helper: the DELIVER an SMSC would make of a SUBMIT (TS 23.040 §9.2.2.1 vs §9.2.2.2), so a test can send
 * a message and read it back as the recipient's handset (or the emulated modem) would receive it.
 */
public final class SmscRelay {

    /** 2026-11-29 20:35:00 +00:00 as TP-SCTS, the service-centre time stamped on every relayed message. */
    public static final String SCTS = "62119202530000";

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private SmscRelay() {
    }

    /** MTI 00 keeping UDHI, no TP-MR, TP-DA becomes TP-OA, TP-VP replaced by {@link #SCTS}, user data unchanged. */
    public static String toDeliver(String submitHex) {
        byte[] in = HEX.parseHex(submitHex);
        int i = 1 + (in[0] & 0xFF);
        int firstOctet = in[i] & 0xFF;
        int daStart = i + 2;
        int daLength = 2 + ((in[daStart] & 0xFF) + 1) / 2;
        int pidDcs = daStart + daLength;
        int vpLength = (firstOctet & SubmitPdu.VPF_MASK) == 0 ? 0 : 1;
        int ud = pidDcs + 2 + vpLength;
        return "00" + String.format("%02X", firstOctet & SubmitPdu.UDHI) + HEX.formatHex(in, daStart, pidDcs + 2)
                + SCTS + HEX.formatHex(in, ud, in.length);
    }
}
