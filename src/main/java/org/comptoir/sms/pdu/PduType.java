package org.comptoir.sms.pdu;

/**
 * The three TPDU types a PC meets, told apart by TP-MTI, the two low bits of the first octet
 * (TS 23.040 §9.2.3.1). +CMGL can list all three: received, stored unsent/sent, and status reports.
 */
public enum PduType {
    /** MTI 00, received. */
    DELIVER,
    /** MTI 01, sent or stored for sending. */
    SUBMIT,
    /** MTI 10 in the SC-to-MS direction. */
    STATUS_REPORT;

    /**
     * The type of a PDU in modem hex (SMSC part first), read from the first octet only.
     *
     * @throws PduException BAD_HEX, TRUNCATED, or UNSUPPORTED for the reserved MTI 11
     */
    public static PduType of(String hex) {
        PduReader reader = new PduReader(Hex.decode(hex));
        Address.readServiceCentre(reader);
        return ofFirstOctet(reader.octet("first octet"));
    }

    static PduType ofFirstOctet(int firstOctet) {
        return switch (firstOctet & 0x03) {
            case 0 -> DELIVER;
            case 1 -> SUBMIT;
            case 2 -> STATUS_REPORT;
            default -> throw new PduException(PduException.Code.UNSUPPORTED, "reserved TP-MTI 11");
        };
    }

    static void expect(int firstOctet, PduType wanted) {
        PduType actual = ofFirstOctet(firstOctet);
        if (actual != wanted) {
            throw new PduException(PduException.Code.WRONG_TYPE, "PDU is an SMS-" + actual.name().replace('_', '-')
                    + ", not an SMS-" + wanted.name().replace('_', '-'));
        }
    }
}
