package org.comptoir.sms.pdu;

/**
 * One SMS-SUBMIT ready for AT+CMGS in PDU mode (TS 27.005 §3.5.1).
 *
 * @param hex        the line to write after the "> " prompt, starting with the SMSC length octet "00"
 *                   (use the SMSC stored by AT+CSCA)
 * @param tpduLength the {@code <length>} of AT+CMGS: TPDU octets, the SMSC part excluded
 * @param partNumber 1-based position of this part
 * @param totalParts number of parts of the message
 */
public record EncodedPdu(String hex, int tpduLength, int partNumber, int totalParts) {
}
