package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.modem.JSerialCommLink;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.gateway.modem.ModemInfo;
import org.comptoir.gateway.modem.ModemProbe;
import org.comptoir.gateway.modem.PinGuard;
import org.comptoir.gateway.modem.PortDiscovery;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.phone.PhoneParse;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;

/**
 * What the modem set-up assistant and the command line's {@code modem check|send} do: find ports, check a
 * modem, save the choice, send a test SMS through {@link ModemOneOff} (the same {@link ModemGateway#send}
 * campaigns use). The PIN typed, else the saved {@code modem.pin}; a PIN a SIM refused is never offered to it
 * again ({@link ModemPinMemory}). Every method blocks (serial I/O, database): call from a background thread.
 * Refusals are {@link ComptoirException}s with a message for the owner.
 */
public final class ModemSetup {

    private final Settings settings;
    private final ModemSendLog sendLog;
    private final Supplier<List<ModemProbe>> discovery;
    private final Function<String, ModemGateway.LinkOpener> openers;
    private final GatewayListener inbound;
    private final PinGuard pinGuard;

    /** @param sendLog the modem route's send count: a test SMS is capped and counted like any other */
    public ModemSetup(Settings settings, ModemSendLog sendLog, Supplier<List<ModemProbe>> discovery,
                      Function<String, ModemGateway.LinkOpener> openers) {
        this(settings, sendLog, discovery, openers, GatewayListener.NONE);
    }

    /**
     * @param inbound where messages collected during a test send go: an {@link InboundStore}, so a STOP that
     *                waited on the SIM is stored before it is deleted; {@link GatewayListener#NONE} leaves them
     */
    public ModemSetup(Settings settings, ModemSendLog sendLog, Supplier<List<ModemProbe>> discovery,
                      Function<String, ModemGateway.LinkOpener> openers, GatewayListener inbound) {
        this.settings = settings;
        this.sendLog = sendLog;
        this.discovery = discovery;
        this.openers = openers;
        this.inbound = inbound;
        this.pinGuard = new ModemPinMemory(settings);
    }

    /** On the machine's real serial ports; messages collected meanwhile are stored in {@code database}. */
    public static ModemSetup onSerialPorts(Settings settings, Database database) {
        return new ModemSetup(settings, new ModemSendLog(database), PortDiscovery::discover,
                port -> () -> JSerialCommLink.open(port), new InboundStore(database, "modem", Clock.systemUTC()));
    }

    public List<ModemProbe> detect() {
        return discovery.get();
    }

    /**
     * Starts the modem on {@code port} and says what it found; throws with the problem in words. Reads no
     * message from the SIM (nothing here would store it). {@code pin}: the PIN typed, or blank for the saved one.
     */
    public ModemInfo check(String port, String pin) {
        try (ModemGateway gateway = gateway(port, pin)) {
            return gateway.connect();
        }
    }

    /** Saves the port and PIN and makes the modem the gateway. */
    public void save(String port, String pin) {
        settings.set(ModemSettings.PORT, port);
        settings.set(ModemSettings.PIN, pin == null ? "" : pin);
        settings.set(ModemSettings.GATEWAY, "modem");
    }

    public String savedPort() {
        return settings.get(ModemSettings.PORT);
    }

    public String savedPin() {
        return settings.get(ModemSettings.PIN);
    }

    /**
     * Sends the test message {@code text} to {@code typedNumber}; returns the part references. Length, caps
     * and counting as {@link ModemOneOff#send}; throws when it was refused, failed or its fate is unknown.
     */
    public List<String> sendTest(String port, String pin, String typedNumber, String text) {
        String to = mobileE164(typedNumber, settings.get(CoreSettings.SHOP_COUNTRY));
        ModemOneOff.Outcome outcome;
        try {
            outcome = sendOneOff(port, pin, to, text, Duration.ZERO, step -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComptoirException(UserMessage.of("modem.send.unknown", "interrupted"), e);
        }
        SendResult r = outcome.result();
        if (r instanceof SendResult.Sent sent) {
            return sent.partReferences();
        }
        if (r instanceof SendResult.Failed failed) {
            throw new ComptoirException(failed.error().message());
        }
        throw new ComptoirException(UserMessage.of("modem.send.unknown", ((SendResult.Unknown) r).why()));
    }

    /**
     * One test message to {@code e164} through the modem on {@code port}, waiting up to {@code waitForReports}
     * for the delivery reports: {@link ModemOneOff#send}. Blocks; throws {@link ComptoirException} for a refusal
     * before sending or a modem that does not start.
     */
    public ModemOneOff.Outcome sendOneOff(String port, String pin, String e164, String text, Duration waitForReports,
                                          Consumer<UserMessage> progress) throws InterruptedException {
        ModemOneOff oneOff = new ModemOneOff(settings, sendLog, ZoneId.systemDefault(), Clock.systemUTC(), inbound);
        try (ModemGateway gateway = gateway(port, pin)) {
            return oneOff.send(gateway, e164, text, waitForReports, progress);
        }
    }

    /** The PIN typed, else the saved one; null when neither. */
    String pinToOffer(String typed) {
        String pin = typed == null || typed.isBlank() ? settings.get(ModemSettings.PIN) : typed;
        return pin == null || pin.isBlank() ? null : pin.strip();
    }

    private ModemGateway gateway(String port, String pin) {
        if (port == null || port.isBlank()) {
            throw new ComptoirException(UserMessage.of("modem.ui.no.port"));
        }
        ModemGateway.Config config = ModemGateway.Config.defaults(pinToOffer(pin),
                settings.getBoolean(ModemSettings.STATUS_REPORTS))
                // a check should not wait a minute for a network that is not there
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(120));
        ModemGateway gateway = new ModemGateway(port.strip(), openers.apply(port.strip()), config);
        gateway.setPinGuard(pinGuard);
        return gateway;
    }

    /** E.164 for a typed mobile number, by the same rule as the till ({@link PhoneNumbers#parseMobile}). */
    public static String mobileE164(String typed, String defaultRegion) {
        PhoneParse parsed = new PhoneNumbers(defaultRegion).parseMobile(typed);
        if (parsed instanceof PhoneParse.Valid valid) {
            return valid.number().e164();
        }
        throw new ComptoirException(((PhoneParse.Invalid) parsed).reason());
    }
}
