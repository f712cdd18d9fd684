package org.comptoir.sms.pdu;

/**
 * A PDU that cannot be read or written: bad hex, truncated, inconsistent lengths, a coding this codec
 * refuses, or an argument a PDU cannot carry.
 *
 * <p>The sms packages stay pure (no bundles), so the message is plain English for logs and the
 * {@link #code()} is stable: the modem layer maps it to a user message.
 */
public class PduException extends IllegalArgumentException {

    /** Stable reason, safe to switch on and to store. */
    public enum Code {
        /** Not an even-length string of hex digits. */
        BAD_HEX,
        /** Ends before a field the header announced. */
        TRUNCATED,
        /** Lengths that do not add up (UDL vs data, header length, trailing octets). */
        INCONSISTENT_LENGTH,
        /** A valid PDU of another type (e.g. a STATUS-REPORT given to the DELIVER decoder). */
        WRONG_TYPE,
        /** A data coding or field value this codec does not handle (compressed text, reserved DCS). */
        UNSUPPORTED,
        /** Bad input to an encoder: address, text not in the alphabet, part too long, reference out of range. */
        INVALID_ARGUMENT
    }

    private final Code code;

    public PduException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
