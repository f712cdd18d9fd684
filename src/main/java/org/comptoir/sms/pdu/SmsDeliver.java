package org.comptoir.sms.pdu;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.comptoir.sms.SmsEncoding;

/**
 * A received SMS-DELIVER (TS 23.040 §9.2.2.1), one part of a message when {@link #concat()} is present.
 *
 * @param originator        "+" and digits for an international TP-OA, digits for other numeric types,
 *                          the sender name for an alphanumeric one (TON 101)
 * @param serviceCentreTime TP-SCTS with its time zone applied
 * @param encoding          GSM7 for the 7-bit alphabet; UCS2 for UCS-2 and also for 8-bit data, the two
 *                          whose TP-UDL counts octets: tell them apart with {@link #dataCoding()}
 * @param text              the decoded text (8-bit data as hex or Latin-1, see {@link EightBitText})
 * @param concat            the concatenation header of this part, if any
 * @param dataCoding        the alphabet and message class read from TP-DCS
 */
public record SmsDeliver(String originator, Instant serviceCentreTime, SmsEncoding encoding, String text,
        Optional<ConcatInfo> concat, DataCoding dataCoding) {

    public SmsDeliver {
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(serviceCentreTime, "serviceCentreTime");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(concat, "concat");
        Objects.requireNonNull(dataCoding, "dataCoding");
    }

    /** A part with no message class, its data coding following {@code encoding}. */
    public SmsDeliver(String originator, Instant serviceCentreTime, SmsEncoding encoding, String text,
            Optional<ConcatInfo> concat) {
        this(originator, serviceCentreTime, encoding, text, concat, new DataCoding(
                encoding == SmsEncoding.UCS2 ? DataCoding.Alphabet.UCS2 : DataCoding.Alphabet.GSM7,
                OptionalInt.empty()));
    }
}
