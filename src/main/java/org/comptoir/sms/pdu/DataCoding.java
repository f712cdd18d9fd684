package org.comptoir.sms.pdu;

import java.util.OptionalInt;
import org.comptoir.sms.SmsEncoding;

/**
 * What a TP-DCS octet says (TS 23.038 §4): the alphabet and the message class, if any.
 *
 * @param alphabet     GSM 7-bit default, 8-bit data or UCS-2
 * @param messageClass 0 (flash) .. 3, empty when the DCS gives no class
 */
public record DataCoding(Alphabet alphabet, OptionalInt messageClass) {

    /** The character sets a DCS can announce. */
    public enum Alphabet {
        GSM7,
        EIGHT_BIT,
        UCS2
    }

    /** GSM7 for the 7-bit alphabet, else UCS2 (8-bit data included): what decoded SUBMITs and DELIVERs report. */
    public SmsEncoding encoding() {
        return alphabet == Alphabet.GSM7 ? SmsEncoding.GSM7 : SmsEncoding.UCS2;
    }

    /**
     * Reads a DCS octet. Refuses compressed text (bit 5 of the general groups), the reserved alphabet 11
     * and the reserved coding groups 1000–1011, which no handset sends and this codec cannot read.
     */
    public static DataCoding of(int dcs) {
        int group = dcs >> 4 & 0x0F;
        if (group <= 0x7) {
            // 00xx general data coding, 01xx the same marked for automatic deletion
            if ((dcs & 0x20) != 0) {
                throw new PduException(PduException.Code.UNSUPPORTED,
                        String.format("DCS %02X announces compressed text (TS 23.042), not supported", dcs));
            }
            OptionalInt messageClass = (dcs & 0x10) != 0 ? OptionalInt.of(dcs & 0x03) : OptionalInt.empty();
            return switch (dcs >> 2 & 0x03) {
                case 0 -> new DataCoding(Alphabet.GSM7, messageClass);
                case 1 -> new DataCoding(Alphabet.EIGHT_BIT, messageClass);
                case 2 -> new DataCoding(Alphabet.UCS2, messageClass);
                default -> throw new PduException(PduException.Code.UNSUPPORTED,
                        String.format("DCS %02X uses the reserved alphabet 11", dcs));
            };
        }
        return switch (group) {
            // message waiting indication groups: discard (1100) or store (1101) GSM-7, store UCS-2 (1110)
            case 0xC, 0xD -> new DataCoding(Alphabet.GSM7, OptionalInt.empty());
            case 0xE -> new DataCoding(Alphabet.UCS2, OptionalInt.empty());
            case 0xF -> new DataCoding((dcs & 0x04) != 0 ? Alphabet.EIGHT_BIT : Alphabet.GSM7,
                    OptionalInt.of(dcs & 0x03));
            default -> throw new PduException(PduException.Code.UNSUPPORTED,
                    String.format("DCS %02X is in a reserved coding group", dcs));
        };
    }
}
