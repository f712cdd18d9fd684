package org.comptoir.gateway.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link HttpGateway#collectPending} polls: delivery statuses of the messages sent in the last three days (200 a
 * call, oldest first), the provider's opt-out list (each number reported once while the gateway lives), and received
 * messages, acknowledged at the provider only after the listener stored them (DESIGN invariant 9). Thread-safe; the
 * listener is called on the collecting thread.
 */
final class Collector {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
    /** Statuses are polled for this long after sending, then the message is left as it is. */
    private static final Duration TRACK_FOR = Duration.ofDays(3);
    private static final int POLLS_PER_COLLECTION = 200;

    private record Tracked(String recipient, Instant sentAt) {
    }

    private final Provider provider;
    private final Exchanges exchanges;
    private final Clock clock;
    private final Redactor redactor;
    private final String name;
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private final Set<String> optOutsReported = ConcurrentHashMap.newKeySet();
    /** Told when a status names another recipient than the one tracked: the sends' pairing is in doubt. */
    private volatile Runnable onMispaired = () -> { };

    Collector(Provider provider, Exchanges exchanges, Clock clock, Redactor redactor) {
        this.provider = provider;
        this.exchanges = exchanges;
        this.clock = clock;
        this.redactor = redactor;
        this.name = "http " + provider.name();
    }

    void onMispaired(Runnable action) {
        this.onMispaired = action;
    }

    /** Watches the delivery status of {@code sent}'s references. */
    void track(SendResult.Sent sent, String recipient) {
        for (String ref : sent.partReferences()) {
            tracked.put(ref, new Tracked(recipient, clock.instant()));
        }
    }

    /** Watches a part sent before a restart, from the outbox; one already past {@code TRACK_FOR} is dropped at the next poll. */
    void track(String reference, String recipient, Instant sentAt) {
        tracked.putIfAbsent(reference, new Tracked(recipient, sentAt));
    }

    void collect(GatewayListener listener) {
        pollStatuses(listener);
        pollOptOuts(listener);
        if (listener.storesInbound()) {
            pollInbound(listener);
        }
    }

    private void pollStatuses(GatewayListener listener) {
        Instant now = clock.instant();
        List<Map.Entry<String, Tracked>> due = tracked.entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> a.sentAt().compareTo(b.sentAt())))
                .limit(POLLS_PER_COLLECTION).toList();
        for (Map.Entry<String, Tracked> e : due) {
            if (e.getValue().sentAt().plus(TRACK_FOR).isBefore(now)) {
                tracked.remove(e.getKey());
                continue;
            }
            Optional<Call> call = provider.status(e.getKey());
            if (call.isEmpty()) {
                tracked.remove(e.getKey());
                continue;
            }
            Optional<Reply> reply = exchanges.poll(call.get());
            if (reply.isEmpty()) {
                return; // the provider is not answering: the rest waits for the next collection
            }
            Optional<String> named = provider.statusRecipient(reply.get());
            if (named.isPresent() && !named.get().equals(e.getValue().recipient())) {
                // The provider's record is someone else's: reporting its outcome would mark the wrong customer
                // delivered or failed. Left as SENT, and no more batches whose references could be wrong.
                LOG.warn("{}: the status of reference {} names another recipient than the message sent under it; "
                        + "its outcome is not applied and messages now leave one per request", name, e.getKey());
                tracked.remove(e.getKey());
                onMispaired.run();
                continue;
            }
            Optional<DeliveryReport.Outcome> outcome = provider.outcome(reply.get());
            if (outcome.isPresent() && outcome.get() != DeliveryReport.Outcome.PENDING) {
                String said = provider.statusText(reply.get());
                listener.onDeliveryReport(new DeliveryReport(e.getKey(), e.getValue().recipient(), outcome.get(),
                        clock.instant(), said == null ? null : redactor.clean(said)));
                tracked.remove(e.getKey());
            }
        }
    }

    private void pollOptOuts(GatewayListener listener) {
        Optional<Reply> reply = provider.optOutList().flatMap(exchanges::poll);
        for (String number : reply.map(provider::optOuts).orElse(List.of())) {
            if (optOutsReported.contains(number)) {
                continue;
            }
            Instant at = clock.instant();
            String evidence = provider.name() + " opt-out list";
            Optional<Call> detail = provider.optOut(number);
            if (detail.isPresent()) {
                Optional<Reply> d = exchanges.poll(detail.get());
                Optional<Instant> when = d.flatMap(r -> Providers.instantField(r, "dateCreation"));
                if (when.isPresent()) {
                    at = when.get();
                    evidence += ", " + when.get();
                }
            }
            reportOptOut(listener, number, evidence, at);
        }
    }

    /** Reports an opt-out; one the listener could not store is offered again at the next collection. */
    void reportOptOut(GatewayListener listener, String number, String evidence, Instant at) {
        try {
            listener.onOptOut(number, evidence, at);
            optOutsReported.add(number);
        } catch (RuntimeException e) {
            // not stored: offered again at the next collection
            LOG.warn("{}: opt-out of a number not stored, offered again later: {}", name, redactor.clean(e.toString()));
        }
    }

    private void pollInbound(GatewayListener listener) {
        Optional<Reply> reply = provider.inboundList().flatMap(exchanges::poll);
        for (String id : reply.map(provider::inboundIds).orElse(List.of())) {
            Optional<InboundSms> sms = provider.inbound(id).flatMap(exchanges::poll).flatMap(provider::inboundMessage);
            if (sms.isEmpty()) {
                continue;
            }
            try {
                listener.onInbound(sms.get());
            } catch (RuntimeException e) {
                LOG.warn("{}: received message {} not stored, kept at the provider: {}", name, id, redactor.clean(e.toString()));
                return;
            }
            provider.acknowledge(id).ifPresent(exchanges::poll); // only once stored (DESIGN invariant 9)
        }
    }
}
