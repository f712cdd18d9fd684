package org.comptoir.gateway.modem;

import java.util.Locale;
import java.util.Map;
import org.comptoir.gateway.GatewayError;
import org.comptoir.i18n.UserMessage;

/**
 * What a modem's error means for the shop owner and whether trying again later can help. Codes follow
 * 3GPP TS 27.007 §9.2 ({@code +CME ERROR}) and TS 27.005 §3.2.5 plus the TS 24.011 RP-causes
 * ({@code +CMS ERROR}); REFERENCE.md §4.8 gives the action for each. Verbose texts
 * ({@code AT+CMEE=2}) are mapped back to their numbers.
 */
public final class ModemErrors {

    /** A parsed final error: {@code kind} is CME, CMS or PLAIN ({@code ERROR}); {@code code} -1 when none. */
    public record Code(String kind, int code, String text) {
        @Override
        public String toString() {
            return code >= 0 ? kind + " " + code : kind + (text.isEmpty() ? "" : " " + text);
        }
    }

    /** The meaning of one code: bundle key (modem_fr/_en) and whether a later retry may succeed. */
    public record Meaning(String key, boolean retryable) {
    }

    private static final Map<Integer, Meaning> CME = Map.ofEntries(
            Map.entry(3, new Meaning("modem.error.not.allowed", false)),
            Map.entry(4, new Meaning("modem.error.not.supported", false)),
            Map.entry(10, new Meaning("modem.error.sim.missing", false)),
            Map.entry(11, new Meaning("modem.error.sim.pin", false)),
            Map.entry(12, new Meaning("modem.error.sim.puk", false)),
            Map.entry(13, new Meaning("modem.error.sim.failure", false)),
            Map.entry(14, new Meaning("modem.error.sim.busy", true)),
            Map.entry(15, new Meaning("modem.error.sim.wrong", false)),
            Map.entry(16, new Meaning("modem.error.pin.wrong", false)),
            Map.entry(17, new Meaning("modem.error.sim.pin2", false)),
            Map.entry(18, new Meaning("modem.error.sim.puk2", false)),
            Map.entry(30, new Meaning("modem.error.no.network", true)),
            Map.entry(31, new Meaning("modem.error.network.timeout", true)),
            Map.entry(32, new Meaning("modem.error.emergency.only", true)),
            Map.entry(100, new Meaning("modem.error.unknown", true)),
            Map.entry(515, new Meaning("modem.error.busy", true)));

    private static final Map<Integer, Meaning> CMS = Map.ofEntries(
            Map.entry(1, new Meaning("modem.error.number.unassigned", false)),
            Map.entry(8, new Meaning("modem.error.barred", false)),
            Map.entry(10, new Meaning("modem.error.barred", false)),
            Map.entry(21, new Meaning("modem.error.rejected", false)),
            Map.entry(27, new Meaning("modem.error.destination.out", false)),
            Map.entry(28, new Meaning("modem.error.destination.unknown", false)),
            Map.entry(30, new Meaning("modem.error.destination.unknown", false)),
            Map.entry(38, new Meaning("modem.error.network.out", true)),
            Map.entry(41, new Meaning("modem.error.congestion", true)),
            Map.entry(42, new Meaning("modem.error.congestion", true)),
            Map.entry(47, new Meaning("modem.error.congestion", true)),
            Map.entry(50, new Meaning("modem.error.no.sms.service", false)),
            Map.entry(69, new Meaning("modem.error.no.sms.service", false)),
            Map.entry(96, new Meaning("modem.error.protocol", false)),
            Map.entry(111, new Meaning("modem.error.protocol", false)),
            Map.entry(127, new Meaning("modem.error.protocol", false)),
            Map.entry(300, new Meaning("modem.error.me.failure", true)),
            Map.entry(302, new Meaning("modem.error.not.allowed", false)),
            Map.entry(303, new Meaning("modem.error.not.supported", false)),
            Map.entry(304, new Meaning("modem.error.pdu.invalid", false)),
            Map.entry(305, new Meaning("modem.error.pdu.invalid", false)),
            Map.entry(310, new Meaning("modem.error.sim.missing", false)),
            Map.entry(311, new Meaning("modem.error.sim.pin", false)),
            Map.entry(312, new Meaning("modem.error.sim.pin", false)),
            Map.entry(313, new Meaning("modem.error.sim.failure", false)),
            Map.entry(314, new Meaning("modem.error.sim.busy", true)),
            Map.entry(315, new Meaning("modem.error.sim.wrong", false)),
            Map.entry(316, new Meaning("modem.error.sim.puk", false)),
            Map.entry(317, new Meaning("modem.error.sim.pin2", false)),
            Map.entry(318, new Meaning("modem.error.sim.puk2", false)),
            Map.entry(320, new Meaning("modem.error.memory", true)),
            Map.entry(321, new Meaning("modem.error.memory", false)),
            Map.entry(322, new Meaning("modem.error.memory.full", true)),
            Map.entry(330, new Meaning("modem.error.smsc.unknown", false)),
            Map.entry(331, new Meaning("modem.error.no.network", true)),
            Map.entry(332, new Meaning("modem.error.network.timeout", true)),
            Map.entry(500, new Meaning("modem.error.unknown", true)),
            Map.entry(515, new Meaning("modem.error.busy", true)));

    /** Verbose {@code +CME ERROR} texts (TS 27.007 §9.2.1), lower case, to their numbers. */
    private static final Map<String, Integer> CME_TEXTS = Map.ofEntries(
            Map.entry("operation not allowed", 3),
            Map.entry("operation not supported", 4),
            Map.entry("sim not inserted", 10),
            Map.entry("sim pin required", 11),
            Map.entry("sim puk required", 12),
            Map.entry("sim failure", 13),
            Map.entry("sim busy", 14),
            Map.entry("sim wrong", 15),
            Map.entry("incorrect password", 16),
            Map.entry("sim pin2 required", 17),
            Map.entry("sim puk2 required", 18),
            Map.entry("no network service", 30),
            Map.entry("network timeout", 31),
            Map.entry("network not allowed - emergency calls only", 32),
            Map.entry("unknown", 100));

    private ModemErrors() {
    }

    /** Parses a final result line ({@code ERROR}, {@code +CME ERROR: 16}, {@code +CME ERROR: SIM PIN required}). */
    public static Code parse(String finalLine) {
        String l = finalLine.trim();
        for (String kind : new String[] {"CME", "CMS"}) {
            String prefix = "+" + kind + " ERROR:";
            if (l.startsWith(prefix)) {
                String rest = l.substring(prefix.length()).trim();
                try {
                    return new Code(kind, Integer.parseInt(rest), rest);
                } catch (NumberFormatException verbose) {
                    Integer n = CME_TEXTS.get(rest.toLowerCase(Locale.ROOT));
                    return new Code(kind, n == null ? -1 : n, rest);
                }
            }
        }
        return new Code("PLAIN", -1, l.equals("ERROR") ? "" : l);
    }

    public static Meaning meaning(Code code) {
        Meaning m = switch (code.kind()) {
            case "CME" -> CME.get(code.code());
            case "CMS" -> code.code() >= 128 && code.code() <= 255 && !CMS.containsKey(code.code())
                    ? new Meaning("modem.error.pdu.invalid", false) : CMS.get(code.code());
            default -> null;
        };
        if (m != null) {
            return m;
        }
        // unknown vendor codes: one later retry is reasonable (REFERENCE.md §4.8, code 500)
        return new Meaning("modem.error.other", true);
    }

    /** The gateway error for a code, with the technical code in the message for support. */
    public static GatewayError toGatewayError(Code code) {
        return new GatewayError(code.toString(), UserMessage.of(meaning(code).key(), code.toString()));
    }
}
