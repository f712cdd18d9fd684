package org.comptoir.sms.pdu;

/** SMS-DELIVER decoding, TS 23.040 §9.2.2.1: what +CMT, +CMGR and +CMGL print in PDU mode. Pure, thread-safe. */
public final class DeliverPdu {

    private DeliverPdu() {
    }

    /** Decodes a DELIVER, 8-bit data rendered as hex. See {@link #decode(String, EightBitText)}. */
    public static SmsDeliver decode(String hex) {
        return decode(hex, EightBitText.HEX);
    }

    /**
     * Decodes the hex of +CMT/+CMGR/+CMGL: SMSC part (length octet, 00 = none), first octet (MTI 00),
     * TP-OA, TP-PID, TP-DCS, TP-SCTS, TP-UDL, TP-UD (with a user data header when TP-UDHI is set).
     *
     * @throws PduException BAD_HEX, TRUNCATED, INCONSISTENT_LENGTH (including octets after the user
     *                      data), WRONG_TYPE when it is not a DELIVER, UNSUPPORTED for compressed or reserved
     *                      data codings
     */
    public static SmsDeliver decode(String hex, EightBitText eightBit) {
        PduReader reader = new PduReader(Hex.decode(hex));
        Address.readServiceCentre(reader);
        int firstOctet = reader.octet("first octet");
        PduType.expect(firstOctet, PduType.DELIVER);
        String originator = Address.readTpAddress(reader, "TP-OA");
        reader.octet("TP-PID");
        DataCoding coding = DataCoding.of(reader.octet("TP-DCS"));
        var time = Timestamps.read(reader, "TP-SCTS");
        UserData userData = UserData.read(reader, (firstOctet & SubmitPdu.UDHI) != 0, coding, eightBit);
        reader.expectEnd();
        return new SmsDeliver(originator, time, coding.encoding(), userData.text(), userData.concat(), coding);
    }
}
