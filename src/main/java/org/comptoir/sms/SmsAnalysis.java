package org.comptoir.sms;

import java.util.List;
import java.util.Objects;

/**
 * What a text costs as SMS. Built by {@link SmsText#analyze}; the parts are the split that would be sent, so
 * the counter shown to the shop owner and the messages sent can never disagree: the number of parts is not
 * stored but read from the split.
 *
 * @param encoding  GSM7 when every character is in the GSM 7-bit alphabet, else UCS2
 * @param units     septets (an extension character counts 2) or UTF-16 units (an emoji usually counts 2)
 * @param remaining units still free in the last part (in the single message while there is one part); kept
 *                  as the splitting loop counted it rather than recounting the last part on every keystroke
 * @param partTexts the text of each part, in order; they join back to the analysed text
 * @param nonGsm    characters that force UCS-2, in order of first occurrence; empty for GSM7
 */
public record SmsAnalysis(SmsEncoding encoding, int units, int remaining, List<String> partTexts,
        List<NonGsmChar> nonGsm) {

    public SmsAnalysis {
        Objects.requireNonNull(encoding, "encoding");
        partTexts = List.copyOf(partTexts);
        nonGsm = List.copyOf(nonGsm);
        if (units < 0 || remaining < 0) {
            throw new IllegalArgumentException("negative units " + units + " or remaining " + remaining);
        }
        int limit = partTexts.size() <= 1 ? encoding.singleLimit() : encoding.partLimit();
        if (remaining > limit || (partTexts.size() <= 1 && remaining != limit - units)) {
            throw new IllegalArgumentException("remaining " + remaining + " does not fit " + units + " units in "
                    + partTexts.size() + " part(s)");
        }
    }

    /** Number of SMS; 0 for the empty text, which sends nothing. */
    public int parts() {
        return partTexts.size();
    }

    /** The capacity of the part being typed into: the single-message limit until a second part is needed. */
    public int limitOfCurrentPart() {
        return parts() <= 1 ? encoding.singleLimit() : encoding.partLimit();
    }

    public boolean isUnicode() {
        return encoding == SmsEncoding.UCS2;
    }
}
