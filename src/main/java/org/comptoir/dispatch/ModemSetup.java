package org.comptoir.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.modem.JSerialCommLink;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.gateway.modem.ModemInfo;
import org.comptoir.gateway.modem.ModemProbe;
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
 * What the modem set-up assistant does: find ports, check a modem, save the choice, send a test SMS
 * through the same {@link ModemGateway#send} campaigns use. Every method blocks (serial I/O, database):
 * call from a background thread. Refusals are {@link ComptoirException}s with a message for the owner.
 */
public final class ModemSetup {

    private final Settings settings;
    private final ModemSendLog sendLog;
    private final Supplier<List<ModemProbe>> discovery;
    private final Function<String, ModemGateway.LinkOpener> openers;

    /** @param sendLog the modem route's send count: a test SMS is capped and counted like any other */
    public ModemSetup(Settings settings, ModemSendLog sendLog, Supplier<List<ModemProbe>> discovery,
                      Function<String, ModemGateway.LinkOpener> openers) {
        this.settings = settings;
        this.sendLog = sendLog;
        this.discovery = discovery;
        this.openers = openers;
    }

    /** On the machine's real serial ports. */
    public static ModemSetup onSerialPorts(Settings settings, Database database) {
        return new ModemSetup(settings, new ModemSendLog(database), PortDiscovery::discover,
                port -> () -> JSerialCommLink.open(port));
    }

    public List<ModemProbe> detect() {
        return discovery.get();
    }

    /** Starts the modem on {@code port} and says what it found; throws with the problem in words. */
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
     * Sends {@code text} to {@code typedNumber}; returns the part references. The modem route's caps apply
     * before the modem is touched, and the send is counted, as for the command line's {@code modem send}.
     */
    public List<String> sendTest(String port, String pin, String typedNumber, String text) {
        String to = mobileE164(typedNumber, settings.get(CoreSettings.SHOP_COUNTRY));
        new ModemRoutePolicy(settings, sendLog, ZoneId.systemDefault()).requireAllowed(to, Instant.now());
        try (ModemGateway gateway = gateway(port, pin)) {
            gateway.connect();
            SendResult r = gateway.send(new OutgoingSms("test-" + UUID.randomUUID(), to, text, false));
            if (r instanceof SendResult.Sent sent) {
                sendLog.record(to, Instant.now(), sent.partReferences());
                return sent.partReferences();
            }
            if (r instanceof SendResult.Failed failed) {
                throw new ComptoirException(failed.error().message());
            }
            throw new ComptoirException(UserMessage.of("modem.send.unknown", ((SendResult.Unknown) r).why()));
        }
    }

    private ModemGateway gateway(String port, String pin) {
        if (port == null || port.isBlank()) {
            throw new ComptoirException(UserMessage.of("modem.ui.no.port"));
        }
        ModemGateway.Config config = ModemGateway.Config.defaults(pin == null || pin.isBlank() ? null : pin,
                settings.getBoolean(ModemSettings.STATUS_REPORTS))
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(120));
        return new ModemGateway(port.strip(), openers.apply(port.strip()), config);
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
