package org.comptoir.cli;

import java.io.PrintWriter;
import org.comptoir.i18n.Messages;
import org.comptoir.sms.GsmSuggestions;
import org.comptoir.sms.NonGsmChar;
import org.comptoir.sms.SmsAnalysis;
import org.comptoir.sms.SmsText;

/** The human form of {@code sms info}, in the user's language. */
final class SmsInfoReport {

    private SmsInfoReport() {
    }

    static void print(PrintWriter out, Messages messages, String text, SmsAnalysis a) {
        String encoding = a.encoding().name();
        out.println(messages.get("sms.info.encoding", messages.get("sms.info.encoding." + encoding)));
        out.println(messages.get("sms.info.units." + encoding, a.units()));
        out.println(messages.get("sms.info.parts", a.parts()));
        out.println(messages.get("sms.info.remaining", a.remaining(), a.limitOfCurrentPart()));
        if (a.nonGsm().isEmpty()) {
            return;
        }
        out.println(messages.get("sms.info.nongsm"));
        for (NonGsmChar c : a.nonGsm()) {
            // Positions for people: the n-th character, counting an emoji as one.
            int position = text.codePointCount(0, c.indices().get(0)) + 1;
            String replacement = c.replacement().map(r -> visible(messages, r))
                    .orElseGet(() -> messages.get("sms.info.replacement.none"));
            out.println("  " + messages.get("sms.info.nongsm.char", shown(c), String.format("U+%04X", c.codePoint()),
                    c.count(), position, replacement));
        }
        SmsAnalysis fixed = SmsText.analyze(GsmSuggestions.replaceAll(text));
        out.println(messages.get("sms.info.suggested",
                messages.get("sms.info.encoding." + fixed.encoding().name()), fixed.parts()));
    }

    /** Invisible characters (spaces, tabs, zero-width) are shown by their code only. */
    private static String shown(NonGsmChar c) {
        return Character.isWhitespace(c.codePoint()) || Character.isSpaceChar(c.codePoint())
                || Character.getType(c.codePoint()) == Character.FORMAT
                || Character.getType(c.codePoint()) == Character.CONTROL
                || Character.isSurrogate((char) c.codePoint()) && c.text().length() == 1 ? "" : c.text();
    }

    private static String visible(Messages messages, String replacement) {
        return switch (replacement) {
            case "" -> messages.get("sms.info.replacement.remove");
            case " " -> messages.get("sms.info.replacement.space");
            case "\n" -> messages.get("sms.info.replacement.newline");
            default -> "« " + replacement + " »";
        };
    }
}
