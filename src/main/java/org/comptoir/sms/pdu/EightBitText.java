package org.comptoir.sms.pdu;

/** How the text of 8-bit data (DCS alphabet 01) is rendered: it has no character set of its own. */
public enum EightBitText {
    /** Upper-case hex of the octets: lossless, right for binary payloads (the default). */
    HEX,
    /** Each octet as the ISO-8859-1 character of the same value, for senders that use 8-bit for Latin text. */
    LATIN1
}
