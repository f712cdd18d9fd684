package org.comptoir.dispatch;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.comptoir.consent.ConsentService;
import org.comptoir.gateway.RehearsalGateway;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.phone.RecipientZone;
import org.comptoir.schedule.SendingRules;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;

/**
 * How the {@link GatewayOwner} makes what it holds, from the settings: the configured gateway with its route limits,
 * an engine over a gateway, a modem on a port, and the fingerprint that says when the held gateway is stale. Holds
 * nothing that is built; the sending windows are read from the settings once and again after {@link #forgetRules}.
 * Thread-safe; {@link #create} blocks while a modem connects.
 */
final class GatewayBuilder {

    /** A gateway with the limits of its route. */
    record Built(SmsGateway gateway, RouteLimits limits) {
    }

    private final Database database;
    private final Settings settings;
    private final ConsentService consent;
    private final Outbox outbox;
    private final Supplier<SendingRules> rulesFromSettings;
    private final Supplier<InboundRouter> router;
    private final Clock clock;
    private final ModemSendLog modemLog;
    private final Function<String, ModemGateway.LinkOpener> openers;
    private volatile SendingRules rules;

    GatewayBuilder(Database database, Settings settings, ConsentService consent, Outbox outbox,
                   Supplier<SendingRules> rules, Supplier<InboundRouter> router, Clock clock,
                   Function<String, ModemGateway.LinkOpener> openers) {
        this.database = database;
        this.settings = settings;
        this.consent = consent;
        this.outbox = outbox;
        this.rulesFromSettings = rules;
        this.router = router;
        this.clock = clock;
        this.openers = openers;
        this.modemLog = new ModemSendLog(database);
    }

    /**
     * The gateway the {@code gateway} setting names; {@code connectNow}: a modem connects here (else in background).
     * Throws {@link ComptoirException} when none is chosen or its settings are incomplete.
     */
    Built create(boolean connectNow) {
        String kind = settings.get(ModemSettings.GATEWAY);
        SmsGateway g;
        RouteLimits l = RouteLimits.NONE;
        switch (kind) {
            case "rehearsal" -> g = new RehearsalGateway(new RehearsalLog(database), clock);
            case "modem" -> {
                String port = settings.get(ModemSettings.PORT).strip();
                if (port.isEmpty()) {
                    throw new ComptoirException(UserMessage.of("modem.ui.no.port"));
                }
                ModemGateway modem = newModem(port, null);
                if (connectNow) {
                    try {
                        modem.connect();
                    } catch (RuntimeException e) {
                        modem.close();
                        throw e;
                    }
                } else {
                    modem.start(); // keeps trying by itself while the stick is away
                }
                g = modem;
                l = modemLimits();
            }
            case "http" -> g = HttpGatewayFactory.create(settings);
            case "none" -> throw new ComptoirException(UserMessage.of("dispatch.error.no.gateway"));
            default -> throw new ComptoirException(UserMessage.of("dispatch.error.gateway.unsupported", kind));
        }
        return new Built(g, l);
    }

    /** The windows changed in the settings: read them again at the next check. */
    void forgetRules() {
        rules = null;
    }

    SendingEngine newEngine(SmsGateway g, RouteLimits l) {
        SendingRules live = (messageClass, recipient, at) -> currentRules().check(messageClass, recipient, at);
        SendingEngine.Parts parts = new SendingEngine.Parts(outbox, new Eligibility(database, settings, clock),
                live, l, new InboundStore(database, g.name(), clock), router.get(), consent,
                new SenderNumbers(settings.get(CoreSettings.SHOP_COUNTRY)),
                Messages.forLanguage(settings.get(CoreSettings.UI_LANGUAGE)));
        return new SendingEngine(g, parts, EngineConfig.defaults()
                .withStatusReports(settings.getBoolean(ModemSettings.STATUS_REPORTS)), clock, Waiter.onClock(clock));
    }

    private SendingRules currentRules() {
        SendingRules r = rules;
        if (r == null) {
            r = rulesFromSettings.get();
            rules = r;
        }
        return r;
    }

    ModemGateway newModem(String port, String typedPin) {
        String pin = typedPin != null && !typedPin.isBlank() ? typedPin.strip() : settings.get(ModemSettings.PIN);
        ModemGateway.Config config = ModemGateway.Config.defaults(pin == null || pin.isBlank() ? null : pin.strip(),
                        settings.getBoolean(ModemSettings.STATUS_REPORTS))
                // a check should not wait a minute for a network that is not there
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(120));
        ModemGateway modem = new ModemGateway(port, openers.apply(port), config);
        // a PIN the SIM refused is remembered per card, so no one offers it again (PUK risk)
        modem.setPinGuard(new ModemPinMemory(settings));
        return modem;
    }

    RouteLimits modemLimits() {
        return RouteLimits.modem(new ModemRoutePolicy(settings, modemLog, shopZone()), modemLog, new Random());
    }

    /** What the held gateway was built from; compared, never logged (it holds the PIN and the credentials). */
    List<Object> fingerprint() {
        String kind = settings.get(ModemSettings.GATEWAY);
        return switch (kind) {
            case "modem" -> Arrays.asList(kind, settings.get(ModemSettings.PORT).strip(), settings.get(ModemSettings.PIN),
                    settings.get(ModemSettings.STATUS_REPORTS));
            case "http" -> Arrays.asList(kind, HttpGatewayFactory.config(settings));
            default -> List.of(kind);
        };
    }

    /** The shop's time zone, from its country: the modem route's days and months are counted in it. */
    ZoneId shopZone() {
        String region = settings.get(CoreSettings.SHOP_COUNTRY);
        var example = PhoneNumberUtil.getInstance().getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
        if (example == null) {
            return RecipientZone.PARIS;
        }
        return RecipientZone.zoneOf(new PhoneNumber("+" + example.getCountryCode() + example.getNationalNumber()));
    }
}
