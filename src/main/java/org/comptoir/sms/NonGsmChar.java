package org.comptoir.sms;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One character of a text that has no place in the GSM 7-bit alphabet, so it forces the whole message into
 * UCS-2. The editor highlights it at {@code indices} and offers {@code replacement}, which the shop owner
 * approves (REFERENCE.md §3.3: never transliterate silently).
 *
 * @param codePoint   the code point (a lone surrogate is reported as itself)
 * @param text        the character as a string (two UTF-16 units for a code point above U+FFFF)
 * @param indices     UTF-16 index of every occurrence in the analysed text, ascending
 * @param replacement GSM-7 text that could stand for it, when there is a sensible one
 */
public record NonGsmChar(int codePoint, String text, List<Integer> indices, Optional<String> replacement) {

    public NonGsmChar {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(replacement, "replacement");
        indices = List.copyOf(indices);
    }

    /** How many times the character occurs. */
    public int count() {
        return indices.size();
    }
}
