package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
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
 * a message whose fate is unknown is never resent by the engine.
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

    /** What one run did, for {@code send-due} and the logs. */
    public record Summary(int sent, int failed, int skipped, int unknown, int deferred, Optional<Instant> nextReady,
                          boolean gatewayNotReady) {
    }

    /** The engine's collaborators, built once by the gateway's owner. */
    public record Parts(Outbox outbox, Eligibility eligibility, SendingRules rules, RouteLimits limits,
                        InboundStore inbound, InboundRouter router, ConsentService consent, SenderNumbers senders,
                        Messages messages) {
    }

    private final SmsGateway gateway;
    private final Parts parts;
    private final DeliveryMatcher reports;
    private final EngineConfig config;
    private final Clock clock;
    private final Waiter waiter;
    private final Queue<DeliveryReport> pendingReports = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean inboundArrived = new AtomicBoolean(true);
    private final Set<Long> routerRefused = new HashSet<>();
    private final Queue<Long> candidates = new ArrayDeque<>();
    private final Set<Long> broken = new HashSet<>();
    private boolean handedOver;
    private volatile boolean running;
    private volatile Thread thread;
    private Instant holdUntil;
    /** When a route that cannot push ({@link SmsGateway#collectEvery}) is asked again for replies and statuses. */
    private volatile Instant nextCollect;
    private boolean retracked;
    private int sent, failed, skipped, unknown, deferred;

    public SendingEngine(SmsGateway gateway, Parts parts, EngineConfig config, Clock clock, Waiter waiter) {
        this.gateway = gateway;
        this.parts = parts;
        this.reports = new DeliveryMatcher(parts.outbox().database(), clock);
        this.config = config;
        this.clock = clock;
        this.waiter = waiter;
        gateway.setListener(new Listener());
    }

    public SmsGateway gateway() {
        return gateway;
    }

    /** Starts the engine thread, which runs until {@link #stop}. Never blocks. */
    public synchronized void start() {
        if (thread == null) {
            running = true;
            thread = newThread(() -> loop(false), null);
            thread.start();
        }
    }

    /**
     * Runs on the engine thread until nothing is ready to send now (done, or waiting for a window or a cap), then
     * returns what it did: the headless {@code send-due}. The future completes on the engine thread.
     */
    public synchronized CompletableFuture<Summary> runUntilIdle() {
        if (thread != null) {
            throw new IllegalStateException("engine already running");
        }
        CompletableFuture<Summary> done = new CompletableFuture<>();
        running = true;
        thread = newThread(() -> loop(true), done);
        thread.start();
        return done;
    }

    private Thread newThread(java.util.function.Supplier<Summary> body, CompletableFuture<Summary> result) {
        Thread t = new Thread(() -> {
            Summary summary = null;
            Throwable failure = null;
            try {
                summary = body.get();
            } catch (RuntimeException | Error e) {
                LOG.error("sending engine for {} stopped", gateway.name(), e);
                failure = e;
            } finally {
                synchronized (this) {
                    thread = null;
                }
            }
            // completed once the engine may run again
            if (result != null) {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(summary);
                }
            }
        }, "sending-" + gateway.name().replaceAll("[^A-Za-z0-9._-]+", "-"));
        t.setDaemon(true); // closed by its owner; must not keep a finished CLI alive
        return t;
    }

    /** Something changed (a campaign started or resumed, a reply queued): look again now. Any thread. */
    public void wake() {
        waiter.wake();
    }

    /** Stops the engine thread after the message in hand; waits up to {@code timeout} for it. */
    public void stop(Duration timeout) {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        waiter.wake();
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Summary loop(boolean untilIdle) {
        sent = failed = skipped = unknown = deferred = 0;
        Optional<Instant> next = Optional.empty();
        boolean notReady = false;
        try {
            if (!retracked) {
                retracked = true;
                PendingParts.retrack(parts.outbox().database(), gateway, clock.instant());
                UnknownLookups.settle(parts.outbox(), gateway, clock.instant(), config.statusReports());
            }
            while (running) {
                collectIfDue(clock.instant());
                drainEvents();
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
                    waiter.awaitUntil(earliest(holdUntil, nextCollect)); // the modem's pause, a route cap
                    continue;
                }
                if (candidates.isEmpty()) {
                    candidates.addAll(parts.outbox().candidates(now, PREFETCH));
                }
                Long id = candidates.poll();
                if (id == null) {
                    parts.outbox().finishDone();
                    next = parts.outbox().nextReady(now);
                    if (untilIdle) {
                        break;
                    }
                    waiter.awaitUntil(earliest(next.orElse(null), nextCollect));
                    continue;
                }
                if (broken.contains(id)) {
                    continue;
                }
                handedOver = false;
                try {
                    process(id, now);
                } catch (RuntimeException e) {
                    // one bad message never blocks the rest: it is put aside (FAILED, or UNKNOWN if it may have left)
                    LOG.error("outbox {}: {}", id, e.toString(), e);
                    broken.add(id);
                    try {
                        parts.outbox().markBroken(id, handedOver, e.toString());
                    } catch (RuntimeException again) {
                        LOG.error("outbox {} could not be put aside", id, again);
                    }
                }
            }
            drainEvents();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                running = false;
            }
        }
        return new Summary(sent, failed, skipped, unknown, deferred, next, notReady);
    }

    private boolean awaitReady(Instant deadline) throws InterruptedException {
        while (running && gateway.state() != GatewayState.READY && clock.instant().isBefore(deadline)) {
            waiter.awaitUntil(deadline);
            drainEvents();
        }
        return gateway.state() == GatewayState.READY;
    }

    private void process(long id, Instant now) {
        Optional<OutboxRow> queued = parts.outbox().queued(id);
        if (queued.isEmpty()) {
            return; // taken by another engine, cancelled, deferred
        }
        OutboxRow row = queued.get();
        Optional<Eligibility.Refusal> refusal = parts.eligibility().check(row);
        if (refusal.isPresent()) {
            if (parts.outbox().skip(id, refusal.get().code(), parts.messages().get(refusal.get().messageKey()))) {
                skipped++;
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
            deferred++;
            candidates.clear(); // the rows sharing its window were deferred too
            return;
        }
        ModemRoutePolicy.Decision route = parts.limits().check(row.recipient(), now, row.parts());
        if (!route.allowed()) {
            parts.outbox().defer(id, route.notBefore(), "ROUTE_CAP");
            holdUntil = route.notBefore();
            deferred++;
            candidates.clear();
            return;
        }
        OutgoingSms sms;
        try {
            sms = new OutgoingSms(row.messageId(), row.recipient(), row.text(), config.statusReports(),
                    validUntil, row.sender());
        } catch (IllegalArgumentException badNumber) {
            if (parts.outbox().skip(id, "INVALID_NUMBER", badNumber.getMessage())) {
                skipped++;
            }
            return;
        }
        Optional<OutboxRow> claimed = parts.outbox().claim(id, gateway.name());
        if (claimed.isEmpty()) {
            return; // another engine won it
        }
        handedOver = true;
        SendResult result = gateway.send(sms);
        Instant after = clock.instant();
        if (result instanceof SendResult.Sent s) {
            parts.outbox().markSent(claimed.get(), s.partReferences(), after);
            parts.limits().recordSent(row.recipient(), after, s.partReferences());
            sent++;
            Duration gap = parts.limits().gapAfterSend();
            holdUntil = gap.isZero() ? null : after.plus(gap);
        } else if (result instanceof SendResult.Failed f) {
            String words = parts.messages().render(f.error().message());
            if (f.retryable() && gateway.state() != GatewayState.READY) {
                parts.outbox().release(id); // the gateway went away before anything left: not the message's fault
            } else if (f.retryable() && claimed.get().attempts() < config.maxAttempts()) {
                parts.outbox().retryLater(id, after.plus(config.backoff(claimed.get().attempts())), f.error().code(), words);
                deferred++;
            } else {
                parts.outbox().markFailed(id, f.error().code(), words);
                failed++;
            }
        } else {
            parts.outbox().markUnknown(id, "UNKNOWN", ((SendResult.Unknown) result).why());
            unknown++;
        }
    }

    /** Delivery reports and stored inbound messages, on the engine thread, between two sends. */
    private void drainEvents() {
        DeliveryReport report;
        while ((report = pendingReports.poll()) != null) {
            try {
                if (reports.apply(report).isEmpty()) {
                    LOG.info("delivery report {} for {} matches no sent part", report.partReference(), report.recipient());
                }
            } catch (RuntimeException e) {
                LOG.error("delivery report {} not recorded", report, e);
            }
        }
        if (inboundArrived.getAndSet(false)) {
            routeInbound();
        }
    }

    private void routeInbound() {
        List<StoredInbound> waiting = parts.inbound().unhandled(200);
        for (StoredInbound message : waiting) {
            if (routerRefused.contains(message.id())) {
                continue;
            }
            try {
                parts.inbound().markHandled(message.id(), parts.router().route(message));
            } catch (RuntimeException e) {
                routerRefused.add(message.id()); // offered again at the next start or collection
                LOG.error("inbound {} not routed", message.id(), e);
            }
        }
        if (waiting.size() == 200) {
            inboundArrived.set(true);
        }
    }

    /** Collects what waits at the gateway (a STOP received over the weekend) and routes it. Blocks. */
    public void collectPending() {
        gateway.collectEvery().ifPresent(every -> nextCollect = clock.instant().plus(every));
        gateway.collectPending();
        inboundArrived.set(true);
    }

    /**
     * Between two sends, asks a route that cannot push (an HTTP provider) for its replies, opt-outs and statuses once
     * its interval has passed: a STOP texted to a provider mid-campaign reaches the ledger before that number's turn.
     */
    private void collectIfDue(Instant now) {
        Optional<Duration> every = gateway.collectEvery();
        if (every.isEmpty() || (nextCollect != null && now.isBefore(nextCollect))) {
            return;
        }
        nextCollect = now.plus(every.get());
        try {
            gateway.collectPending();
        } catch (RuntimeException e) {
            LOG.warn("collecting from {} failed; tried again in {}", gateway.name(), every.get(), e);
        }
        inboundArrived.set(true);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** Routes stored inbound messages not handled yet, on the caller's thread (when the engine is not running). */
    public void routeStoredInbound() {
        routerRefused.clear();
        routeInbound();
    }

    private final class Listener implements GatewayListener {
        @Override
        public void onDeliveryReport(DeliveryReport report) {
            pendingReports.add(report);
            waiter.wake();
        }

        @Override
        public void onInbound(InboundSms sms) {
            String from = parts.senders().normalise(sms.from());
            parts.inbound().onInbound(new InboundSms(from, sms.text(), sms.receivedAt()));
            inboundArrived.set(true);
            waiter.wake();
        }

        @Override
        public void onOptOut(String recipientE164, String evidence, Instant at) {
            String number = parts.senders().normalise(recipientE164);
            Optional<PhoneNumber> n = PhoneNumber.ofE164(number);
            if (n.isEmpty()) {
                LOG.warn("opt-out for {} ignored: not a number", recipientE164);
                return;
            }
            // the provider's list is read again after every start: a number already stopped is one event, not one a start
            org.comptoir.consent.ConsentStatus now = parts.consent().lookup(n.get())
                    .map(org.comptoir.consent.ContactStatus::status).orElse(null);
            if (now == org.comptoir.consent.ConsentStatus.OPTED_OUT || now == org.comptoir.consent.ConsentStatus.ERASED) {
                return;
            }
            parts.consent().recordOptOut(n.get(), Channel.SMS_KEYWORD, null, evidence);
        }

        @Override
        public void onStateChanged(GatewayState state) {
            waiter.wake();
        }
    }
}
