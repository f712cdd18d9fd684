package org.comptoir.sms;

/**
 * How a message's text is carried: GSM 7-bit default alphabet or UCS-2 (UTF-16 units on the wire).
 * Limits are for an 8-bit-reference concatenation header (6 octets), which is what Comptoir sends
 * (3GPP TS 23.040 §9.2.3.24.1; REFERENCE.md §3.5).
 */
public enum SmsEncoding {
    /** Septets: 140 octets × 8 / 7 = 160 alone; 153 per part after a 6-octet header and 1 fill bit. */
    GSM7(GsmAlphabet.SINGLE_PART_SEPTETS, GsmAlphabet.MULTI_PART_SEPTETS),
    /** 16-bit units: 140 / 2 = 70 alone; (140 − 6) / 2 = 67 per part. */
    UCS2(70, 67);

    private final int singleLimit;
    private final int partLimit;

    SmsEncoding(int singleLimit, int partLimit) {
        this.singleLimit = singleLimit;
        this.partLimit = partLimit;
    }

    /** Units that fit in a message sent as one part, without a concatenation header. */
    public int singleLimit() {
        return singleLimit;
    }

    /** Units that fit in each part of a concatenated message. */
    public int partLimit() {
        return partLimit;
    }
}
