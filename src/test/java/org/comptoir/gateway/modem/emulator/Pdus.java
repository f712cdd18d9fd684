package org.comptoir.gateway.modem.emulator;

import org.comptoir.sms.pdu.SmscRelay;
import java.util.List;
import org.comptoir.sms.pdu.EncodedPdu;
import org.comptoir.sms.pdu.SubmitOptions;
import org.comptoir.sms.pdu.SubmitPdu;

/** Received PDUs for tests, made the way an SMSC makes them (TS 23.040 §9.2.2.1, §9.2.2.3). */
public final class Pdus {

    /** 2026-11-29 20:35:00 +00:00 as TP-SCTS. */
    public static final String SCTS = SmscRelay.SCTS;

    private Pdus() {
    }

    /** The DELIVER parts a phone at {@code from} sending {@code text} would produce. */
    public static List<String> deliver(String from, String text, int concatRef) {
        return SubmitPdu.encode(from, text, concatRef, SubmitOptions.defaults().withStatusReport(false)).stream()
                .map(EncodedPdu::hex).map(Pdus::toDeliver).toList();
    }

    /** SUBMIT → DELIVER, as the network relays it. */
    static String toDeliver(String submitHex) {
        return SmscRelay.toDeliver(submitHex);
    }

    /** A STATUS-REPORT for reference {@code mr} to international {@code recipient} with TP-ST {@code status}. */
    public static String statusReport(int mr, String recipient, int status) {
        return statusReport(mr, recipient, status, null);
    }

    /** The same, stamped (TP-SCTS and TP-DT) at {@code at} in UTC; null: 2026-10-15 10:30, an old report. */
    public static String statusReport(int mr, String recipient, int status, java.time.Instant at) {
        String stamp = at == null ? "62015101030080" : stamp(at);
        String digits = recipient.replace("+", "");
        StringBuilder swapped = new StringBuilder();
        String padded = digits.length() % 2 == 0 ? digits : digits + "F";
        for (int k = 0; k < padded.length(); k += 2) {
            swapped.append(padded.charAt(k + 1)).append(padded.charAt(k));
        }
        return "07913396999999F9" + "06" + String.format("%02X", mr) + String.format("%02X", digits.length()) + "91"
                + swapped + stamp + stamp + String.format("%02X", status);
    }

    /** TP-SCTS semi-octets (TS 23.040 §9.2.3.11) for {@code at} in UTC: YYMMDDhhmmss, each pair swapped, zone 00. */
    static String stamp(java.time.Instant at) {
        String digits = java.time.format.DateTimeFormatter.ofPattern("yyMMddHHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(at) + "00";
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < digits.length(); k += 2) {
            out.append(digits.charAt(k + 1)).append(digits.charAt(k));
        }
        return out.toString();
    }
}
