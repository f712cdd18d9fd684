package org.comptoir.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.comptoir.gateway.SendResult;
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

/**
 * What the modem set-up assistant does: find ports, check a modem, save the choice, send a test SMS. The check and
 * the test go through the {@link GatewayOwner} (the engine may hold the port: a second open of it fails), and the
 * test SMS is {@link ModemOneOff}'s, the one orchestration of caps, send and count. The PIN typed, else the saved
 * {@code modem.pin}; a PIN a SIM refused is never offered to it again ({@link ModemPinMemory}). Every method blocks
 * (serial I/O, database): call from a background thread. Refusals are {@link ComptoirException}s with a message for
 * the owner.
 */
public final class ModemSetup {

    private final Settings settings;
    private final GatewayOwner owner;
    private final Supplier<List<ModemProbe>> discovery;

    public ModemSetup(Settings settings, GatewayOwner owner, Supplier<List<ModemProbe>> discovery) {
        this.settings = settings;
        this.owner = owner;
        this.discovery = discovery;
    }

    /** On the machine's real serial ports. */
    public static ModemSetup onSerialPorts(Settings settings, GatewayOwner owner) {
        return new ModemSetup(settings, owner, PortDiscovery::discover);
    }

    /**
     * The ports and what answers on each. A port the engine holds does not answer a probe (it is open): it is listed
     * by name with nothing found, and a check of it asks the held modem.
     */
    public List<ModemProbe> detect() {
        return discovery.get();
    }

    /** What the modem on {@code port} says ({@link GatewayOwner#checkModem}); {@code pin}: typed, or blank for the saved one. */
    public ModemInfo check(String port, String pin) {
        return owner.checkModem(port, pin);
    }

    /** Saves the port and PIN and makes the modem the gateway (the owner then builds it anew). */
    public void save(String port, String pin) {
        settings.setAll(java.util.Map.of(ModemSettings.PORT, port == null ? "" : port,
                ModemSettings.PIN, pin == null ? "" : pin, ModemSettings.GATEWAY, "modem"));
    }

    public String savedPort() {
        return settings.get(ModemSettings.PORT);
    }

    public String savedPin() {
        return settings.get(ModemSettings.PIN);
    }

    /**
     * Sends the test message {@code text} to {@code typedNumber} through the modem on {@code port}; returns the part
     * references. Throws when it was refused, failed or its fate is unknown.
     */
    public List<String> sendTest(String port, String pin, String typedNumber, String text) {
        String to = mobileE164(typedNumber, settings.get(CoreSettings.SHOP_COUNTRY));
        ModemOneOff.Outcome outcome;
        try {
            outcome = owner.sendTest(port == null || port.isBlank() ? "" : port, pin, to, text, Duration.ZERO, step -> { });
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

    /** E.164 for a typed mobile number, by the same rule as the till ({@link PhoneNumbers#parseMobile}). */
    public static String mobileE164(String typed, String defaultRegion) {
        PhoneParse parsed = new PhoneNumbers(defaultRegion).parseMobile(typed);
        if (parsed instanceof PhoneParse.Valid valid) {
            return valid.number().e164();
        }
        throw new ComptoirException(((PhoneParse.Invalid) parsed).reason());
    }
}
