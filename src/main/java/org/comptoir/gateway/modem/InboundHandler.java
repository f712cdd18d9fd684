package org.comptoir.gateway.modem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.InboundSms;
import org.comptoir.sms.pdu.ConcatenationBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Received messages and delivery reports: reads stored messages ({@code AT+CMGR}, {@code AT+CMGL=4},
 * TS 27.005 §3.4), joins multipart ones in a {@link ConcatenationBuffer}, hands them to the listener and
 * deletes them from the SIM ({@code AT+CMGD}) only after the listener returned, so a crash in between offers
 * them again rather than losing them (DESIGN invariant 9).
 *
 * <p>A listener that does not store ({@link GatewayListener#storesInbound()} false) gets no inbound message:
 * they are neither read nor deleted and wait on the SIM for an owner that stores them.
 *
 * <p>Locking: the AT channel's turn is the one lock. Every read, hand-over and delete runs inside
 * {@link AtChannel#exclusive}; the state below is touched only while holding it, except {@link #sent},
 * a leaf lock that calls nothing while held. The send path holds the same turn and only touches
 * {@link #sent}: there is no second lock to take in the other order (the deadlock of issue 9).
 *
 * <p>Indications that arrive before the session is ready (initialisation still running) are kept and
 * handled once {@link #ready} is called.
 */
final class InboundHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(30);
    private static final int REMEMBERED_PARTS = 2048;

    /** An indication kept while the session was not ready. */
    private record Deferred(String line, String pdu) {
    }

    /** SIM indexes and earliest time stamp of a multipart set waiting in the buffer. */
    private static final class PartsSeen {
        final List<Integer> indices = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        Instant first;
    }

    private final Supplier<AtChannel> channel;
    private final Supplier<GatewayListener> listener;
    private final Clock clock;
    private final ConcatenationBuffer concat;
    /** originator|ref|total → where the parts of that set sit on the SIM; guarded by the channel's turn. */
    private final Map<String, PartsSeen> partsSeen = new HashMap<>();
    /** reference|recipient → when sent: to tell our reports from stray ones in the log. Leaf lock. */
    private final Map<String, Instant> sent = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                    return size() > REMEMBERED_PARTS;
                }
            });
    /** Index+PDU of messages already handed over and deleted: a list taken before the delete skips them. */
    private final Set<String> done = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 256;
        }
    });
    private final Queue<Deferred> deferred = new ConcurrentLinkedQueue<>();
    private volatile boolean ready;

    /** @param partsExpiry how long the parts of an incomplete multipart message wait before it is delivered as is */
    InboundHandler(Supplier<AtChannel> channel, Supplier<GatewayListener> listener, Clock clock,
                   Duration partsExpiry) {
        this.channel = channel;
        this.listener = listener;
        this.clock = clock;
        this.concat = new ConcatenationBuffer(partsExpiry, clock);
    }

    /** A new connection starts: indications wait until {@link #ready}. */
    void notReady() {
        ready = false;
    }

    /** The session is initialised (PDU mode, storage chosen): indications kept meanwhile are handled now. */
    void ready() {
        ready = true;
        Deferred d;
        while ((d = deferred.poll()) != null) {
            onUnsolicited(d.line(), d.pdu());
        }
    }

    /** Called by the send path (holding the channel's turn) for each accepted part. Never blocks on I/O. */
    void sent(String reference, String recipient) {
        sent.put(reference + "|" + recipient, clock.instant());
    }

    private boolean stores() {
        return listener.get().storesInbound();
    }

    /** Called on the channel's event thread. */
    void onUnsolicited(String line, String pdu) {
        boolean indication = line.startsWith("+CMTI:") || line.startsWith("+CDSI:") || line.startsWith("+CMT:");
        if (indication && !ready) {
            deferred.add(new Deferred(line, pdu));
            LOG.debug("{} before the session is ready: kept for later", line);
            if (ready) {
                ready(); // it became ready while this was being queued
            }
            return;
        }
        try {
            if (line.startsWith("+CMTI:")) {
                int index = lastInt(line);
                if (index >= 0 && stores()) {
                    readStored(index);
                } else if (index >= 0) {
                    LOG.info("New message at {} left on the SIM: nothing here stores it", index);
                }
            } else if (line.startsWith("+CDSI:")) {
                int index = lastInt(line);
                if (index >= 0) {
                    readStored(index);
                }
            } else if (line.startsWith("+CDS:") && pdu != null) {
                report(pdu);
            } else if (line.startsWith("+CMT:") && pdu != null) {
                // routed directly, not stored: nothing to delete (our AT+CNMI asks for storage, mt=1)
                AtChannel ch = channel.get();
                if (ch != null) {
                    ch.exclusive(() -> {
                        handle(pdu, -1);
                        return null;
                    });
                }
            } else {
                LOG.debug("Unsolicited: {}", line);
            }
        } catch (AtException e) {
            LOG.warn("Could not read after {}: {}", line, e.toString());
        }
    }

    /**
     * {@code AT+CMGL=4} (all stats): every stored message and report, handled in index order, then the
     * multipart sets past their expiry delivered with what arrived. Does nothing when the listener does not
     * store (listing would read inbound messages). Blocks for the list and one command per message.
     */
    void collect() {
        AtChannel ch = channel.get();
        if (ch == null || !stores()) {
            return;
        }
        try {
            ch.exclusive(() -> {
                for (AtParsers.Listed m : AtParsers.cmgl(ch.command("AT+CMGL=4", LIST_TIMEOUT).lines())) {
                    handle(m.pdu(), m.index());
                }
                deliverExpired();
                return null;
            });
        } catch (AtException e) {
            LOG.warn("Listing stored messages failed: {}", e.toString());
        }
    }

    private void readStored(int index) throws AtException {
        AtChannel ch = channel.get();
        if (ch == null) {
            return;
        }
        ch.exclusive(() -> {
            List<String> lines;
            try {
                lines = ch.command("AT+CMGR=" + index, READ_TIMEOUT).lines();
            } catch (AtException.Error e) {
                LOG.debug("Nothing readable at {}: {}", index, e.code());
                return null;
            }
            AtParsers.cmgr(lines).ifPresent(pdu -> handle(pdu, index));
            deliverExpired();
            return null;
        });
    }

    /** One stored or routed PDU: a report, a part, or a whole message. Caller holds the channel's turn. */
    private void handle(String hex, int index) {
        String doneKey = index + ":" + hex;
        if (index >= 0 && done.contains(doneKey)) {
            return;
        }
        int type;
        try {
            type = InboundDecoder.messageType(hex);
        } catch (RuntimeException e) {
            LOG.warn("Unreadable PDU at index {}: {}", index, hex);
            return;
        }
        if (type == 2) {
            report(hex);
            delete(List.of(index));
            done.add(doneKey);
            return;
        }
        if (type != 0 || !stores()) {
            return; // a stored SUBMIT (sent or draft) is not ours; an inbound one waits for a storing owner
        }
        InboundDecoder.Part part;
        try {
            part = InboundDecoder.deliver(hex);
        } catch (RuntimeException e) {
            // kept on the SIM: losing a STOP is worse than re-reading an odd PDU
            LOG.warn("Undecodable SMS-DELIVER at index {} kept on the SIM: {} ({})", index, hex, e.toString());
            return;
        }
        if (part.total() <= 1) {
            if (deliver(new InboundSms(part.from(), part.text(), part.sentAt()), List.of(index))) {
                done.add(doneKey);
            }
            return;
        }
        String key = part.pdu().originator() + "|" + part.concatRef() + "|" + part.total();
        PartsSeen seen = partsSeen.computeIfAbsent(key, k -> new PartsSeen());
        if (!seen.keys.contains(doneKey)) {
            seen.keys.add(doneKey);
            seen.indices.add(index);
        }
        if (seen.first == null || part.sentAt().isBefore(seen.first)) {
            seen.first = part.sentAt();
        }
        Optional<String> whole = concat.add(part.pdu());
        if (whole.isPresent()) {
            partsSeen.remove(key);
            if (deliver(new InboundSms(part.from(), whole.get(), seen.first), seen.indices)) {
                done.addAll(seen.keys);
            }
        }
    }

    /** Sets whose missing parts never came: their text is delivered with a gap, then their parts deleted. */
    private void deliverExpired() {
        for (ConcatenationBuffer.Incomplete set : concat.expire(clock.instant())) {
            PartsSeen seen = partsSeen.remove(set.originator() + "|" + set.reference() + "|" + set.total());
            if (seen == null) {
                continue;
            }
            LOG.info("Multipart message from {} incomplete after the wait (missing {}): delivered as it is",
                    set.originator(), set.missing());
            if (deliver(new InboundSms(InboundDecoder.sender(set.originator()), set.partialText(), seen.first),
                    seen.indices)) {
                done.addAll(seen.keys);
            }
        }
    }

    /** Hands over then deletes; false (nothing deleted) when the listener could not store it. */
    private boolean deliver(InboundSms sms, List<Integer> indices) {
        try {
            listener.get().onInbound(sms);
        } catch (RuntimeException e) {
            LOG.error("Inbound message from {} not stored; kept on the SIM for the next collection", sms.from(), e);
            return false;
        }
        delete(indices);
        return true;
    }

    private void delete(List<Integer> indices) {
        AtChannel ch = channel.get();
        for (int index : indices) {
            if (index < 0 || ch == null) {
                continue;
            }
            try {
                ch.command("AT+CMGD=" + index, READ_TIMEOUT);
            } catch (AtException e) {
                LOG.warn("Could not delete message {}: {}", index, e.toString());
            }
        }
    }

    private void report(String hex) {
        Optional<InboundDecoder.Report> decoded;
        try {
            decoded = InboundDecoder.report(hex);
        } catch (RuntimeException e) {
            LOG.warn("Undecodable status report {}: {}", hex, e.toString());
            return;
        }
        decoded.ifPresent(r -> {
            String ref = String.valueOf(r.messageReference());
            if (!sent.containsKey(ref + "|" + r.recipient())) {
                LOG.info("Status report for reference {} to {} not sent in this session", ref, r.recipient());
            }
            try {
                listener.get().onDeliveryReport(new DeliveryReport(ref, r.recipient(), r.outcome(), r.at(),
                        r.statusWords()));
            } catch (RuntimeException e) {
                LOG.error("Delivery report listener failed", e);
            }
        });
    }

    private static int lastInt(String line) {
        int comma = line.lastIndexOf(',');
        try {
            return Integer.parseInt(line.substring(comma + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
