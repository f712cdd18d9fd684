package org.comptoir.sms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts and splits SMS text (3GPP TS 23.038 alphabets, TS 23.040 concatenation; REFERENCE.md §3).
 *
 * <p>Pure and thread-safe; cheap enough to run on every keystroke (see docs/performance.md). One loop both
 * counts and cuts, so the number shown to the shop owner is the number of messages that will be sent:
 * <ul>
 *   <li>GSM-7 when every UTF-16 unit is in the default alphabet or its extension table, else UCS-2 for the
 *       whole message (one {@code ç} or emoji is enough);</li>
 *   <li>GSM-7 extension characters cost 2 septets and the escape pair is never cut across parts;</li>
 *   <li>UCS-2 counts UTF-16 units and never cuts a surrogate pair; it also keeps a character with its
 *       combining accents, variation selectors, skin tones and joined emoji ({@link Clusters}) in one part,
 *       unless that sequence alone is longer than a part;</li>
 *   <li>up to {@link SmsEncoding#singleLimit()} units make one message; beyond, parts of at most
 *       {@link SmsEncoding#partLimit()};</li>
 *   <li>the empty text is 0 units and 0 parts (nothing is sent), with the full single limit remaining.</li>
 * </ul>
 */
public final class SmsText {

    private SmsText() {
    }

    /** Encoding, size, split and offending characters of {@code text}. */
    public static SmsAnalysis analyze(String text) {
        Objects.requireNonNull(text, "text");
        Cuts cuts = cuts(text, SmsEncoding.GSM7);
        SmsEncoding encoding = cuts != null ? SmsEncoding.GSM7 : SmsEncoding.UCS2;
        if (cuts == null) {
            cuts = cuts(text, SmsEncoding.UCS2);
        }
        List<NonGsmChar> nonGsm = encoding == SmsEncoding.UCS2 ? nonGsmChars(text) : List.of();
        if (cuts.total() == 0) {
            return new SmsAnalysis(encoding, 0, encoding.singleLimit(), List.of(), nonGsm);
        }
        if (cuts.total() <= encoding.singleLimit()) {
            return new SmsAnalysis(encoding, cuts.total(), encoding.singleLimit() - cuts.total(), List.of(text),
                    nonGsm);
        }
        List<String> parts = new ArrayList<>(cuts.count() + 1);
        int start = 0;
        for (int k = 0; k < cuts.count(); k++) {
            parts.add(text.substring(start, cuts.at()[k]));
            start = cuts.at()[k];
        }
        parts.add(text.substring(start));
        return new SmsAnalysis(encoding, cuts.total(), encoding.partLimit() - cuts.inLast(), parts, nonGsm);
    }

    /**
     * Where parts start (after the first) at the multi-part limit, and the units counted on the way. When the
     * total then fits in one message the cuts are simply not used: the count and the split come from one loop.
     */
    private record Cuts(int[] at, int count, int total, int inLast) {
    }

    /**
     * Walks {@code text} one unit of cutting at a time, counting it and cutting before the unit that would
     * overflow a part. Locals rather than fields: this loop runs on every keystroke.
     * <ul>
     *   <li>GSM7: a character; an extension character costs 2 and is one unit of cutting, so ESC and its code
     *       always share a part. Returns null at the first character outside the alphabet (the text is then
     *       UCS-2).</li>
     *   <li>UCS2: a cluster, costing its UTF-16 length; inside a cluster longer than a part, a code point
     *       (never half a surrogate pair).</li>
     * </ul>
     */
    private static Cuts cuts(String text, SmsEncoding encoding) {
        boolean gsm = encoding == SmsEncoding.GSM7;
        int limit = encoding.partLimit();
        int[] at = new int[8];
        int count = 0;
        int total = 0;
        int inLast = 0;
        int oversizedClusterEnd = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int width;
            int cost;
            if (gsm) {
                width = 1;
                cost = GsmAlphabet.septetCost(text.charAt(i));
                if (cost < 0) {
                    return null;
                }
            } else {
                // The common case, kept inline: one BMP character that nothing extends.
                if (!Character.isSurrogate(text.charAt(i))
                        && (i + 1 == n || text.charAt(i + 1) < Clusters.FIRST_EXTENDER)) {
                    width = 1;
                } else {
                    width = i < oversizedClusterEnd ? ucs2Width(text, i) : Clusters.length(text, i);
                }
                if (width > limit) {
                    oversizedClusterEnd = i + width;
                    width = ucs2Width(text, i);
                }
                cost = width;
            }
            if (inLast + cost > limit) {
                if (count == at.length) {
                    at = Arrays.copyOf(at, count * 2);
                }
                at[count++] = i;
                inLast = 0;
            }
            inLast += cost;
            total += cost;
            i += width;
        }
        return new Cuts(at, count, total, inLast);
    }

    /** GSM7 when every character of {@code text} is in the GSM 7-bit alphabet (basic or extension). */
    public static SmsEncoding encodingOf(String text) {
        return isGsm(text) ? SmsEncoding.GSM7 : SmsEncoding.UCS2;
    }

    /** True when {@code text} can be sent in GSM-7 as it is. */
    public static boolean isGsm(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (!GsmAlphabet.isGsm(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Units {@code text} costs in {@code encoding}: septets for GSM7 (extension characters count 2), UTF-16
     * units for UCS2. For the editor's estimates, e.g. how much a placeholder's value adds.
     *
     * @throws IllegalArgumentException if {@code encoding} is GSM7 and the text holds a character outside
     *                                  the GSM 7-bit alphabet (check with {@link #isGsm(String)} first)
     */
    public static int unitsOf(String text, SmsEncoding encoding) {
        if (encoding == SmsEncoding.UCS2) {
            return text.length();
        }
        int units = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int cost = GsmAlphabet.septetCost(text.charAt(i));
            if (cost < 0) {
                throw new IllegalArgumentException(String.format("U+%04X at index %d is not in GSM-7",
                        (int) text.charAt(i), i));
            }
            units += cost;
        }
        return units;
    }

    /** 2 for a well-formed surrogate pair starting at {@code i}, else 1 (a lone surrogate is one unit). */
    static int ucs2Width(String text, int i) {
        // String.codePointAt returns a lone surrogate as itself, so this never pairs a half with a stranger
        return Character.charCount(text.codePointAt(i));
    }

    private static List<NonGsmChar> nonGsmChars(String text) {
        Map<Integer, List<Integer>> found = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            if (GsmAlphabet.isGsm(text.charAt(i))) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i); // a lone surrogate is reported as itself
            found.computeIfAbsent(codePoint, k -> new ArrayList<>()).add(i);
            i += Character.charCount(codePoint);
        }
        List<NonGsmChar> result = new ArrayList<>(found.size());
        found.forEach((codePoint, indices) -> result.add(new NonGsmChar(codePoint,
                new String(Character.toChars(codePoint)), indices, GsmSuggestions.replacementFor(codePoint))));
        return result;
    }
}
