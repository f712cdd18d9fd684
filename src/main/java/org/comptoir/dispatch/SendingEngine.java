package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import org.comptoir.consent.ConsentService;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.i18n.Messages;
import org.comptoir.schedule.SendingRules;
import org.comptoir.schedule.WindowDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox through one gateway, on one thread of its own ({@code sending-<gateway>}) that outlives any screen.
 * Right before each message it checks again, from the consent ledger, that the person may receive it
 * ({@link Eligibility}), that the recipient's window is open ({@link SendingRules}, in the recipient's time) and that
 * the route's caps allow it ({@link RouteLimits}); an ineligible message is SKIPPED with its reason, a closed window
 * makes the message (and those sharing its window) wait for the next allowed instant, which is how a campaign pauses
 * by itself at 20:00 and resumes on Monday at 08:00. Retryable failures retry with back-off a bounded number of times;
 * a message whose fate is unknown is never resent by the engine. A gateway that takes several sends at once (an HTTP
 * provider's {@code http.concurrency}) gets them through {@link InFlightSends}: only its {@code send} calls leave the
 * engine thread, every check and outbox write stays on it.
 *
 * <p>The engine is its gateway's listener: received messages are stored before the gateway deletes them (sender in
 * E.164), then handed to the {@link InboundRouter} on the engine thread; delivery reports are matched per part; a
 * route's own opt-out list is written to the ledger.
 *
 * <p>{@link #start}, {@link #wake}, {@link #stop} and the listener methods may be called from any thread.
 */
public final class SendingEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SendingEngine.class);
    private static final int PREFETCH = 50;
    private static final Duration GATEWAY_WAIT = Duration.ofMinutes(2);
    /** What {@link #onProgress} hears when every sending campaign may have changed (the gateway's state). */
    public static final long ALL_CAMPAIGNS = -1;

    /**
     * What one run did, for {@code send-due} and the logs.
     *
     * @param capReached the modem route's daily or monthly cap that ended a headless run, with its words and the
     *                   instant it lifts (sending resumes then at the earliest, window permitting); empty otherwise
     */
    public record Summary(int sent, int failed, int skipped, int unknown, int deferred, Optional<Instant> nextReady,
                          boolean gatewayNotReady, Optional<ModemRoutePolicy.Decision> capReached) {
        public Summary(int sent, int failed, int skipped, int unknown, int deferred, Optional<Instant> nextReady,
                       boolean gatewayNotReady) {
            this(sent, failed, skipped, unknown, deferred, nextReady, gatewayNotReady, Optional.empty());
        }
    }

    /** The engine's collaborators, built once by the gateway's owner. */
    public record Parts(Outbox outbox, Eligibility eligibility, SendingRules rules, RouteLimits limits,
                        InboundStore inbound, InboundRouter router, ConsentService consent, SenderNumbers senders,
                        Messages messages) {
    }

    private final SmsGateway gateway;
    private final Parts parts;
    private final EngineConfig config;
    private final Clock clock;
    private final Waiter waiter;
    private final SenderLease lease;
    private final EngineEvents events;
    private final InFlightSends inFlight;
    private final Queue<Long> candidates = new ArrayDeque<>();
    private final Set<Long> broken = new HashSet<>();
    private boolean handedOver;
    private final EngineThread engineThread;
    private Instant holdUntil;
    /** The route cap behind {@link #holdUntil}, null when it is the pause after a send or a back-off. */
    private ModemRoutePolicy.Decision capHold;
    private volatile LongConsumer progress = id -> { };
    private volatile boolean lookedUp;
    private final SendRecorder results;

    public SendingEngine(SmsGateway gateway, Parts parts, EngineConfig config, Clock clock, Waiter waiter) {
        this(gateway, parts, config, clock, waiter, parts.outbox().database().dataDir().resolve("sending"));
    }

    /** @param lockDir where this run's lock file lives ({@link SenderLease}; tests: another PC's data folder) */
    SendingEngine(SmsGateway gateway, Parts parts, EngineConfig config, Clock clock, Waiter waiter, java.nio.file.Path lockDir) {
        this.gateway = gateway;
        this.parts = parts;
        this.config = config;
        this.clock = clock;
        this.waiter = waiter;
        this.lease = new SenderLease(parts.outbox().database(), clock, "sending-lease-" + threadSuffix(gateway), lockDir);
        this.events = new EngineEvents(gateway, parts, clock, waiter, this::changed);
        this.inFlight = new InFlightSends(gateway, clock, waiter::wake);
        this.results = new SendRecorder(gateway, parts, config);
        this.engineThread = new EngineThread("sending-" + threadSuffix(gateway), lease, waiter, () -> changed(ALL_CAMPAIGNS));
        gateway.setListener(events.listener());
    }

    /** This engine's run as the store's other senders see it: the holder its claims record. */
    SenderLease lease() {
        return lease;
    }

    /**
     * The engine's own listener (stores inbound, queues delivery reports, records a route's opt-outs), for an owner
     * that puts several listeners on one gateway ({@link GatewayOwner}); the constructor already set it.
     */
    GatewayListener listener() {
        return events.listener();
    }

    /**
     * Hears the id of each campaign whose messages changed (a send, a skip, a delivery report), or
     * {@link #ALL_CAMPAIGNS} when the gateway's state changed; called on the engine or the gateway's event thread, so
     * it must return at once. Replaces the previous one.
     */
    void onProgress(LongConsumer consumer) {
        this.progress = consumer == null ? id -> { } : consumer;
    }

    private void changed(Long campaignId) {
        if (campaignId != null) {
            try {
                progress.accept(campaignId);
            } catch (RuntimeException e) {
                LOG.warn("progress listener failed", e);
            }
        }
    }

    public SmsGateway gateway() {
        return gateway;
    }

    /** Starts the engine thread, which runs until {@link #stop}. Never blocks. */
    public void start() {
        engineThread.startIfIdle(() -> loop(false));
    }

    /**
     * Runs on the engine thread until nothing is ready to send now (done, or waiting for a window or a cap), then
     * returns what it did: the headless {@code send-due}. The future completes on the engine thread.
     */
    public CompletableFuture<Summary> runUntilIdle() {
        return engineThread.runOnce(() -> loop(true));
    }

    private static String threadSuffix(SmsGateway gateway) {
        return gateway.name().replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    /** Something changed (a campaign started or resumed, a reply queued): look again now. Any thread. */
    public void wake() {
        waiter.wake();
    }

    /** Stops the engine thread after the message in hand; waits up to {@code timeout} for it. */
    public void stop(Duration timeout) {
        engineThread.stop(timeout);
    }

    private Summary loop(boolean untilIdle) {
        results.reset();
        Optional<Instant> next = Optional.empty();
        boolean notReady = false;
        ModemRoutePolicy.Decision capReached = null;
        try {
            // whichever way this engine was started: rows of senders that are gone become UNKNOWN, a live one's stay
            lease.recover();
            events.retrackOnce();
            while (engineThread.running()) {
                events.collectIfDue(clock.instant());
                events.drain();
                if (inFlight.parallel()) {
                    inFlight.awaitSlot(this::takeBack); // a gateway taking several sends: a free worker first
                }
                Instant now = clock.instant();
                if (gateway.state() != GatewayState.READY) {
                    if (untilIdle && !awaitReady(now.plus(GATEWAY_WAIT))) {
                        notReady = true;
                        break;
                    }
                    if (!untilIdle) {
                        waiter.awaitUntil(null); // woken by the gateway's state change
                    }
                    continue;
                }
                if (holdUntil != null && now.isBefore(holdUntil)) {
                    if (untilIdle && capHold != null) {
                        // send-due does not sit until midnight (or the 1st): it ends, saying when the cap lifts
                        capReached = capHold;
                        next = parts.outbox().nextReady(now, this::changed);
                        break;
                    }
                    waiter.awaitUntil(earliest(holdUntil, events.nextCollect())); // the modem's pause, a route cap
                    continue;
                }
                if (!lookedUp) {
                    lookedUp = true;
                    UnknownLookUp.run(gateway, parts, config, clock, this::changed);
                }
                if (candidates.isEmpty()) {
                    candidates.addAll(parts.outbox().candidates(now, PREFETCH));
                }
                Long id = candidates.poll();
                if (id == null && inFlight.busy()) {
                    inFlight.awaitOne(this::takeBack); // the campaign is not done before its last sends answer
                    continue;
                }
                if (id == null) {
                    for (long done : parts.outbox().finishDone()) {
                        changed(done);
                    }
                    next = parts.outbox().nextReady(now, this::changed);
                    if (untilIdle) {
                        break;
                    }
                    // while the application is open it starts the campaigns whose time has come by itself
                    if (startDue(now)) {
                        continue;
                    }
                    Optional<Instant> due = parts.outbox().nextDueCampaign();
                    Instant wakeAt = next.orElse(null);
                    if (due.isPresent() && (wakeAt == null || due.get().isBefore(wakeAt))) {
                        wakeAt = due.get();
                    }
                    waiter.awaitUntil(earliest(wakeAt, events.nextCollect()));
                    continue;
                }
                if (broken.contains(id)) {
                    continue;
                }
                handedOver = false;
                try {
                    changed(process(id, now));
                } catch (RuntimeException e) {
                    putAside(id, handedOver, e); // one bad message never blocks the rest
                }
            }
            inFlight.awaitAll(this::takeBack); // stopping finishes what the gateway already has in hand
            events.drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.close();
            engineThread.ended();
        }
        return new Summary(results.sent, results.failed, results.skipped, results.unknown, results.deferred, next,
                notReady, Optional.ofNullable(capReached));
    }

    /** Starts every SCHEDULED campaign whose instant has come; true when one was started. */
    private boolean startDue(Instant now) {
        boolean started = false;
        for (long id : parts.outbox().dueCampaigns(now)) {
            try {
                LOG.info("campaign {}: {} messages queued", id, parts.outbox().start(id));
                started = true;
                changed(id);
            } catch (RuntimeException e) {
                LOG.error("campaign {} could not start", id, e);
                broken.add(-id); // never retried in a tight loop: the next wake tries again
            }
        }
        return started;
    }

    private boolean awaitReady(Instant deadline) throws InterruptedException {
        while (engineThread.running() && gateway.state() != GatewayState.READY && clock.instant().isBefore(deadline)) {
            waiter.awaitUntil(deadline);
            events.drain();
        }
        return gateway.state() == GatewayState.READY;
    }

    /** Checks and sends one row; returns its campaign (null for a reply or a row gone meanwhile). */
    private Long process(long id, Instant now) {
        Optional<OutboxRow> queued = parts.outbox().queued(id);
        if (queued.isEmpty()) {
            return null; // taken by another engine, cancelled, deferred
        }
        OutboxRow row = queued.get();
        send(id, row, now);
        return row.campaignId();
    }

    private void send(long id, OutboxRow row, Instant now) {
        Optional<Eligibility.Refusal> refusal = parts.eligibility().check(row);
        if (refusal.isPresent()) {
            if (parts.outbox().skip(id, refusal.get().code(), parts.messages().get(refusal.get().messageKey()))) {
                results.skipped++;
            }
            return;
        }
        WindowDecision window = parts.rules().check(row.messageClass(), row.recipient(), now);
        Instant validUntil = window.closesAt().minus(config.validityMargin());
        if (!window.allowed() || Duration.between(now, validUntil).compareTo(config.minValidity()) < 0) {
            // closed, or too close to closing for a validity that ends in time: wait for the next stretch
            Instant until = window.allowed()
                    ? parts.rules().check(row.messageClass(), row.recipient(), window.closesAt()).nextAllowed()
                    : window.nextAllowed();
            parts.outbox().deferWindow(row, until, window.allowed() ? WindowDecision.Reason.OUTSIDE_HOURS.name() : window.reason().name());
            results.deferred++;
            candidates.clear(); // the rows sharing its window were deferred too
            return;
        }
        ModemRoutePolicy.Decision route = parts.limits().check(row.recipient(), now, row.parts());
        if (!route.allowed()) {
            parts.outbox().defer(id, route.notBefore(), "ROUTE_CAP");
            holdUntil = route.notBefore();
            capHold = route;
            results.deferred++;
            candidates.clear();
            return;
        }
        OutgoingSms sms;
        try {
            sms = new OutgoingSms(row.messageId(), row.recipient(), row.text(), config.statusReports(),
                    validUntil, row.sender());
        } catch (IllegalArgumentException badNumber) {
            if (parts.outbox().skip(id, "INVALID_NUMBER", badNumber.getMessage())) {
                results.skipped++;
            }
            return;
        }
        Optional<OutboxRow> claimed = parts.outbox().claim(id, gateway.name(), lease.id());
        if (claimed.isEmpty()) {
            return; // another engine won it
        }
        if (inFlight.parallel()) {
            inFlight.submit(claimed.get(), sms); // its result comes back through takeBack, on this thread
            return;
        }
        handedOver = true;
        Instant before = clock.instant();
        SendResult result = gateway.send(sms);
        record(claimed.get(), result, before, clock.instant());
    }

    /** A send a worker finished: recorded here, on the engine thread, like one sent inline. */
    private void takeBack(InFlightSends.Done done) {
        try {
            record(done.claimed(), done.result(), done.before(), done.after());
            changed(done.claimed().campaignId());
        } catch (RuntimeException e) {
            putAside(done.claimed().id(), true, e); // handed to the gateway: UNKNOWN
        }
    }

    /** A row whose handling threw: FAILED, or UNKNOWN if it may have left; never picked again by this run. */
    private void putAside(long id, boolean handedOver, RuntimeException e) {
        LOG.error("outbox {}: {}", id, e.toString(), e);
        broken.add(id);
        try {
            parts.outbox().markBroken(id, handedOver, e.toString());
        } catch (RuntimeException again) {
            LOG.error("outbox {} could not be put aside", id, again);
        }
    }

    private void record(OutboxRow claimed, SendResult result, Instant before, Instant after) {
        SendRecorder.After next = results.record(claimed, result, before, after);
        if (next.newHold()) {
            holdUntil = next.holdUntil();
            capHold = null;
        }
        if (next.requeue()) {
            candidates.clear();
            changed(ALL_CAMPAIGNS);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** Collects what waits at the gateway (a STOP received over the weekend) and routes it. Blocks. */
    public void collectPending() {
        events.collectPending();
    }

    /** Routes stored inbound messages not handled yet, on the caller's thread (when the engine is not running). */
    public void routeStoredInbound() {
        events.routeStoredInbound();
    }
}
