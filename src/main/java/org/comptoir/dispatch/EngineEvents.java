package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentEventView;
import org.comptoir.consent.ConsentKind;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.phone.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link SendingEngine}'s gateway tells it, apart from its sends: the listener (received messages stored
 * before the gateway deletes them, sender in E.164; delivery reports queued; a route's own opt-out list written to the
 * ledger), the reports matched per part and the stored messages routed on the engine thread between two sends, the
 * polling of a route that cannot push, and the re-track of the parts still waiting for a report after a restart.
 *
 * <p>The listener methods may be called from any thread; the others from the engine thread (or, when it is not
 * running, the caller's).
 */
final class EngineEvents {

    private static final Logger LOG = LoggerFactory.getLogger(EngineEvents.class);

    private final SmsGateway gateway;
    private final SendingEngine.Parts parts;
    private final DeliveryMatcher reports;
    private final Clock clock;
    private final Waiter waiter;
    /** Hears the campaign whose messages changed (null: none), or {@link SendingEngine#ALL_CAMPAIGNS}. */
    private final Consumer<Long> changed;
    private final Queue<DeliveryReport> pendingReports = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean inboundArrived = new AtomicBoolean(true);
    private final Set<Long> routerRefused = new HashSet<>();
    private final Listener listener = new Listener();
    /** When a route that cannot push ({@link SmsGateway#collectEvery}) is asked again for replies and statuses. */
    private volatile Instant nextCollect;
    private boolean retracked;

    EngineEvents(SmsGateway gateway, SendingEngine.Parts parts, Clock clock, Waiter waiter, Consumer<Long> changed) {
        this.gateway = gateway;
        this.parts = parts;
        this.reports = new DeliveryMatcher(parts.outbox().database(), clock);
        this.clock = clock;
        this.waiter = waiter;
        this.changed = changed;
    }

    GatewayListener listener() {
        return listener;
    }

    Instant nextCollect() {
        return nextCollect;
    }

    /** Once per engine: hands the gateway the parts it sent that still wait for a report (a restart forgot them). */
    void retrackOnce() {
        if (!retracked) {
            retracked = true;
            PendingParts.retrack(parts.outbox().database(), gateway, clock.instant());
        }
    }

    /** Delivery reports and stored inbound messages, on the engine thread, between two sends. */
    void drain() {
        DeliveryReport report;
        while ((report = pendingReports.poll()) != null) {
            try {
                Optional<Long> row = reports.apply(report);
                if (row.isEmpty()) {
                    LOG.info("delivery report {} for {} matches no sent part", report.partReference(), report.recipient());
                } else {
                    changed.accept(parts.outbox().campaignOf(row.get()));
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
    void collectPending() {
        gateway.collectEvery().ifPresent(every -> nextCollect = clock.instant().plus(every));
        gateway.collectPending();
        inboundArrived.set(true);
    }

    /**
     * Between two sends, asks a route that cannot push (an HTTP provider) for its replies, opt-outs and statuses once
     * its interval has passed: a STOP texted to a provider mid-campaign reaches the ledger before that number's turn.
     */
    void collectIfDue(Instant now) {
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

    /** Routes stored inbound messages not handled yet, on the caller's thread (when the engine is not running). */
    void routeStoredInbound() {
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
            // a provider lists the same STOP at every collection: one OPT_OUT in the ledger, not one per poll; and a
            // STOP older than the person's latest decision (they said yes again at the till since) changes nothing
            List<ConsentEventView> history = parts.consent().history(n.get());
            if (!history.isEmpty()) {
                ConsentEventView latest = history.get(history.size() - 1);
                boolean stopped = latest.kind() == ConsentKind.OPT_OUT || latest.kind() == ConsentKind.ERASED;
                if (stopped || (at != null && latest.occurredAt().isAfter(at))) {
                    LOG.debug("opt-out reported again by {}: already recorded", gateway.name());
                    return;
                }
            }
            parts.consent().recordOptOut(n.get(), Channel.SMS_KEYWORD, null, evidence);
        }

        @Override
        public void onStateChanged(GatewayState state) {
            waiter.wake();
            changed.accept(SendingEngine.ALL_CAMPAIGNS);
        }
    }
}
