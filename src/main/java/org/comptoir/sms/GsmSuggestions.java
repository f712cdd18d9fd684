package org.comptoir.sms;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GSM-7 stand-ins for characters that would force a message into UCS-2 (70 instead of 160 per SMS): the
 * "optimise for SMS" the shop owner approves in the editor, never applied silently (REFERENCE.md §3.3).
 *
 * <p>Choices:
 * <ul>
 *   <li>lowercase {@code ç} becomes {@code c}, not {@code Ç}: 0x09 is the capital (TS 23.038, ICU, Android),
 *       and {@code garÇon} reads as a typo where {@code garcon} reads as plain SMS French;</li>
 *   <li>accented letters outside the alphabet lose their accent ({@code ê → e}, {@code Â → A}); the ones
 *       inside ({@code é è à ù ì ò É Ç Ä Ö Ñ Ü ä ö ñ ü Æ æ Ø ø Å å ß}) are never touched;</li>
 *   <li>{@code œ Œ} become {@code oe OE}; typographic quotes, dashes, the ellipsis and the spaces French
 *       typography puts before {@code ; : ! ?} become their ASCII forms;</li>
 *   <li>invisible characters pasted from word processors (zero-width space, soft hyphen, byte order mark)
 *       are removed;</li>
 *   <li>{@code €} and the other extension characters are GSM already and stay.</li>
 * </ul>
 * Other letters with diacritics fall back to their decomposed base letter when that is GSM. Emoji and
 * symbols with no honest equivalent ({@code °}, {@code ™}…) have no suggestion. Pure and thread-safe.
 */
public final class GsmSuggestions {

    private static final Map<Integer, String> TABLE = new HashMap<>();

    static {
        // Apostrophes and single quotes, including the backtick that is not in the alphabet.
        put("'", "’‘‚‛′´`‹›");
        put("\"", "“”„‟″«»");
        put("-", "‐‑‒–—―−•‣◦⁃");
        put(" ", "\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\t");
        put("", "\u200B\u00AD\uFEFF\u2060");
        put("\n", "\u2028\u2029");
        put("...", "…");
        put(".", "·");
        put("oe", "œ");
        put("OE", "Œ");
        put("x", "×");
        // French letters, spelled out so the table reads as the list the shop owner sees.
        put("c", "ç");
        put("a", "âáãā");
        put("A", "ÀÂÁÃĀ");
        put("e", "êëē");
        put("E", "ÈÊËĒ");
        put("i", "îïíī");
        put("I", "ÎÏÍÌĪ");
        put("o", "ôóõō");
        put("O", "ÔÓÕÒŌ");
        put("u", "ûúū");
        put("U", "ÙÛÚŪ");
        put("y", "ÿý");
        put("Y", "ŸÝ");
    }

    private static void put(String replacement, String characters) {
        characters.codePoints().forEach(cp -> TABLE.put(cp, replacement));
    }

    private GsmSuggestions() {
    }

    /**
     * A GSM-7 text to use instead of {@code codePoint}, or empty when the character is GSM already or has no
     * sensible stand-in. The replacement may be empty (invisible characters) or longer than one character.
     */
    public static Optional<String> replacementFor(int codePoint) {
        if (GsmAlphabet.isGsm(codePoint)) {
            return Optional.empty();
        }
        String fixed = TABLE.get(codePoint);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        return baseLetter(codePoint);
    }

    /** {@code text} with every character that has a suggestion replaced; the others are left as they are. */
    public static String replaceAll(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            Optional<String> replacement = replacementFor(codePoint);
            if (replacement.isPresent()) {
                out.append(replacement.get());
            } else {
                out.appendCodePoint(codePoint);
            }
            i += width;
        }
        return out.toString();
    }

    /** A letter with diacritics whose canonical decomposition starts with a GSM letter: that letter. */
    private static Optional<String> baseLetter(int codePoint) {
        if (!Character.isLetter(codePoint) || Character.isSupplementaryCodePoint(codePoint)) {
            return Optional.empty();
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFD);
        if (decomposed.length() < 2) {
            return Optional.empty();
        }
        char base = decomposed.charAt(0);
        for (int i = 1; i < decomposed.length(); i++) {
            if (Character.getType(decomposed.charAt(i)) != Character.NON_SPACING_MARK) {
                return Optional.empty();
            }
        }
        return GsmAlphabet.isGsm(base) && Character.isLetter(base) ? Optional.of(String.valueOf(base))
                : Optional.empty();
    }
}
