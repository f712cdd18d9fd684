package org.comptoir.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Blanks credentials out of any text the gateway lets go of — a log line, an error message, an unknown fate's
 * reason — including the Basic form ({@code user:secret} in Base64) a server might echo back.
 */
final class Redactor {

    private final List<String> secrets = new ArrayList<>();

    Redactor(List<String> values) {
        for (String v : values) {
            if (v != null && v.strip().length() >= 3) {
                secrets.add(v.strip());
            }
        }
        // longest first, so a secret containing another is blanked whole
        secrets.sort((a, b) -> b.length() - a.length());
    }

    /** Also hides {@code user:password} as a Basic header would carry it. */
    static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String clean(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        return out;
    }
}
