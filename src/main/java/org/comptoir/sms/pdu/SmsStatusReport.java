package org.comptoir.sms.pdu;

import java.time.Instant;

/**
 * A decoded SMS-STATUS-REPORT (TS 23.040 §9.2.2.3).
 *
 * @param messageReference  TP-MR of the SUBMIT it reports on, as returned by +CMGS (0..255, wraps)
 * @param recipient         TP-RA, "+" and digits when international
 * @param serviceCentreTime TP-SCTS: when the SMSC accepted the SUBMIT
 * @param dischargeTime     TP-DT: delivery, or the last attempt
 * @param status            TP-ST, 0..255
 * @param outcome           what TP-ST means for the sender
 */
public record SmsStatusReport(int messageReference, String recipient, Instant serviceCentreTime,
        Instant dischargeTime, int status, Outcome outcome) {

    /** TP-ST ranges of TS 23.040 §9.2.3.15, from the sender's point of view. */
    public enum Outcome {
        /** 0x00–0x1F: transaction completed (received, forwarded, replaced). */
        DELIVERED,
        /** 0x20–0x3F: temporary error, the SMSC is still trying: not final. */
        PENDING,
        /** 0x40–0x5F permanent error, 0x60–0x7F temporary error the SMSC gave up on, 0x80+ reserved. */
        FAILED
    }

    /** The outcome of a TP-ST value; the reserved values from 0x80 count as failed, none of them is success. */
    public static Outcome outcomeOf(int status) {
        if (status < 0 || status > 0xFF) {
            throw new PduException(PduException.Code.INVALID_ARGUMENT, "TP-ST must be 0..255: " + status);
        }
        if (status <= 0x1F) {
            return Outcome.DELIVERED;
        }
        return status <= 0x3F ? Outcome.PENDING : Outcome.FAILED;
    }
}
