package org.comptoir.gateway.modem;

import java.util.List;
import java.util.Locale;

/** How the AT channel classifies a line (TS 27.007 §5.7 result codes, TS 27.005 §3.4 indications). */
final class AtLines {

    static final List<String> URC_PREFIXES = List.of(
            "+CMTI:", "+CDSI:", "+CDS:", "+CMT:", "+CBM:", "RING", "+CLIP:", "+CREG:", "+CGREG:", "+CEREG:",
            "+CUSD:", "+CIEV:", "+CPIN:", "^", "SMS READY", "CALL READY", "RDY", "+PBREADY", "+QIND:", "+STIN:",
            "+CRING:", "NO CARRIER", "+SIM", "+CFUN:");

    static boolean isFinal(String l) {
        return l.equals("OK") || l.equals("ERROR") || l.startsWith("+CME ERROR") || l.startsWith("+CMS ERROR")
                || l.equals("NO CARRIER") || l.equals("COMMAND NOT SUPPORT") || l.equals("TOO MANY PARAMETERS");
    }

    static boolean isUnsolicited(String l) {
        String u = l.toUpperCase(Locale.ROOT);
        for (String prefix : URC_PREFIXES) {
            if (u.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The information-response prefix a command expects: {@code AT+CREG?} → {@code +CREG}. */
    static String expectedPrefix(String command) {
        String c = command.toUpperCase(Locale.ROOT);
        if (!c.startsWith("AT") || c.length() < 3 || (c.charAt(2) != '+' && c.charAt(2) != '^')) {
            return null;
        }
        int end = 3;
        while (end < c.length() && Character.isLetterOrDigit(c.charAt(end))) {
            end++;
        }
        return c.substring(2, end);
    }

    private AtLines() {
    }
}
