package org.comptoir.sms.pdu;

import java.time.Instant;

/** SMS-STATUS-REPORT decoding, TS 23.040 §9.2.2.3: what +CDS prints, or +CMGR reads from the SR store. */
public final class StatusReportPdu {

    private StatusReportPdu() {
    }

    /**
     * Decodes SMSC part, first octet (MTI 10), TP-MR, TP-RA, TP-SCTS, TP-DT and TP-ST. The optional
     * TP-PI/PID/DCS/UD that may follow are not needed to match a report and are not read, so an SMSC
     * that adds them does not make a good report unreadable.
     *
     * @throws PduException BAD_HEX, TRUNCATED, WRONG_TYPE, UNSUPPORTED (bad BCD in a timestamp)
     */
    public static SmsStatusReport decode(String hex) {
        PduReader reader = new PduReader(Hex.decode(hex));
        Address.readServiceCentre(reader);
        PduType.expect(reader.octet("first octet"), PduType.STATUS_REPORT);
        int reference = reader.octet("TP-MR");
        String recipient = Address.readTpAddress(reader, "TP-RA");
        Instant accepted = Timestamps.read(reader, "TP-SCTS");
        Instant discharged = Timestamps.read(reader, "TP-DT");
        int status = reader.octet("TP-ST");
        return new SmsStatusReport(reference, recipient, accepted, discharged, status,
                SmsStatusReport.outcomeOf(status));
    }
}
