package org.comptoir.dispatch;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import java.util.function.Supplier;
import org.comptoir.campaign.CampaignService;
import org.comptoir.consent.ConsentService;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.RehearsalGateway;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.gateway.modem.JSerialCommLink;
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
 * The one owner of the configured gateway (setting {@code gateway}: {@code rehearsal}, {@code modem}; {@code http}
 * arrives through the same port) and of the sending engine over it. A serial port can be opened once: the engine, the
 * modem screen's test SMS and the command line all go through {@link #gateway()} and {@link #sendOneOff}.
 *
 * <p>Built by {@code AppContext}; thread-safe. {@link #gateway()} and {@link #engine()} block on the first call (a
 * modem connects, up to its registration timeout) and throw {@link ComptoirException} with the reason.
 */
public final class GatewayOwner implements AutoCloseable {

    private final Database database;
    private final Settings settings;
    private final ConsentService consent;
    private final Supplier<SendingRules> rules;
    private final Supplier<InboundRouter> router;
    private final Clock clock;
    private final CampaignService campaignsForControl;
    private final Outbox outbox;
    private final ModemSendLog modemLog;
    private SmsGateway gateway;
    private RouteLimits limits = RouteLimits.NONE;
    private SendingEngine engine;
    private boolean recovered;

    /**
     * @param rules  the sending windows (the schedule package's rules)
     * @param router what received messages mean (consent over SMS), read when the engine is built
     */
    public GatewayOwner(Database database, Settings settings, ConsentService consent, CampaignService campaigns,
                        Supplier<SendingRules> rules, Supplier<InboundRouter> router, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.consent = consent;
        this.rules = rules;
        this.router = router;
        this.clock = clock;
        this.outbox = new Outbox(database, campaigns, clock);
        this.modemLog = new ModemSendLog(database);
        this.campaignsForControl = campaigns;
    }

    public Outbox outbox() {
        return outbox;
    }

    public OutboxReport report() {
        return new OutboxReport(database);
    }

    /** Pause, resume, cancel; each wakes the engine if one runs. */
    public CampaignControl control() {
        return new CampaignControl(database, campaignsForControl, clock, this::wake);
    }

    /** SERVICE one-off messages (opt-out confirmations...), sent by the engine. */
    public ReplySender replies() {
        return new OutboxReplies(database, consent, clock, this::wake);
    }

    private synchronized void wake() {
        if (engine != null) {
            engine.wake();
        }
    }

    /** The configured gateway, built and (modem) connected on first use, then held. */
    public synchronized SmsGateway gateway() {
        if (gateway == null) {
            String kind = settings.get(ModemSettings.GATEWAY);
            switch (kind) {
                case "rehearsal" -> gateway = new RehearsalGateway(new RehearsalLog(database), clock);
                case "modem" -> {
                    String port = settings.get(ModemSettings.PORT).strip();
                    if (port.isEmpty()) {
                        throw new ComptoirException(UserMessage.of("modem.ui.no.port"));
                    }
                    String pin = settings.get(ModemSettings.PIN);
                    ModemGateway.Config config = ModemGateway.Config.defaults(pin == null || pin.isBlank() ? null : pin,
                            settings.getBoolean(ModemSettings.STATUS_REPORTS))
                            .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(120));
                    ModemGateway modem = new ModemGateway(port, () -> JSerialCommLink.open(port), config);
                    // a PIN the SIM refused is remembered per card, so the engine never offers it again (PUK risk)
                    modem.setPinGuard(new ModemPinMemory(settings));
                    try {
                        modem.connect();
                    } catch (RuntimeException e) {
                        modem.close();
                        throw e;
                    }
                    gateway = modem;
                    limits = RouteLimits.modem(new ModemRoutePolicy(settings, modemLog, shopZone()), modemLog, new Random());
                }
                case "http" -> gateway = HttpGatewayFactory.create(settings);
                case "none" -> throw new ComptoirException(UserMessage.of("dispatch.error.no.gateway"));
                default -> throw new ComptoirException(UserMessage.of("dispatch.error.gateway.unsupported", kind));
            }
        }
        return gateway;
    }

    /**
     * The engine over the configured gateway, built once. The first call also turns the rows a crash left SENDING into
     * UNKNOWN ({@link Outbox#recoverInterrupted}), before anything is sent.
     */
    public synchronized SendingEngine engine() {
        if (engine == null) {
            SmsGateway g = gateway();
            if (!recovered) {
                outbox.recoverInterrupted();
                recovered = true;
            }
            SendingEngine.Parts parts = new SendingEngine.Parts(outbox, new Eligibility(database, settings, clock),
                    rules.get(), limits, new InboundStore(database, g.name(), clock), router.get(), consent,
                    new SenderNumbers(settings.get(CoreSettings.SHOP_COUNTRY)),
                    Messages.forLanguage(settings.get(CoreSettings.UI_LANGUAGE)));
            engine = new SendingEngine(g, parts, EngineConfig.defaults()
                    .withStatusReports(settings.getBoolean(ModemSettings.STATUS_REPORTS)), clock, Waiter.onClock(clock));
        }
        return engine;
    }

    /**
     * The weekly routine, headless: collects what waits at the gateway first (a STOP received over the weekend is
     * stored and routed before anything is sent), starts every SCHEDULED campaign whose time has come, then sends until
     * nothing is ready now (all done, or waiting for the next allowed hour or a cap). Blocks, up to {@code timeout}.
     */
    public SendingEngine.Summary sendDue(Duration timeout) {
        SendingEngine e = engine();
        e.collectPending();
        for (long id : outbox.dueCampaigns(clock.instant())) {
            outbox.start(id);
        }
        try {
            return e.runUntilIdle().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ex.getCause());
        } catch (java.util.concurrent.TimeoutException ex) {
            e.stop(Duration.ofSeconds(30));
            throw new ComptoirException(UserMessage.of("dispatch.error.timeout", timeout.toMinutes()), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            e.stop(Duration.ofSeconds(30));
            throw new ComptoirException(UserMessage.of("dispatch.error.timeout", timeout.toMinutes()), ex);
        }
    }

    /**
     * A one-off message through the held gateway (the modem screen's test SMS, {@code modem send}): the route's caps
     * first, then the send, then the route's count. Blocks for the send (a modem: up to two minutes per part); throws
     * {@link ComptoirException} when a cap refuses. The caller reads the result.
     */
    public SendResult sendOneOff(OutgoingSms sms) {
        SmsGateway g = gateway();
        RouteLimits l;
        synchronized (this) {
            l = limits;
        }
        Instant now = clock.instant();
        ModemRoutePolicy.Decision d = l.check(sms.recipientE164(), now, org.comptoir.sms.SmsText.analyze(sms.text()).parts());
        if (!d.allowed()) {
            throw new ComptoirException(d.reason());
        }
        SendResult r = g.send(sms);
        if (r instanceof SendResult.Sent s) {
            l.recordSent(sms.recipientE164(), clock.instant(), s.partReferences());
        }
        return r;
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

    /** Stops the engine (waits up to 10 s for the message in hand) and releases the gateway. */
    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(10));
            engine = null;
        }
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }
}
