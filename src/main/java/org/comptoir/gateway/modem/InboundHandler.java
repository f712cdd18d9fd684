package org.comptoir.gateway.modem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.InboundSms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Received messages and delivery reports: reads stored messages ({@code AT+CMGR}, {@code AT+CMGL=4}),
 * joins multipart ones, hands them to the listener and deletes them from the SIM ({@code AT+CMGD}) only
 * after the listener returned, so a crash in between offers them again rather than losing them.
 *
 * <p>One message is handled at a time (the {@code +CMTI} event thread and the poll may race).
 */
final class InboundHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(30);
    private static final int REMEMBERED_PARTS = 2048;

    private final Supplier<AtChannel> channel;
    private final Supplier<GatewayListener> listener;
    /** (from, ref, total) → sequence → the stored part and its SIM index. */
    private final Map<String, TreeMap<Integer, Stored>> partials = new HashMap<>();
    /** reference|recipient → when sent: to tell our reports from stray ones. */
    private final Map<String, Instant> sent = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED_PARTS;
        }
    };

    private record Stored(InboundDecoder.Part part, int index, String hex) {
    }

    /** Index+PDU of messages already handed over and deleted: a poll listed before the delete skips them. */
    private final java.util.Set<String> done = java.util.Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 256;
                }
            });

    InboundHandler(Supplier<AtChannel> channel, Supplier<GatewayListener> listener) {
        this.channel = channel;
        this.listener = listener;
    }

    synchronized void sent(String reference, String recipient) {
        sent.put(reference + "|" + recipient, Instant.now());
    }

    /** Called on the channel's event thread. */
    void onUnsolicited(String line, String pdu) {
        try {
            if (line.startsWith("+CMTI:")) {
                int index = lastInt(line);
                if (index >= 0) {
                    readStored(index);
                }
            } else if (line.startsWith("+CDSI:")) {
                int index = lastInt(line);
                if (index >= 0) {
                    readStored(index);
                }
            } else if (line.startsWith("+CDS:") && pdu != null) {
                report(pdu);
            } else if (line.startsWith("+CMT:") && pdu != null) {
                // routed directly, not stored: nothing to delete
                handle(pdu, -1);
            } else {
                LOG.debug("Unsolicited: {}", line);
            }
        } catch (AtException e) {
            LOG.warn("Could not read after {}: {}", line, e.toString());
        }
    }

    /** {@code AT+CMGL=4}: every stored message, handled in index order. */
    void poll() {
        AtChannel ch = channel.get();
        if (ch == null) {
            return;
        }
        try {
            List<String> lines = ch.command("AT+CMGL=4", LIST_TIMEOUT).lines();
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("+CMGL:")) {
                    int index = ModemSession.intAt(lines.get(i).substring(6), 0, -1);
                    String pdu = lines.get(i + 1);
                    if (index >= 0 && !pdu.startsWith("+")) {
                        handle(pdu, index);
                        i++;
                    }
                }
            }
        } catch (AtException e) {
            LOG.warn("Listing stored messages failed: {}", e.toString());
        }
    }

    private void readStored(int index) throws AtException {
        AtChannel ch = channel.get();
        if (ch == null) {
            return;
        }
        List<String> lines;
        try {
            lines = ch.command("AT+CMGR=" + index, READ_TIMEOUT).lines();
        } catch (AtException.Error e) {
            LOG.debug("Nothing readable at {}: {}", index, e.code());
            return;
        }
        for (String l : lines) {
            if (!l.startsWith("+CMGR:") && l.matches("[0-9A-Fa-f]+")) {
                handle(l, index);
                return;
            }
        }
    }

    /** One stored or routed PDU: a report, a part, or a whole message. */
    synchronized void handle(String hex, int index) {
        if (index >= 0 && done.contains(index + ":" + hex)) {
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
            done.add(index + ":" + hex);
            return;
        }
        if (type != 0) {
            return; // a stored SUBMIT (sent or draft): not ours to touch
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
                done.add(index + ":" + hex);
            }
            return;
        }
        String key = part.from() + "|" + part.concatRef() + "|" + part.total();
        TreeMap<Integer, Stored> parts = partials.computeIfAbsent(key, k -> new TreeMap<>());
        parts.put(part.seq(), new Stored(part, index, hex));
        if (parts.size() < part.total()) {
            return;
        }
        partials.remove(key);
        StringBuilder text = new StringBuilder();
        List<Integer> indices = new ArrayList<>();
        for (Stored s : parts.values()) {
            text.append(s.part().text());
            indices.add(s.index());
        }
        Instant first = parts.values().stream().map(s -> s.part().sentAt()).min(Comparator.naturalOrder())
                .orElse(part.sentAt());
        if (deliver(new InboundSms(part.from(), text.toString(), first), indices)) {
            parts.values().forEach(s -> done.add(s.index() + ":" + s.hex()));
        }
    }

    /** Hands over then deletes; false (nothing deleted) when the listener could not store it. */
    private boolean deliver(InboundSms sms, List<Integer> indices) {
        try {
            listener.get().onInbound(sms);
        } catch (RuntimeException e) {
            LOG.error("Inbound message from {} not stored; kept on the SIM for the next poll", sms.from(), e);
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

    private synchronized void report(String hex) {
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
                listener.get().onDeliveryReport(new DeliveryReport(ref, r.recipient(), r.outcome(), r.at()));
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
