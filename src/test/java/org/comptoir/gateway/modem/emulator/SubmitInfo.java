package org.comptoir.gateway.modem.emulator;

/** Reads the destination and concatenation header of an SMS-SUBMIT (TS 23.040 §9.2.2.2), as an SMSC would. */
final class SubmitInfo {

    private SubmitInfo() {
    }

    static ModemEmulator.Sent parse(String hex, int tpduLength, int mr) {
        int p = 2 + 2 * Integer.parseInt(hex.substring(0, 2), 16);
        int fo = octet(hex, p);
        p += 4; // first octet, TP-MR
        int digits = octet(hex, p);
        int toa = octet(hex, p + 2);
        p += 4;
        StringBuilder number = new StringBuilder(toa == 0x91 ? "+" : "");
        int octets = (digits + 1) / 2;
        for (int i = 0; i < octets; i++) {
            String o = hex.substring(p + 2 * i, p + 2 * i + 2);
            number.append(o.charAt(1));
            if (o.charAt(0) != 'F') {
                number.append(o.charAt(0));
            }
        }
        p += 2 * octets + 4; // PID, DCS
        int vpf = fo & 0x18;
        p += vpf == 0x10 ? 2 : vpf == 0 ? 0 : 14;
        p += 2; // UDL
        int ref = 0;
        int total = 1;
        int seq = 1;
        if ((fo & 0x40) != 0 && octet(hex, p + 2) == 0x00) {
            ref = octet(hex, p + 6);
            total = octet(hex, p + 8);
            seq = octet(hex, p + 10);
        }
        return new ModemEmulator.Sent(hex, tpduLength, mr, number.toString(), ref, total, seq);
    }

    private static int octet(String hex, int at) {
        return Integer.parseInt(hex.substring(at, at + 2), 16);
    }
}
