package org.comptoir.sms.pdu;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** TP-SCTS and TP-DT, TS 23.040 §9.2.3.11: seven swapped-BCD octets YY MM DD hh mm ss TZ. */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * Reads a timestamp. The time zone is in quarter-hours from GMT; bit 3 of the octet (the high bit of
     * the tens digit once the nibbles are swapped back) is the sign. Years 90–99 are read as 19xx, the
     * rest as 20xx, so old published vectors still decode.
     */
    static Instant read(PduReader reader, String field) {
        byte[] raw = reader.octets(7, field);
        int[] v = new int[6];
        for (int i = 0; i < 6; i++) {
            v[i] = bcd(raw[i] & 0xFF, field);
        }
        int tz = raw[6] & 0xFF;
        int tens = tz & 0x07;
        int units = tz >> 4;
        if (units > 9) {
            throw new PduException(PduException.Code.UNSUPPORTED, field + " has a bad time zone octet " + tz);
        }
        int quarters = tens * 10 + units;
        if ((tz & 0x08) != 0) {
            quarters = -quarters;
        }
        try {
            int year = v[0] >= 90 ? 1900 + v[0] : 2000 + v[0];
            return OffsetDateTime.of(year, v[1], v[2], v[3], v[4], v[5], 0,
                    ZoneOffset.ofTotalSeconds(quarters * 15 * 60)).toInstant();
        } catch (DateTimeException e) {
            throw new PduException(PduException.Code.UNSUPPORTED, field + " is not a valid date: " + e.getMessage());
        }
    }

    private static int bcd(int octet, String field) {
        int low = octet & 0x0F;
        int high = octet >> 4;
        if (low > 9 || high > 9) {
            throw new PduException(PduException.Code.UNSUPPORTED,
                    String.format("%s has a non-BCD octet %02X", field, octet));
        }
        return low * 10 + high;
    }
}
