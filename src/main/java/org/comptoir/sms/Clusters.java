package org.comptoir.sms;

/**
 * Sequences of code points a reader sees as one character, which a UCS-2 split should keep together: a
 * letter with combining accents ({@code e} + U+0301, as macOS pastes {@code é}), an emoji with its variation
 * selector, skin tone or tag characters, emoji joined by ZWJ, and a flag's pair of regional indicators.
 *
 * <p>A simplified form of Unicode extended grapheme clusters (UAX #29) that is enough for SMS text and does
 * not depend on the JDK version's {@code BreakIterator} rules. Pure and thread-safe.
 */
final class Clusters {

    private static final int ZWJ = 0x200D;

    /** Nothing below U+0300 (the first combining accent) extends a cluster. */
    static final char FIRST_EXTENDER = '\u0300';

    private Clusters() {
    }

    /** UTF-16 length of the cluster starting at {@code start} (at least 1). */
    static int length(String text, int start) {
        int end = start + width(text, start);
        // Fast path for the editor's every keystroke: nothing below U+0300 extends a cluster.
        if (end >= text.length()
                || (text.charAt(end) < FIRST_EXTENDER && !Character.isHighSurrogate(text.charAt(start)))) {
            return end - start;
        }
        int first = text.codePointAt(start);
        if (isRegionalIndicator(first) && end < text.length() && isRegionalIndicator(text.codePointAt(end))) {
            end += width(text, end);
        }
        while (end < text.length()) {
            int next = text.codePointAt(end);
            if (next == ZWJ) {
                end += 1;
                if (end < text.length()) {
                    end += width(text, end); // the joined code point belongs to the same cluster
                }
            } else if (isExtender(next)) {
                end += width(text, end);
            } else {
                break;
            }
        }
        return end - start;
    }

    private static boolean isExtender(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors (text/emoji presentation)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF) // skin tone modifiers
                || (cp >= 0xE0020 && cp <= 0xE007F); // tags (subdivision flags)
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static int width(String text, int i) {
        return SmsText.ucs2Width(text, i);
    }
}
