package org.comptoir.sms.pdu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reassembles concatenated SMS-DELIVER parts (TS 23.040 §9.2.3.24.1). Parts are keyed by (originator,
 * reference, total), may come in any order and more than once (a modem re-reading its store); a set
 * still incomplete after {@code maxAge} is handed back by {@link #expire} so its text is kept, not lost.
 *
 * <p>Thread-safe (synchronized): the modem's unsolicited-event thread adds, a timer may expire. Nothing
 * blocks.
 */
public final class ConcatenationBuffer {

    private record Key(String originator, int reference, int total) {
    }

    private static final class Pending {
        final Instant firstSeen;
        final SortedMap<Integer, String> parts = new TreeMap<>();

        Pending(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }
    }

    /**
     * A set that expired before all its parts arrived.
     *
     * @param parts the parts received, by 1-based sequence, in order
     */
    public record Incomplete(String originator, int reference, int total, Instant firstSeen,
            SortedMap<Integer, String> parts) {

        public Incomplete {
            parts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parts));
        }

        /** The sequence numbers that never arrived. */
        public List<Integer> missing() {
            List<Integer> missing = new ArrayList<>();
            for (int sequence = 1; sequence <= total; sequence++) {
                if (!parts.containsKey(sequence)) {
                    missing.add(sequence);
                }
            }
            return missing;
        }

        /** The received parts joined in order, with "…" where parts are missing, so a reader sees the gap. */
        public String partialText() {
            StringBuilder text = new StringBuilder();
            for (int sequence = 1; sequence <= total; sequence++) {
                String part = parts.get(sequence);
                if (part == null) {
                    if (text.isEmpty() || text.charAt(text.length() - 1) != '…') {
                        text.append('…');
                    }
                } else {
                    text.append(part);
                }
            }
            return text.toString();
        }
    }

    private final Duration maxAge;
    private final Clock clock;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();

    /**
     * @param maxAge how long an incomplete set waits for its missing parts, from its first part
     * @param clock  the time source for first-seen times (a fixed or offset clock in tests)
     */
    public ConcatenationBuffer(Duration maxAge, Clock clock) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
        this.maxAge = maxAge;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds a part. A message without concatenation header (or with a total of 1) is complete at once.
     * A duplicate sequence keeps the first copy.
     *
     * @return the whole text, parts joined in sequence order, when this part completes its set
     */
    public synchronized Optional<String> add(SmsDeliver part) {
        if (part.concat().isEmpty() || part.concat().get().total() == 1) {
            return Optional.of(part.text());
        }
        ConcatInfo info = part.concat().get();
        Key key = new Key(part.originator(), info.reference(), info.total());
        Pending set = pending.computeIfAbsent(key, k -> new Pending(clock.instant()));
        set.parts.putIfAbsent(info.sequence(), part.text());
        if (set.parts.size() < info.total()) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(String.join("", set.parts.values()));
    }

    /** Removes and returns the sets whose first part is at least {@code maxAge} older than {@code now}. */
    public synchronized List<Incomplete> expire(Instant now) {
        List<Incomplete> expired = new ArrayList<>();
        Iterator<Map.Entry<Key, Pending>> entries = pending.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Key, Pending> entry = entries.next();
            Pending set = entry.getValue();
            if (!set.firstSeen.plus(maxAge).isAfter(now)) {
                Key key = entry.getKey();
                expired.add(new Incomplete(key.originator(), key.reference(), key.total(), set.firstSeen, set.parts));
                entries.remove();
            }
        }
        return expired;
    }

    /** Number of sets waiting for parts. */
    public synchronized int pendingCount() {
        return pending.size();
    }
}
