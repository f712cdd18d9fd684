package org.comptoir.gateway.modem;

import java.time.Instant;
import java.util.Optional;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.sms.pdu.DeliverPdu;
import org.comptoir.sms.pdu.SmsDeliver;
import org.comptoir.sms.pdu.SmsStatusReport;
import org.comptoir.sms.pdu.StatusReportPdu;

/**
 * Turns received PDUs (TS 23.040 §9.2.2.1 SMS-DELIVER, §9.2.2.3 SMS-STATUS-REPORT) into the gateway's
 * values, through the codec in {@code org.comptoir.sms.pdu}.
 */
final class InboundDecoder {

    /** One received part; {@code concatRef}/{@code total}/{@code seq} are 0/1/1 for a single SMS. */
    record Part(SmsDeliver pdu, String from, String text, Instant sentAt, int concatRef, int total, int seq) {
    }

    /** A status report, before matching to a sent part. */
    record Report(int messageReference, String recipient, DeliveryReport.Outcome outcome, Instant at, int status) {
        /** The TP-ST value in words (TS 23.040 §9.2.3.15), for the outbox row of a message not delivered. */
        String statusWords() {
            return String.format("TP-ST 0x%02X %s", status, tpStatus(status));
        }
    }

    /** TS 23.040 §9.2.3.15: what the SMSC says became of a short message. */
    static String tpStatus(int st) {
        return switch (st) {
            case 0x00 -> "received by the recipient";
            case 0x01 -> "forwarded, delivery not confirmed";
            case 0x02 -> "replaced by the service centre";
            case 0x20 -> "congestion, still trying";
            case 0x21 -> "recipient busy, still trying";
            case 0x22 -> "no response from the recipient, still trying";
            case 0x23 -> "service rejected, still trying";
            case 0x24 -> "quality of service not available, still trying";
            case 0x25 -> "error in the recipient's phone, still trying";
            case 0x40 -> "remote procedure error";
            case 0x41 -> "incompatible destination";
            case 0x42 -> "connection rejected by the recipient";
            case 0x43 -> "not obtainable";
            case 0x44 -> "quality of service not available";
            case 0x45 -> "no interworking available";
            case 0x46 -> "validity period expired";
            case 0x47 -> "deleted by the sender";
            case 0x48 -> "deleted by the service centre";
            case 0x49 -> "message does not exist";
            case 0x60 -> "congestion, given up";
            case 0x61 -> "recipient busy, given up";
            case 0x62 -> "no response from the recipient, given up";
            case 0x63 -> "service rejected, given up";
            case 0x64 -> "quality of service not available, given up";
            case 0x65 -> "error in the recipient's phone, given up";
            default -> st < 0x20 ? "completed" : st < 0x40 ? "temporary error, still trying"
                    : st < 0x60 ? "permanent error" : st < 0x80 ? "temporary error, given up" : "reserved value";
        };
    }

    private InboundDecoder() {
    }

    /** The TP-MTI of a received PDU (after the SMSC address): 0 DELIVER, 1 SUBMIT, 2 STATUS-REPORT. */
    static int messageType(String hex) {
        int scaLength = Integer.parseInt(hex.substring(0, 2), 16);
        int fo = Integer.parseInt(hex.substring(2 + 2 * scaLength, 4 + 2 * scaLength), 16);
        return fo & 0x03;
    }

    /** Throws {@link org.comptoir.sms.pdu.PduException} for a malformed PDU. */
    static Part deliver(String hex) {
        SmsDeliver d = DeliverPdu.decode(hex);
        return d.concat()
                .map(c -> new Part(d, sender(d.originator()), d.text(), d.serviceCentreTime(), c.reference(),
                        c.total(), c.sequence()))
                .orElseGet(() -> new Part(d, sender(d.originator()), d.text(), d.serviceCentreTime(), 0, 1, 1));
    }

    /** Throws {@link org.comptoir.sms.pdu.PduException} for a malformed PDU. */
    static Optional<Report> report(String hex) {
        SmsStatusReport r = StatusReportPdu.decode(hex);
        DeliveryReport.Outcome outcome = switch (r.outcome()) {
            case DELIVERED -> DeliveryReport.Outcome.DELIVERED;
            case PENDING -> DeliveryReport.Outcome.PENDING;
            case FAILED -> DeliveryReport.Outcome.FAILED;
        };
        return Optional.of(new Report(r.messageReference(), sender(r.recipient()), outcome, r.dischargeTime(), r.status()));
    }

    /**
     * The address as the network gave it: the codec already writes {@code +} before an international
     * number (TON 001). A national or unknown-type number ({@code 0612345678}) stays as digits: only the
     * dispatch layer knows the shop's country to make it E.164, and a blind {@code +} would give the
     * wrong number {@code +0612345678}.
     */
    static String sender(String address) {
        return address == null ? "" : address;
    }
}
