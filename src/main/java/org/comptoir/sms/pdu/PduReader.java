package org.comptoir.sms.pdu;

import java.util.Arrays;

/** A cursor over PDU octets whose reads fail with a {@link PduException} naming the field that is missing. */
final class PduReader {

    private final byte[] data;
    private int position;

    PduReader(byte[] data) {
        this.data = data;
    }

    int octet(String field) {
        need(1, field);
        return data[position++] & 0xFF;
    }

    byte[] octets(int count, String field) {
        need(count, field);
        byte[] out = Arrays.copyOfRange(data, position, position + count);
        position += count;
        return out;
    }

    int position() {
        return position;
    }

    int remaining() {
        return data.length - position;
    }

    /** Fails when octets remain: a PDU whose user data ends early has lengths that do not add up. */
    void expectEnd() {
        if (remaining() != 0) {
            throw new PduException(PduException.Code.INCONSISTENT_LENGTH,
                    remaining() + " octet(s) after the end of the user data at offset " + position);
        }
    }

    private void need(int count, String field) {
        if (count < 0 || position + count > data.length) {
            throw new PduException(PduException.Code.TRUNCATED, "PDU truncated: " + field + " needs " + count
                    + " octet(s) at offset " + position + ", " + remaining() + " left");
        }
    }
}
