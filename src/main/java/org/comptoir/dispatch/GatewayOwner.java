package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Duration;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.comptoir.campaign.CampaignService;
import org.comptoir.consent.ConsentService;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.gateway.modem.JSerialCommLink;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.gateway.modem.ModemInfo;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.schedule.SendingRules;
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
    private final Clock clock;
    private final CampaignService campaignsForControl;
    private final Outbox outbox;
    private final ExecutorService ownerThread;
    private final ProgressNotices notices = new ProgressNotices(this::onOwnerThread,
            () -> outbox().sendingCampaigns(), this::progress);
    // the held gateway, its listeners' fan-out and its route's limits: the desk reads them holding this owner's lock
    volatile SmsGateway gateway;
    volatile FanOut fanOut;
    private volatile UserMessage buildProblem;
    private List<Object> builtFor;
    RouteLimits limits = RouteLimits.NONE;
    private volatile SendingEngine engine;
    private boolean background;
    private volatile boolean closed;
    private final GatewayBuilder builder;
    private final ModemDesk desk;

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
        this.clock = clock;
        this.outbox = new Outbox(database, campaigns, clock);
        this.builder = new GatewayBuilder(database, settings, consent, outbox, rules, router, clock, openers);
        this.desk = new ModemDesk(this, settings, clock, builder);
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
        notices.add(listener);
    }

    public void removeProgressListener(Consumer<CampaignProgress> listener) {
        notices.remove(listener);
    }

    private void progressChanged(long campaignId) {
        if (!closed) {
            notices.changed(campaignId);
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
        boolean stale = gateway != null && (!builder.fingerprint().equals(builtFor) || gateway.state() == GatewayState.FAILED);
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
        List<Object> fp = builder.fingerprint();
        SmsGateway g;
        RouteLimits l;
        try {
            GatewayBuilder.Built built = builder.create(connectNow);
            g = built.gateway();
            l = built.limits();
        } catch (ComptoirException e) {
            buildProblem = e.userMessage();
            progressChanged(SendingEngine.ALL_CAMPAIGNS);
            throw e;
        }
        buildProblem = null;
        limits = l;
        SendingEngine e = builder.newEngine(g, l);
        FanOut f = new FanOut(e.listener());
        g.setListener(f);
        e.onProgress(this::progressChanged);
        gateway = g;
        fanOut = f;
        engine = e;
        builtFor = fp;
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

    void requireOpen() {
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
            if (gateway != null && !builder.fingerprint().equals(builtFor)) {
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
            builder.forgetRules(); // read again at the next check
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
                    if (!running && gateway != null && !builder.fingerprint().equals(builtFor)) {
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
        return DueRun.run(engine(), outbox, clock, timeout);
    }

    /**
     * Collects what waits at the configured gateway (the SIM's stored SMS, a provider's inbound and opt-out lists)
     * through the held gateway, so the received messages are stored by the engine's listener before they are deleted
     * there ({@code inbox sync}). Blocks (serial or HTTP I/O); throws like {@link #gateway()}.
     */
    public void collectInbound() {
        engine().collectPending();
    }

    // ---- the modem screen and the command line (the desk: ModemDesk)

    /** Checks the modem on {@code port}: {@link ModemDesk#checkModem}. Blocks; throws {@link ComptoirException}. */
    public ModemInfo checkModem(String port, String pin) {
        return desk.checkModem(port, pin);
    }

    /** One test SMS: {@link ModemDesk#sendTest}. Blocks; throws {@link ComptoirException} for a refusal. */
    public ModemOneOff.Outcome sendTest(String port, String pin, String e164, String text, Duration waitForReports,
                                        Consumer<UserMessage> progress) throws InterruptedException {
        return desk.sendTest(port, pin, e164, text, null, waitForReports, progress);
    }

    /** The campaign editor's test send: {@link ModemDesk#sendOneOff}. Blocks; throws {@link ComptoirException}. */
    public SendResult sendOneOff(OutgoingSms sms) {
        return desk.sendOneOff(sms);
    }

    /** The shop's time zone, from its country: the modem route's days and months are counted in it. */
    ZoneId shopZone() {
        return builder.shopZone();
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
