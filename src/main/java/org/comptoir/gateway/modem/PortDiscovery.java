package org.comptoir.gateway.modem;

import com.fazecast.jSerialComm.SerialPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/**
 * Finds serial ports and asks each, briefly, whether a modem answers ({@code ATI}, {@code AT+CGMI},
 * {@code AT+CGMM}, {@code AT+COPS?}, {@code AT+CSQ}). Blocks: about a second per silent port. Never sends
 * a PIN and never changes the modem's settings beyond echo.
 */
public final class PortDiscovery {

    private static final Duration PROBE = Duration.ofMillis(1500);
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** One port as the system lists it. */
    public record Port(String systemName, String description) {
    }

    private PortDiscovery() {
    }

    /** The serial ports the system knows (pseudo-terminals are not listed: give their path by hand). */
    public static List<Port> ports() {
        List<Port> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            String path = p.getSystemPortPath();
            out.add(new Port(path == null || path.isBlank() ? p.getSystemPortName() : path,
                    p.getDescriptivePortName() + (p.getPortDescription().isBlank() ? "" : " — " + p.getPortDescription())));
        }
        return out;
    }

    /** Every listed port, probed in turn. */
    public static List<ModemProbe> discover() {
        List<ModemProbe> out = new ArrayList<>();
        for (Port p : ports()) {
            out.add(probe(p.systemName(), p.description(), () -> JSerialCommLink.open(p.systemName())));
        }
        return out;
    }

    /** Probes one port through {@code opener}; a port with no modem gives a probe with a problem. */
    public static ModemProbe probe(String port, String description, ModemGateway.LinkOpener opener) {
        SerialLink link;
        try {
            link = opener.open();
        } catch (ComptoirException e) {
            return new ModemProbe(port, description, "", "", "", 0, e.userMessage());
        }
        try (AtChannel at = new AtChannel(link, new AtChannel.Listener() {
            @Override
            public void onUnsolicited(String line, String pdu) {
                // a probe ignores network noise
            }

            @Override
            public void onLinkLost(Throwable cause) {
                // reported through the commands' exceptions
            }
        })) {
            try {
                at.command("AT", PROBE);
            } catch (AtException e) {
                return new ModemProbe(port, description, "", "", "", 0, UserMessage.of("modem.error.no.answer", port));
            }
            tryCommand(at, "ATE0");
            String maker = first(at, "AT+CGMI");
            if (maker.isEmpty()) {
                maker = first(at, "ATI");
            }
            String model = first(at, "AT+CGMM");
            String operator = "";
            String cops = first(at, "AT+COPS?");
            Matcher m = QUOTED.matcher(cops);
            if (m.find()) {
                operator = m.group(1);
            }
            int rssi = ModemSession.intAt(first(at, "AT+CSQ").replace("+CSQ:", ""), 0, 99);
            UserMessage problem = null;
            String cpin = first(at, "AT+CPIN?");
            if (cpin.contains("SIM PIN")) {
                problem = UserMessage.of("modem.error.sim.pin", "CPIN");
            } else if (cpin.contains("PUK")) {
                problem = UserMessage.of("modem.error.sim.puk", "CPIN");
            } else if (cpin.startsWith("ERR:")) {
                problem = ModemErrors.toGatewayError(ModemErrors.parse(cpin.substring(4))).message();
            }
            return new ModemProbe(port, description, maker, model, operator, ModemInfo.bars(rssi), problem);
        }
    }

    private static void tryCommand(AtChannel at, String command) {
        try {
            at.command(command, PROBE);
        } catch (AtException e) {
            // harmless for a probe
        }
    }

    /** The first answer line without its prefix; {@code ERR:<final line>} on an error; empty on silence. */
    private static String first(AtChannel at, String command) {
        try {
            for (String l : at.command(command, PROBE).lines()) {
                String v = l.replaceFirst("^(Manufacturer|Model):\\s*", "").trim();
                if (!v.isEmpty()) {
                    return command.startsWith("AT+CGM") ? v.replace("+CGMI:", "").replace("+CGMM:", "").trim() : v;
                }
            }
            return "";
        } catch (AtException.Error e) {
            return "ERR:" + (e.code().kind().equals("PLAIN") ? "ERROR" : "+" + e.code().kind() + " ERROR: "
                    + (e.code().code() >= 0 ? e.code().code() : e.code().text()));
        } catch (AtException e) {
            return "";
        }
    }
}
