package org.comptoir.sms.pdu;

import java.util.Optional;
import org.comptoir.sms.SmsEncoding;

/**
 * A decoded SMS-SUBMIT (TS 23.040 §9.2.2.2), e.g. what a modem emulator receives after AT+CMGS.
 *
 * @param destination  "+" and digits for an international TP-DA, digits otherwise
 * @param encoding     GSM7, or UCS2 for UCS-2 and 8-bit data (see {@link SmsDeliver#encoding()})
 * @param text         the decoded text
 * @param concat       the concatenation header, if any
 * @param statusReport whether TP-SRR asks for a STATUS-REPORT
 */
public record SmsSubmit(String destination, SmsEncoding encoding, String text, Optional<ConcatInfo> concat,
        boolean statusReport) {
}
