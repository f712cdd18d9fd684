package org.comptoir.sms;

import java.util.List;
import java.util.Objects;

/**
 * What a text costs as SMS. Built by {@link SmsText#analyze}; the parts are the split that would be sent, so
 * the counter shown to the shop owner and the messages sent can never disagree.
 *
 * @param encoding  GSM7 when every character is in the GSM 7-bit alphabet, else UCS2
 * @param units     septets (an extension character counts 2) or UTF-16 units (an emoji usually counts 2)
 * @param parts     number of SMS; 0 for the empty text, which sends nothing
 * @param remaining units still free in the last part (in the single message while there is one part)
 * @param partTexts the text of each part, in order; they join back to the analysed text
 * @param nonGsm    characters that force UCS-2, in order of first occurrence; empty for GSM7
 */
public record SmsAnalysis(SmsEncoding encoding, int units, int parts, int remaining, List<String> partTexts,
        List<NonGsmChar> nonGsm) {

    public SmsAnalysis {
        Objects.requireNonNull(encoding, "encoding");
        partTexts = List.copyOf(partTexts);
        nonGsm = List.copyOf(nonGsm);
        if (units < 0 || remaining < 0) {
            throw new IllegalArgumentException("negative units " + units + " or remaining " + remaining);
        }
        if (parts != partTexts.size()) {
            throw new IllegalArgumentException("parts " + parts + " but " + partTexts.size() + " part texts");
        }
    }

    /** The capacity of the part being typed into: the single-message limit until a second part is needed. */
    public int limitOfCurrentPart() {
        return parts <= 1 ? encoding.singleLimit() : encoding.partLimit();
    }

    public boolean isUnicode() {
        return encoding == SmsEncoding.UCS2;
    }
}
