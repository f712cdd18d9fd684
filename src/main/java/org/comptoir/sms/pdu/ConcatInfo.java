package org.comptoir.sms.pdu;

/**
 * Concatenation information element of a user data header (TS 23.040 §9.2.3.24.1 IEI 00, 8-bit
 * reference, and §9.2.3.24.8 IEI 08, 16-bit reference).
 *
 * @param reference same for every part of one message (0..255 or 0..65535)
 * @param total     number of parts, 1..255
 * @param sequence  this part's 1-based position, 1..total
 */
public record ConcatInfo(int reference, int total, int sequence) {

    public ConcatInfo {
        if (reference < 0 || reference > 0xFFFF || total < 1 || total > 255 || sequence < 1 || sequence > total) {
            throw new PduException(PduException.Code.INVALID_ARGUMENT,
                    "bad concatenation info: ref " + reference + ", part " + sequence + "/" + total);
        }
    }
}
