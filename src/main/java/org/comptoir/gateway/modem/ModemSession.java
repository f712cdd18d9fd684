package org.comptoir.gateway.modem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    static final Duration SHORT = Duration.ofSeconds(3);
    static final Duration SIM_TIMEOUT = Duration.ofSeconds(10);
    /** Fallbacks for new-message indications: store and notify, status reports stored or inline. */
    static final List<String> CNMI_VARIANTS = List.of(
            "AT+CNMI=2,1,0,2,0", "AT+CNMI=2,1,0,1,0", "AT+CNMI=1,1,0,2,0", "AT+CNMI=1,1,0,1,0", "AT+CNMI=2,1,0,0,0");
    static final List<String> STORAGE_VARIANTS = List.of(
            "AT+CPMS=\"SM\",\"SM\",\"SM\"", "AT+CPMS=\"ME\",\"ME\",\"ME\"", "AT+CPMS=\"MT\",\"MT\",\"MT\"");

    /** Registration queries, in order: circuit-switched (2G/3G), then EPS for LTE-only modems (TS 27.007 §10.1.22). */
    static final List<String> REGISTRATIONS = List.of("+CREG", "+CEREG");

    private final AtChannel at;
    private final Duration registrationTimeout;
    private final PinGuard pinGuard;
    private final CompletableFuture<Integer> registeredByUrc = new CompletableFuture<>();

    public ModemSession(AtChannel at, Duration registrationTimeout) {
        this(at, registrationTimeout, PinGuard.NONE);
    }

    /** @param pinGuard remembers the PINs each SIM refused, across runs */
    public ModemSession(AtChannel at, Duration registrationTimeout, PinGuard pinGuard) {
        this.at = at;
        this.registrationTimeout = registrationTimeout;
        this.pinGuard = pinGuard;
    }

    /** Feed {@code +CREG}/{@code +CEREG} unsolicited codes here while {@link #init} waits for the network. */
    public void onUnsolicited(String line) {
        for (String prefix : REGISTRATIONS) {
            if (line.startsWith(prefix + ":")) {
                int stat = intAt(line.substring(prefix.length() + 1), 0, -1);
                if (stat == 1 || stat == 5) {
                    registeredByUrc.complete(stat);
                }
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
            unlock(pin, profile);
            String imsi = identity("AT+CIMI");
            int registration = awaitRegistration();
            int rssi = intAt(value("AT+CSQ", "+CSQ:"), 0, 99);
            String operatorNumeric = operator(2);
            String operator = operator(0);
            require("AT+CMGF=0", "modem.error.pdu.mode");
            storage();
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

    private void unlock(String pin, VendorProfile profile) throws AtException {
        String state = simState(profile);
        if (state.equals("READY")) {
            return;
        }
        if (state.equals("SIM PIN")) {
            String iccid = iccid(profile);
            Integer left = pinAttemptsLeft(profile);
            if (pin == null || pin.isBlank()) {
                throw new ModemInitException(GatewayState.NEEDS_PIN, left == null
                        ? UserMessage.of("modem.error.sim.pin", "CPIN")
                        : UserMessage.of("modem.error.sim.pin.left", "CPIN", left), null);
            }
            if (pinGuard.refused(iccid, pin.strip())) {
                LOG.warn("{}: this SIM ({}) refused this PIN before; not offering it", at.linkName(), iccid);
                throw new ModemInitException(GatewayState.NEEDS_PIN, UserMessage.of("modem.error.pin.refused.before",
                        left == null ? "?" : left), null);
            }
            try {
                at.command("AT+CPIN=\"" + pin.strip() + "\"", SIM_TIMEOUT);
            } catch (AtException.Error e) {
                LOG.warn("{}: PIN refused ({}); not retrying", at.linkName(), e.code());
                if (!profile.busy(e.code().code())) {
                    pinGuard.refusedNow(iccid, pin.strip());
                }
                Integer after = pinAttemptsLeft(profile);
                boolean puk = e.code().code() == 12 || e.code().code() == 316 || (after != null && after == 0);
                UserMessage m = puk ? UserMessage.of("modem.error.sim.puk", e.code().toString())
                        : after != null ? UserMessage.of("modem.error.pin.wrong.left", e.code().toString(), after)
                        : UserMessage.of("modem.error.pin.wrong", e.code().toString());
                throw new ModemInitException(GatewayState.FAILED, m, e);
            }
            state = simState(profile);
            if (state.equals("READY")) {
                return;
            }
        }
        if (state.startsWith("SIM PUK") || state.equals("SIM PUK2")) {
            throw new ModemInitException(GatewayState.FAILED, UserMessage.of("modem.error.sim.puk", state), null);
        }
        throw new ModemInitException(GatewayState.FAILED, UserMessage.of("modem.error.sim.locked", state), null);
    }

    /** The SIM's ICCID by the profile's commands (readable before the PIN on the modems we know); "" if none answers. */
    private String iccid(VendorProfile profile) throws AtException {
        for (String command : profile.iccidCommands()) {
            try {
                String found = AtParsers.iccid(at.command(command, SHORT).lines());
                if (!found.isEmpty()) {
                    return found;
                }
            } catch (AtException.Error e) {
                LOG.debug("{}: {} -> {}", at.linkName(), command, e.code());
            }
        }
        return "";
    }

    /** PIN attempts left, by the profile's form then {@code AT+CPINR}; null when the modem does not say. */
    private Integer pinAttemptsLeft(VendorProfile profile) throws AtException {
        for (VendorProfile.PinRetries form : List.of(profile.pinRetries(), VendorProfile.PinRetries.STANDARD)) {
            try {
                Integer left = AtParsers.pinRetries(at.command(form.command(), SHORT).lines(), form);
                if (left != null) {
                    return left;
                }
            } catch (AtException.Error e) {
                LOG.debug("{}: {} -> {}", at.linkName(), form.command(), e.code());
            }
            if (form.equals(VendorProfile.PinRetries.STANDARD)) {
                break;
            }
        }
        return null;
    }

    /** {@code +CPIN:} value; a busy SIM (the profile's busy codes) gets a few more chances while it starts. */
    private String simState(VendorProfile profile) throws AtException {
        for (int attempt = 0; ; attempt++) {
            try {
                String v = at.command("AT+CPIN?", SIM_TIMEOUT).value("+CPIN:");
                return v == null ? "READY" : v.replace("\"", "").trim();
            } catch (AtException.Error e) {
                int code = e.code().code();
                if (profile.busy(code) && attempt < 5) {
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
                // busy by another maker's meaning, or a vendor code: let the reconnect loop ask again later
                throw new ModemInitException(m.retryable() ? GatewayState.DISCONNECTED : GatewayState.FAILED,
                        UserMessage.of(m.key(), e.code().toString()), e);
            }
        }
    }

    /**
     * Waits for home (1) or roaming (5) registration on any of {@link #REGISTRATIONS} (an LTE-only modem
     * registers on {@code +CEREG} while {@code +CREG} stays 0): asks, then listens to the URCs and asks again.
     */
    private int awaitRegistration() throws AtException {
        for (String r : REGISTRATIONS) {
            quiet("AT" + r + "=1");
        }
        Instant deadline = Instant.now().plus(registrationTimeout);
        int stat = 0;
        String last = "CREG";
        while (true) {
            for (String r : REGISTRATIONS) {
                int s = AtParsers.registration(value("AT" + r + "?", r + ":"));
                if (s == 1 || s == 5) {
                    return s;
                }
                if (s >= 0 && (s != 0 || stat <= 0)) {
                    stat = s;
                    last = r.substring(1);
                }
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            try {
                // a registration URC ends the wait early; otherwise ask again every two seconds
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
        throw new ModemInitException(GatewayState.DISCONNECTED, UserMessage.of(key, last + " " + stat), null);
    }

    /** {@code AT+COPS?} in format 0 (long name) or 2 (numeric); empty when unknown. */
    private String operator(int format) throws AtException {
        quiet("AT+COPS=3," + format);
        return AtParsers.operator(value("AT+COPS?", "+COPS:"));
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

    /** The first storage the modem accepts; a full one is worth a warning: the network holds new SMS back. */
    private void storage() throws AtException {
        for (String v : STORAGE_VARIANTS) {
            try {
                AtParsers.Storage s = AtParsers.storage(at.command(v, SHORT).value("+CPMS:"));
                LOG.info("{}: {} -> {} of {} messages stored", at.linkName(), v, s.used(), s.total());
                if (s.total() > 0 && s.used() >= s.total()) {
                    LOG.warn("{}: message storage full: new SMS wait at the network until some are deleted",
                            at.linkName());
                }
                return;
            } catch (AtException.Error e) {
                LOG.debug("{}: {} refused ({}), going on", at.linkName(), v, e.code());
            }
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
