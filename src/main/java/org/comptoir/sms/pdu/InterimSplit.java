package org.comptoir.sms.pdu;

import java.util.ArrayList;
import java.util.List;
import org.comptoir.sms.GsmAlphabet;
import org.comptoir.sms.SmsEncoding;

/**
 * Stand-in splitter until {@code SmsText.analyze} lands from the sms branch; then encode() uses that
 * single code path and this class goes. Never cuts an escape pair or a surrogate pair.
 */
final class InterimSplit {

    record Split(SmsEncoding encoding, List<String> parts) {
    }

    private InterimSplit() {
    }

    static Split split(String text) {
        boolean gsm = text.chars().allMatch(c -> GsmAlphabet.isGsm((char) c));
        int single = gsm ? 160 : 70;
        int multi = gsm ? 153 : 67;
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += gsm ? GsmAlphabet.septetCost(text.charAt(i)) : 1;
        }
        List<String> parts = new ArrayList<>();
        if (total <= single) {
            parts.add(text);
            return new Split(gsm ? SmsEncoding.GSM7 : SmsEncoding.UCS2, parts);
        }
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int cost = gsm ? GsmAlphabet.septetCost(c) : (Character.isHighSurrogate(c) ? 2 : 1);
            if (used + cost > multi) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += cost;
            if (!gsm && Character.isHighSurrogate(c)) {
                i++;
            }
        }
        parts.add(text.substring(start));
        return new Split(gsm ? SmsEncoding.GSM7 : SmsEncoding.UCS2, parts);
    }
}
