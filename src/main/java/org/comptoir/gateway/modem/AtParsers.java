package org.comptoir.gateway.modem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the information lines of AT answers (TS 27.007, TS 27.005), tolerant of what real modems print:
 * extra or missing fields, spaces, quotes left open. Each parser is fed recorded answers kept as fixtures
 * under {@code src/test/resources/modem/<parser>/}, one file per answer.
 */
final class AtParsers {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"?");
    private static final Pattern HEX_PDU = Pattern.compile("[0-9A-Fa-f]+");
    private static final Pattern ICCID = Pattern.compile("([0-9]{18,20}[0-9Ff]?)");

    /** One message listed by {@code +CMGL} in PDU mode: index, stat (0 unread … 3 sent), the PDU in hex. */
    record Listed(int index, int stat, String pdu) {
    }

    /** What {@code AT+CPMS=} answers: used and total of the first (read/delete) storage; -1 when unreadable. */
    record Storage(int used, int total) {
    }

    private AtParsers() {
    }

    /**
     * {@code +CMGL: <index>,<stat>,[<alpha>],<length>} each followed by its PDU line (TS 27.005 §3.4.2).
     * A header without a readable PDU after it is skipped, and so is a PDU that is not hex.
     */
    static List<Listed> cmgl(List<String> lines) {
        List<Listed> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("+CMGL:")) {
                continue;
            }
            String[] f = l.substring(6).split(",");
            int index = integer(f, 0);
            int stat = integer(f, 1);
            if (i + 1 < lines.size() && HEX_PDU.matcher(lines.get(i + 1).trim()).matches()) {
                i++;
                if (index >= 0) {
                    out.add(new Listed(index, stat, lines.get(i).trim()));
                }
            }
        }
        return out;
    }

    /** The PDU line of {@code +CMGR: <stat>,[<alpha>],<length>} (TS 27.005 §3.4.3); empty when none. */
    static Optional<String> cmgr(List<String> lines) {
        boolean header = false;
        for (String l : lines) {
            if (l.startsWith("+CMGR:")) {
                header = true;
            } else if (header && HEX_PDU.matcher(l.trim()).matches()) {
                return Optional.of(l.trim());
            }
        }
        return Optional.empty();
    }

    /** The length announced by {@code +CDS: <length>} (TS 27.005 §3.4.1); -1 when unreadable. */
    static int cdsLength(String header) {
        return header.startsWith("+CDS:") ? integer(header.substring(5).split(","), 0) : -1;
    }

    /** The operator of {@code +COPS: <mode>[,<format>,"<oper>"[,<AcT>]]} (TS 27.007 §7.3); "" when none. */
    static String operator(String value) {
        if (value == null) {
            return "";
        }
        Matcher m = QUOTED.matcher(value);
        return m.find() ? m.group(1).trim() : "";
    }

    /**
     * The {@code <stat>} of a {@code +CREG?}/{@code +CEREG?} answer, {@code <n>,<stat>[,...]} (TS 27.007
     * §7.2, §10.1.22); a modem that prints the stat alone gets it read from the first field. -1 when unreadable.
     */
    static int registration(String value) {
        if (value == null) {
            return -1;
        }
        String[] f = value.split(",");
        int stat = f.length >= 2 ? integer(f, 1) : integer(f, 0);
        return stat >= 0 && stat <= 11 ? stat : -1;
    }

    /** {@code +CPMS: <used1>,<total1>,...} (TS 27.005 §3.2.2). */
    static Storage storage(String value) {
        if (value == null) {
            return new Storage(-1, -1);
        }
        String[] f = value.split(",");
        if (f.length > 0 && f[0].contains("\"")) {
            // the query form repeats the storage name first: "SM",3,30,...
            return new Storage(integer(f, 1), integer(f, 2));
        }
        return new Storage(integer(f, 0), integer(f, 1));
    }

    /** The ICCID in any of the makers' answers ({@code +CCID: 89…}, {@code ^ICCID: 98…}, a bare line); "" if none. */
    static String iccid(List<String> lines) {
        for (String l : lines) {
            Matcher m = ICCID.matcher(l.replace("\"", ""));
            if (m.find()) {
                return m.group(1).toUpperCase(java.util.Locale.ROOT);
            }
        }
        return "";
    }

    /** The PIN attempts left in the answer to {@code form}'s command; null when absent or unreadable. */
    static Integer pinRetries(List<String> lines, VendorProfile.PinRetries form) {
        for (String l : lines) {
            if (l.startsWith(form.prefix())) {
                String[] f = l.substring(form.prefix().length()).split(",");
                if (form.prefix().equals("+CPINR:") && !f[0].replace("\"", "").trim().equals("SIM PIN")) {
                    continue; // +CPINR may list every code; only SIM PIN matters here
                }
                int n = integer(f, form.field());
                return n >= 0 && n <= 10 ? n : null;
            }
        }
        return null;
    }

    /** The {@code i}-th field as an integer, quotes and spaces removed; -1 when absent or not a number. */
    static int integer(String[] fields, int i) {
        if (i >= fields.length) {
            return -1;
        }
        try {
            return Integer.parseInt(fields[i].replace("\"", "").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
