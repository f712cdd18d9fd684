package org.comptoir.dispatch;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Clock;
import java.time.Duration;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.comptoir.campaign.CampaignService;
import org.comptoir.consent.ConsentService;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.RehearsalGateway;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.gateway.modem.JSerialCommLink;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.gateway.modem.ModemInfo;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the configured gateway (setting {@code gateway}: {@code rehearsal}, {@code modem}, {@code http})
 * and of the sending engine over it. A serial port can be opened once: the engine, the modem screen's check and test
 * SMS ({@link #checkModem}, {@link #sendTest}), {@code modem send}, {@code inbox sync} ({@link #collectInbound}) and
 * {@code send-due} all go through this owner, which puts one listener on its gateway: the engine's (inbound stored,
 * reports matched), with one-offs listening beside it, never instead of it.
 *
 * <p>While the application is open the engine runs ({@link #startSending}): it starts due campaigns by itself and
 * sleeps until the next allowed instant, the next due campaign or news (a campaign scheduled or resumed, a report, the
 * gateway back). The sending windows are read from the settings at each check (a change applies to the next one), and
 * a change of {@code gateway}, of the modem's port or PIN or of the HTTP settings makes the owner close its gateway
 * and build the new one (a gateway left FAILED by refused credentials is not kept once they change).
 *
 * <p>Thread-safe. {@link #gateway()} and {@link #engine()} block on the first call (a modem connects, up to its
 * registration timeout) and throw {@link ComptoirException} with the reason. Rebuilds and progress notices run on this
 * owner's own thread, {@code sending-owner}.
 */
public final class GatewayOwner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayOwner.class);
    /** The settings whose change means another gateway. */
    private static final Set<String> GATEWAY_KEYS = Set.of(ModemSettings.GATEWAY, ModemSettings.PORT, ModemSettings.PIN,
            ModemSettings.STATUS_REPORTS);

    private final Database database;
    private final Settings settings;
    private final ConsentService consent;
    private final Supplier<SendingRules> rulesFromSettings;
    private final Supplier<InboundRouter> router;
    private final Clock clock;
    private final CampaignService campaignsForControl;
    private final Outbox outbox;
    private final ModemSendLog modemLog;
    private final Function<String, ModemGateway.LinkOpener> openers;
    private final ExecutorService ownerThread;
    private final List<Consumer<CampaignProgress>> progressListeners = new CopyOnWriteArrayList<>();
    private final Set<Long> progressPending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean progressScheduled = new AtomicBoolean();
    private volatile SendingRules rules;
    private volatile SmsGateway gateway;
    private volatile FanOut fanOut;
    private volatile UserMessage buildProblem;
    private List<Object> builtFor;
    private RouteLimits limits = RouteLimits.NONE;
    private volatile SendingEngine engine;
    private boolean background;
    private volatile boolean closed;

    /**
     * @param rules  the sending windows (the schedule package's rules), asked for again after a {@code schedule.*}
     *               setting changed
     * @param router what received messages mean (consent over SMS), read when the engine is built
     */
    public GatewayOwner(Database database, Settings settings, ConsentService consent, CampaignService campaigns,
                        Supplier<SendingRules> rules, Supplier<InboundRouter> router, Clock clock) {
        this(database, settings, consent, campaigns, rules, router, clock, port -> () -> JSerialCommLink.open(port));
    }

    /** @param openers how a serial port is opened (tests: an emulator's link) */
    public GatewayOwner(Database database, Settings settings, ConsentService consent, CampaignService campaigns,
                        Supplier<SendingRules> rules, Supplier<InboundRouter> router, Clock clock,
                        Function<String, ModemGateway.LinkOpener> openers) {
        this.database = database;
        this.settings = settings;
        this.consent = consent;
        this.rulesFromSettings = rules;
        this.router = router;
        this.clock = clock;
        this.openers = openers;
        this.outbox = new Outbox(database, campaigns, clock);
        this.modemLog = new ModemSendLog(database);
        this.campaignsForControl = campaigns;
        this.ownerThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sending-owner");
            t.setDaemon(true); // closed by close(); must not keep a finished CLI alive
            return t;
        });
        settings.addChangeListener(this::settingsChanged);
        campaigns.addScheduleListener(id -> wake());
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

    /**
     * Something changed that the engine should look at now (a campaign was scheduled, an UNKNOWN sent again). Any
     * thread; never blocks.
     */
    public void wake() {
        SendingEngine e = engine; // no lock: called from the engine's own thread (a reply queued) during a rebuild
        if (e != null) {
            e.wake();
        }
    }

    // ---- progress

    /**
     * Where {@code campaignId} stands now, with the state of the gateway this owner holds: counts by state, until when
     * and why it waits ({@code GATEWAY} while the gateway is not ready, with its problem in words), the latest
     * failure. Any thread but the FX one: blocks on the database (a few indexed queries). Empty for no such campaign.
     */
    public Optional<CampaignProgress> progress(long campaignId) {
        SmsGateway g = gateway;
        GatewayState state = g != null ? g.state() : buildProblem != null ? GatewayState.FAILED : null;
        UserMessage problem = g != null ? g.problem().orElse(null) : buildProblem;
        return report().progress(campaignId, state, problem, clock.instant());
    }

    /**
     * Hears a fresh {@link CampaignProgress} of each campaign whose messages changed (a send, a skip, a report, a
     * start, its end) and of every sending campaign when the gateway's state changed. Called on the owner's thread
     * {@code sending-owner}, never the FX one: a view hands it over with {@code Platform.runLater}. Bursts are
     * coalesced (one notice per campaign per burst), so a listener may miss intermediate counts, never the latest.
     */
    public void addProgressListener(Consumer<CampaignProgress> listener) {
        progressListeners.add(Objects.requireNonNull(listener));
    }

    public void removeProgressListener(Consumer<CampaignProgress> listener) {
        progressListeners.remove(listener);
    }

    private void progressChanged(long campaignId) {
        if (progressListeners.isEmpty() || closed) {
            return;
        }
        progressPending.add(campaignId);
        if (progressScheduled.compareAndSet(false, true)) {
            onOwnerThread(this::publishProgress);
        }
    }

    private void publishProgress() {
        progressScheduled.set(false);
        List<Long> ids = new ArrayList<>(progressPending);
        progressPending.removeAll(ids);
        Set<Long> campaigns = new java.util.LinkedHashSet<>();
        for (long id : ids) {
            if (id == SendingEngine.ALL_CAMPAIGNS) {
                campaigns.addAll(outbox.sendingCampaigns());
            } else {
                campaigns.add(id);
            }
        }
        for (long id : campaigns) {
            progress(id).ifPresent(p -> progressListeners.forEach(l -> {
                try {
                    l.accept(p);
                } catch (RuntimeException e) {
                    LOG.warn("progress listener failed", e);
                }
            }));
        }
    }

    // ---- the gateway

    /**
     * The configured gateway, built and (modem) connected on first use, then held; built anew when its settings
     * changed since, or when it is FAILED (a person changed something: a SIM inserted, credentials fixed). Blocks.
     */
    public SmsGateway gateway() {
        engine();
        return gateway;
    }

    /**
     * The engine over the configured gateway (built with it, not started). Blocks like {@link #gateway()}. However it
     * is started, the engine first turns into UNKNOWN the rows left SENDING by senders that are gone (a crash here or
     * on another PC), never a live sender's ({@link SenderLease}).
     */
    public synchronized SendingEngine engine() {
        requireOpen();
        boolean stale = gateway != null && (!fingerprint().equals(builtFor) || gateway.state() == GatewayState.FAILED);
        if (stale) {
            tearDown();
        }
        if (engine == null) {
            build(true);
        }
        return engine;
    }

    /** Builds the configured gateway and its engine; {@code connectNow}: a modem connects here (else in background). */
    private void build(boolean connectNow) {
        List<Object> fp = fingerprint();
        String kind = settings.get(ModemSettings.GATEWAY);
        SmsGateway g;
        RouteLimits l = RouteLimits.NONE;
        try {
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
        } catch (ComptoirException e) {
            buildProblem = e.userMessage();
            progressChanged(SendingEngine.ALL_CAMPAIGNS);
            throw e;
        }
        buildProblem = null;
        limits = l;
        SendingEngine e = newEngine(g, l);
        FanOut f = new FanOut(e.listener());
        g.setListener(f);
        e.onProgress(this::progressChanged);
        gateway = g;
        fanOut = f;
        engine = e;
        builtFor = fp;
    }

    private SendingEngine newEngine(SmsGateway g, RouteLimits l) {
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

    private ModemGateway newModem(String port, String typedPin) {
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

    private RouteLimits modemLimits() {
        return RouteLimits.modem(new ModemRoutePolicy(settings, modemLog, shopZone()), modemLog, new Random());
    }

    /** What the held gateway was built from; compared, never logged (it holds the PIN and the credentials). */
    private List<Object> fingerprint() {
        String kind = settings.get(ModemSettings.GATEWAY);
        return switch (kind) {
            case "modem" -> Arrays.asList(kind, settings.get(ModemSettings.PORT).strip(), settings.get(ModemSettings.PIN),
                    settings.get(ModemSettings.STATUS_REPORTS));
            case "http" -> Arrays.asList(kind, HttpGatewayFactory.config(settings));
            default -> List.of(kind);
        };
    }

    /** Stops the engine (up to 10 s for the message in hand) and closes the gateway. Holding the lock. */
    private void tearDown() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(10));
            engine = null;
        }
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
        fanOut = null;
        builtFor = null;
        limits = RouteLimits.NONE;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("gateway owner closed");
        }
    }

    /** The gateway held now, without building one (empty before the first use or after a settings change). Any thread. */
    public Optional<SmsGateway> held() {
        return Optional.ofNullable(gateway);
    }

    // ---- the engine while the application is open

    /**
     * Runs the engine until {@link #close}: builds the gateway (a modem connects in the background and reconnects by
     * itself), then sends due campaigns as their time comes. A
     * gateway that cannot be built (none chosen, settings incomplete) is reported through {@link #progress} and tried
     * again when its settings change. Never blocks: the work runs on {@code sending-owner}.
     */
    public void startSending() {
        onOwnerThread(() -> {
            synchronized (this) {
                background = true;
            }
            ensureRunning();
        });
    }

    /** On the owner's thread: the engine over the current settings, running. */
    private void ensureRunning() {
        SendingEngine e;
        synchronized (this) {
            if (closed || !background) {
                return;
            }
            if (gateway != null && !fingerprint().equals(builtFor)) {
                LOG.info("gateway settings changed: closing {}", gateway.name());
                tearDown();
            }
            if (engine == null) {
                try {
                    build(false);
                } catch (ComptoirException ex) {
                    LOG.info("sending not started: {}", ex.userMessage().key());
                    return;
                } catch (RuntimeException ex) {
                    LOG.error("sending not started", ex);
                    return;
                }
            }
            e = engine;
        }
        e.start();
    }

    private void settingsChanged(Set<String> keys) {
        if (keys.stream().anyMatch(k -> k.startsWith("schedule."))) {
            rules = null; // read again at the next check
            onOwnerThread(() -> {
                outbox.windowsChanged();
                wake();
            });
        }
        if (keys.stream().anyMatch(k -> GATEWAY_KEYS.contains(k) || k.startsWith("http."))) {
            onOwnerThread(() -> {
                boolean running;
                synchronized (this) {
                    running = background;
                    if (!running && gateway != null && !fingerprint().equals(builtFor)) {
                        tearDown(); // the next use builds the new one
                    }
                }
                if (running) {
                    ensureRunning();
                }
                progressChanged(SendingEngine.ALL_CAMPAIGNS);
            });
        }
    }

    private void onOwnerThread(Runnable work) {
        if (closed) {
            return;
        }
        try {
            ownerThread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("sending owner: {}", e.toString(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("owner closed");
        }
    }

    // ---- headless

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
            return e.runUntilIdle().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
     * Collects what waits at the configured gateway (the SIM's stored SMS, a provider's inbound and opt-out lists)
     * through the held gateway, so the received messages are stored by the engine's listener before they are deleted
     * there ({@code inbox sync}). Blocks (serial or HTTP I/O); throws like {@link #gateway()}.
     */
    public void collectInbound() {
        engine().collectPending();
    }

    // ---- the modem screen and the command line

    /**
     * Checks the modem on {@code port}: the one this owner holds when it is on that port (a PIN typed is offered once
     * to it, and it connects again if it is not ready), else one opened for the check and closed after it — under this
     * owner's lock, so the engine cannot open the same port meanwhile. Reads no message from the SIM. Blocks (up to
     * the registration timeout); throws {@link ComptoirException} with the problem in words.
     */
    public ModemInfo checkModem(String port, String pin) {
        String p = requirePort(port);
        synchronized (this) {
            requireOpen();
            Optional<ModemGateway> held = heldModemOn(p);
            if (held.isPresent()) {
                ModemGateway modem = held.get();
                if (pin != null && !pin.isBlank()) {
                    modem.setPin(pin.strip());
                }
                if (modem.state() != GatewayState.READY) {
                    return modem.connect();
                }
                return modem.info().orElseGet(modem::connect);
            }
            try (ModemGateway modem = newModem(p, pin)) {
                modem.setListener(GatewayListener.NONE); // stores nothing, so reads nothing from the SIM
                return modem.connect();
            }
        }
    }

    /**
     * One test SMS {@link ModemOneOff}: through the modem this owner holds when {@code port} is its port (the engine
     * goes on storing inbound messages and matching its reports meanwhile), else through a modem opened on {@code port}
     * for it, whose received messages are stored too; {@code port} null: through the configured gateway, whatever it
     * is. Blocks (up to two minutes per part, plus {@code waitForReports}); throws {@link ComptoirException} for a
     * refusal before sending or a modem that does not start.
     */
    public ModemOneOff.Outcome sendTest(String port, String pin, String e164, String text, Duration waitForReports,
                                        Consumer<UserMessage> progress) throws InterruptedException {
        return sendTest(port, pin, e164, text, null, waitForReports, progress);
    }

    private ModemOneOff.Outcome sendTest(String port, String pin, String e164, String text, String sender,
                                         Duration waitForReports, Consumer<UserMessage> progress)
            throws InterruptedException {
        SmsGateway target;
        FanOut feed;
        RouteLimits l;
        ModemGateway opened = null;
        if (port != null) {
            // refused by length or caps: no modem is opened or connected for it
            new ModemOneOff(settings, modemLimits(), clock).requireAllowed(e164, text);
        }
        synchronized (this) {
            requireOpen();
            Optional<ModemGateway> held = port == null ? Optional.empty() : heldModemOn(requirePort(port));
            if (port == null) {
                engine();
                target = gateway;
                feed = fanOut;
                l = limits;
            } else if (held.isPresent()) {
                target = held.get();
                feed = fanOut;
                l = limits;
                if (pin != null && !pin.isBlank()) {
                    held.get().setPin(pin.strip());
                }
                if (target.state() != GatewayState.READY) {
                    progress.accept(UserMessage.of("modem.progress.connecting"));
                    held.get().connect();
                }
            } else {
                opened = newModem(requirePort(port), pin);
                l = modemLimits();
                SendingEngine storing = newEngine(opened, l); // its listener stores what the SIM holds; never started
                feed = new FanOut(storing.listener());
                opened.setListener(feed);
                target = opened;
            }
        }
        try {
            if (opened != null) {
                progress.accept(UserMessage.of("modem.progress.connecting"));
                opened.connect();
            }
            return new ModemOneOff(settings, l, clock).send(target, feed, e164, text, sender, waitForReports, progress);
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    /**
     * One message through the configured gateway, its route's caps first ({@link #sendTest} with no port): the
     * campaign editor's test send. Its delivery reports are not waited for. Blocks like {@link #sendTest}; throws
     * {@link ComptoirException} for a refusal before sending.
     */
    public SendResult sendOneOff(OutgoingSms sms) {
        try {
            return sendTest(null, null, sms.recipientE164(), sms.text(), sms.sender(), Duration.ZERO, progress -> { })
                    .result();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("one-off send interrupted");
        }
    }

    private Optional<ModemGateway> heldModemOn(String port) {
        if (gateway instanceof ModemGateway m && m.name().equals("modem " + port)) {
            return Optional.of(m);
        }
        return Optional.empty();
    }

    private static String requirePort(String port) {
        if (port == null || port.isBlank()) {
            throw new ComptoirException(UserMessage.of("modem.ui.no.port"));
        }
        return port.strip();
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

    /** Stops the engine (waits up to 10 s for the message in hand), releases the gateway and the owner's thread. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            background = false;
            tearDown();
        }
        ownerThread.shutdownNow();
        try {
            ownerThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
