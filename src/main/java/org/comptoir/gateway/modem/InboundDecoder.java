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
    record Report(int messageReference, String recipient, DeliveryReport.Outcome outcome, Instant at) {
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
        return Optional.of(new Report(r.messageReference(), sender(r.recipient()), outcome, r.dischargeTime()));
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
