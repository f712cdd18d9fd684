package org.comptoir.consent;

/**
 * Text read back from the store, made safe to show in a terminal or a window: every control character (escape
 * sequences that drive a terminal, line breaks, bidirectional overrides that reorder what the UI shows) is written out
 * as a visible {@code \\uXXXX} instead of acting. New staff names and evidence texts are already cleaned when they are
 * recorded ({@link ConsentService}); this covers rows recorded before that, or written into the store by hand. The
 * stored text itself, which the ledger's hash covers, is never changed.
 */
public final class Printable {

    private Printable() {
    }

    /** {@code text} with each control character spelled out; null stays null. Pure, any thread. */
    public static String of(String text) {
        if (text == null || text.codePoints().noneMatch(ConsentService::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (ConsentService.isControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
