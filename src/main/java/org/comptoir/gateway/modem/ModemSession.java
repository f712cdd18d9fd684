package org.comptoir.gateway.modem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.comptoir.gateway.GatewayState;
import org.comptoir.i18n.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a modem from power-on to "ready to send SMS in PDU mode" (TS 27.007 / 27.005), once per
 * connection. Runs on the caller's thread and blocks (seconds; up to the registration timeout).
 *
 * <p>The PIN is offered at most once per call, and only when the SIM asks for it; a refused PIN ends in
 * {@link GatewayState#FAILED} and is never offered again by this class (three refusals block the SIM).
 */
public final class ModemSession {

    private static final Logger LOG = LoggerFactory.getLogger(ModemSession.class);
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    static final Duration SHORT = Duration.ofSeconds(3);
    static final Duration SIM_TIMEOUT = Duration.ofSeconds(10);
    /** Fallbacks for new-message indications: store and notify, status reports stored or inline. */
    static final List<String> CNMI_VARIANTS = List.of(
            "AT+CNMI=2,1,0,2,0", "AT+CNMI=2,1,0,1,0", "AT+CNMI=1,1,0,2,0", "AT+CNMI=1,1,0,1,0", "AT+CNMI=2,1,0,0,0");
    static final List<String> STORAGE_VARIANTS = List.of(
            "AT+CPMS=\"SM\",\"SM\",\"SM\"", "AT+CPMS=\"ME\",\"ME\",\"ME\"", "AT+CPMS=\"MT\",\"MT\",\"MT\"");

    private final AtChannel at;
    private final Duration registrationTimeout;
    private final CompletableFuture<Integer> registeredByUrc = new CompletableFuture<>();

    public ModemSession(AtChannel at, Duration registrationTimeout) {
        this.at = at;
        this.registrationTimeout = registrationTimeout;
    }

    /** Feed {@code +CREG} unsolicited codes here while {@link #init} waits for the network. */
    public void onUnsolicited(String line) {
        if (line.startsWith("+CREG:")) {
            int stat = intAt(line.substring(6), 0, -1);
            if (stat == 1 || stat == 5) {
                registeredByUrc.complete(stat);
            }
        }
    }

    /**
     * Runs the whole initialisation. {@code pin} may be null or empty. Throws {@link ModemInitException}
     * with the state the gateway should take and a message for the owner.
     */
    public ModemInfo init(String pin) {
        try {
            hello();
            quiet("ATE0");
            if (!quiet("AT+CMEE=1")) {
                quiet("AT+CMEE=2");
            }
            String maker = identity("AT+CGMI");
            String model = identity("AT+CGMM");
            String revision = identity("AT+CGMR");
            VendorProfile profile = VendorProfile.forMaker(maker);
            for (String cmd : profile.extraInit()) {
                quiet(cmd);
            }
            unlock(pin);
            String imsi = identity("AT+CIMI");
            int registration = awaitRegistration();
            int rssi = intAt(value("AT+CSQ", "+CSQ:"), 0, 99);
            String operatorNumeric = operator(2);
            String operator = operator(0);
            require("AT+CMGF=0", "modem.error.pdu.mode");
            firstAccepted(STORAGE_VARIANTS);
            if (firstAccepted(CNMI_VARIANTS) == null) {
                LOG.warn("{}: no AT+CNMI variant accepted; relying on the periodic poll", at.linkName());
            }
            LOG.info("{}: message service {}", at.linkName(), value("AT+CSMS?", "+CSMS:"));
            String mcc = imsi.matches("\\d{6,15}") ? imsi.substring(0, 3) : "";
            ModemInfo info = new ModemInfo(maker, model, revision, operator, operatorNumeric, mcc, rssi,
                    registration, profile.id());
            LOG.info("{}: ready: {} {} {} on {} ({}), rssi {}", at.linkName(), maker, model, revision, operator,
                    operatorNumeric, rssi);
            return info;
        } catch (AtException.Timeout e) {
            throw new ModemInitException(GatewayState.DISCONNECTED, UserMessage.of("modem.error.no.answer",
                    at.linkName()), e);
        } catch (AtException.LinkLost e) {
            throw new ModemInitException(GatewayState.DISCONNECTED, UserMessage.of("modem.error.link.lost",
                    at.linkName()), e);
        } catch (AtException e) {
            throw new ModemInitException(GatewayState.FAILED, UserMessage.of("modem.error.init", e.getMessage()), e);
        }
    }

    /** {@code AT} until the modem answers: the first bytes after opening a port are often lost. */
    private void hello() throws AtException {
        AtException last = null;
        for (int i = 0; i < 3; i++) {
            try {
                at.command("AT", Duration.ofSeconds(2));
                return;
            } catch (AtException.Timeout | AtException.Error e) {
                last = e;
            }
        }
        throw last;
    }

    private void unlock(String pin) throws AtException {
        String state = simState();
        if (state.equals("READY")) {
            return;
        }
        if (state.equals("SIM PIN")) {
            if (pin == null || pin.isBlank()) {
                throw new ModemInitException(GatewayState.NEEDS_PIN, UserMessage.of("modem.error.sim.pin", "CPIN"),
                        null);
            }
            try {
                at.command("AT+CPIN=\"" + pin.strip() + "\"", SIM_TIMEOUT);
            } catch (AtException.Error e) {
                LOG.warn("{}: PIN refused ({}); not retrying", at.linkName(), e.code());
                String key = e.code().code() == 12 || e.code().code() == 316 ? "modem.error.sim.puk"
                        : "modem.error.pin.wrong";
                throw new ModemInitException(GatewayState.FAILED, UserMessage.of(key, e.code().toString()), e);
            }
            state = simState();
            if (state.equals("READY")) {
                return;
            }
        }
        if (state.startsWith("SIM PUK") || state.equals("SIM PUK2")) {
            throw new ModemInitException(GatewayState.FAILED, UserMessage.of("modem.error.sim.puk", state), null);
        }
        throw new ModemInitException(GatewayState.FAILED, UserMessage.of("modem.error.sim.locked", state), null);
    }

    /** {@code +CPIN:} value; a busy SIM (CME 14) gets a few more chances while it starts. */
    private String simState() throws AtException {
        for (int attempt = 0; ; attempt++) {
            try {
                String v = at.command("AT+CPIN?", SIM_TIMEOUT).value("+CPIN:");
                return v == null ? "READY" : v.replace("\"", "").trim();
            } catch (AtException.Error e) {
                int code = e.code().code();
                if ((code == 14 || code == 314 || code == 515) && attempt < 5) {
                    pause(Duration.ofSeconds(1));
                    continue;
                }
                ModemErrors.Meaning m = ModemErrors.meaning(e.code());
                if (code == 11 || code == 311) {
                    return "SIM PIN";
                }
                if (code == 12 || code == 316) {
                    return "SIM PUK";
                }
                throw new ModemInitException(GatewayState.FAILED, UserMessage.of(m.key(), e.code().toString()), e);
            }
        }
    }

    /** Waits for home (1) or roaming (5) registration: asks, then listens to +CREG codes and asks again. */
    private int awaitRegistration() throws AtException {
        quiet("AT+CREG=1");
        Instant deadline = Instant.now().plus(registrationTimeout);
        int stat;
        while (true) {
            stat = intAt(value("AT+CREG?", "+CREG:"), 1, 0);
            if (stat == 1 || stat == 5) {
                return stat;
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            try {
                // a +CREG URC ends the wait early; otherwise ask again every two seconds
                Duration wait = left.compareTo(Duration.ofSeconds(2)) < 0 ? left : Duration.ofSeconds(2);
                return registeredByUrc.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // ask again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                break;
            }
        }
        String key = stat == 3 ? "modem.error.registration.denied" : "modem.error.no.network";
        throw new ModemInitException(GatewayState.DISCONNECTED, UserMessage.of(key, "CREG " + stat), null);
    }

    /** {@code AT+COPS?} in format 0 (long name) or 2 (numeric); empty when unknown. */
    private String operator(int format) throws AtException {
        quiet("AT+COPS=3," + format);
        String v = value("AT+COPS?", "+COPS:");
        if (v == null) {
            return "";
        }
        Matcher m = QUOTED.matcher(v);
        return m.find() ? m.group(1).trim() : "";
    }

    private String identity(String command) throws AtException {
        try {
            List<String> lines = at.command(command, SHORT).lines();
            for (String l : lines) {
                String v = l.replaceFirst("^\\+C\\w+:\\s*", "").replace("\"", "").trim();
                if (!v.isEmpty()) {
                    return v;
                }
            }
            return "";
        } catch (AtException.Error e) {
            return "";
        }
    }

    private String value(String command, String prefix) throws AtException {
        try {
            return at.command(command, SHORT).value(prefix);
        } catch (AtException.Error e) {
            LOG.debug("{}: {} -> {}", at.linkName(), command, e.code());
            return null;
        }
    }

    /** Sends a command whose refusal is harmless; true when accepted. */
    private boolean quiet(String command) throws AtException {
        try {
            at.command(command, SHORT);
            return true;
        } catch (AtException.Error e) {
            LOG.debug("{}: {} refused ({}), going on", at.linkName(), command, e.code());
            return false;
        }
    }

    private void require(String command, String key) throws AtException {
        try {
            at.command(command, SHORT);
        } catch (AtException.Error e) {
            throw new ModemInitException(GatewayState.FAILED, UserMessage.of(key, e.code().toString()), e);
        }
    }

    private String firstAccepted(List<String> variants) throws AtException {
        for (String v : variants) {
            if (quiet(v)) {
                return v;
            }
        }
        return null;
    }

    /** Waits on a future nobody completes: a bounded pause for a SIM that said "busy", not protocol timing. */
    private static void pause(Duration d) {
        try {
            new CompletableFuture<Void>().get(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the pause is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The {@code index}-th comma-separated integer of {@code csv}, or {@code fallback}. */
    static int intAt(String csv, int index, int fallback) {
        if (csv == null) {
            return fallback;
        }
        String[] parts = csv.split(",");
        if (index >= parts.length) {
            return fallback;
        }
        try {
            return Integer.parseInt(parts[index].replace("\"", "").trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
