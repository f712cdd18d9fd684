package org.comptoir.phone;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides phone numbers in free text (log lines): {@code +33612345678} becomes {@code +336*****78}, and so do
 * national spellings such as {@code 06 12 34 56 78}. What is kept (the first digits, which say the country and
 * the operator range, and the last two) cannot name a person. Pure and thread-safe.
 */
public final class PhoneMask {

    /** A run of 9 to 15 digits, optionally after a +, with single spaces, dots or hyphens between them. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w+])\\+?\\d(?:[ .\\-]?\\d){8,14}(?!\\w)");

    private PhoneMask() {
    }

    public static String maskAll(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** One number: its first four characters (with the +) and last two digits kept, the rest starred. */
    public static String mask(String number) {
        String digits = number.replaceAll("[^\\d+]", "");
        int keepStart = Math.min(4, digits.length());
        int keepEnd = 2;
        if (digits.length() <= keepStart + keepEnd) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, keepStart) + "*".repeat(digits.length() - keepStart - keepEnd)
                + digits.substring(digits.length() - keepEnd);
    }
}
