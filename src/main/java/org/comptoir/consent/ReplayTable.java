package org.comptoir.consent;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the ledger says of each person, as {@code consent verify} replays it: one entry per subject, kept in
 * parallel primitive arrays rather than one object per person, so a million people cost about 60 MB instead of
 * several hundred (a String subject alone is about 100 bytes; here it is 32 bytes, its 64 hex digits packed).
 *
 * <p>Entries are numbered in the order subjects first appear; an open-addressing table of entry numbers finds a
 * subject. A subject that is not 64 lower-case hex digits (a row edited by hand) is kept in a small side map, so
 * nothing tampered is lost or confused with a real subject.
 *
 * <p>Not thread-safe: one verification owns it.
 */
final class ReplayTable {

    static final long NONE = Long.MIN_VALUE;

    /** {@link #flags} bits. */
    static final int HAS_EVENTS = 1;
    static final int EVER_OPTED_IN = 2;
    static final int STATE_SEEN = 4;

    private static final int HEX_LENGTH = 64;

    private int size;
    private long[] subjects;   // 4 longs per entry
    private long[] lastSeq;
    private long[] sinceMicros;
    private long[] wordingId;
    private byte[] status;     // ConsentStatus ordinal + 1; 0: the kind was not one Comptoir writes
    private byte[] flags;
    private int[] slots;       // entry + 1, 0 when free
    private final long[] scratch = new long[4];
    private final Map<String, Integer> odd = new HashMap<>();
    private final Map<Integer, String> oddKinds = new HashMap<>();
    private final Map<Integer, String> oddSubjects = new HashMap<>();

    /** @param expected how many people to expect (the table grows past it, at a cost) */
    ReplayTable(int expected) {
        int capacity = Math.max(16, expected);
        subjects = new long[capacity * 4];
        lastSeq = new long[capacity];
        sinceMicros = new long[capacity];
        wordingId = new long[capacity];
        status = new byte[capacity];
        flags = new byte[capacity];
        slots = new int[tableSize(capacity)];
    }

    int size() {
        return size;
    }

    /** The entry of {@code subject}, added (with no event yet) when absent. */
    int entry(String subject) {
        int found = find(subject);
        return found >= 0 ? found : add(subject);
    }

    /** The entry of {@code subject}, or -1. */
    int find(String subject) {
        long[] w = scratch;
        if (!unpack(subject, w)) {
            return odd.getOrDefault(subject, -1);
        }
        int mask = slots.length - 1;
        for (int i = spread(w[0]) & mask; slots[i] != 0; i = (i + 1) & mask) {
            int e = slots[i] - 1;
            int at = e * 4;
            if (subjects[at] == w[0] && subjects[at + 1] == w[1] && subjects[at + 2] == w[2]
                    && subjects[at + 3] == w[3]) {
                return e;
            }
        }
        return -1;
    }

    /** Records one event of the entry's person: the resulting status, its time and seq, its wording rule. */
    void apply(int e, ConsentKind kind, String kindName, long seq, long atMicros, long eventWordingId) {
        status[e] = kind == null ? 0 : (byte) (kind.resultingStatus().ordinal() + 1);
        if (kind == null) {
            oddKinds.put(e, kindName);
        } else {
            oddKinds.remove(e);
        }
        lastSeq[e] = seq;
        sinceMicros[e] = atMicros;
        if (kind != ConsentKind.CONFIRMED) {
            wordingId[e] = eventWordingId; // a confirmation keeps the opt-in's wording
        }
        flags[e] |= HAS_EVENTS;
        if (kind == ConsentKind.OPT_IN) {
            flags[e] |= EVER_OPTED_IN;
        }
    }

    boolean has(int e, int flag) {
        return (flags[e] & flag) != 0;
    }

    void mark(int e, int flag) {
        flags[e] |= flag;
    }

    /** The replayed status, null when the last event's kind is not one Comptoir writes. */
    ConsentStatus status(int e) {
        return status[e] == 0 ? null : ConsentStatus.values()[status[e] - 1];
    }

    /** The replayed status as the problem message names it (the stored kind itself when unknown). */
    String statusName(int e) {
        return status[e] == 0 ? oddKinds.get(e) : status(e).name();
    }

    long lastSeq(int e) {
        return lastSeq[e];
    }

    long sinceMicros(int e) {
        return sinceMicros[e];
    }

    long wordingId(int e) {
        return wordingId[e];
    }

    /** The subject of an entry, as the ledger spells it. */
    String subject(int e) {
        String s = oddSubjects.get(e);
        if (s != null) {
            return s;
        }
        StringBuilder out = new StringBuilder(HEX_LENGTH);
        for (int w = 0; w < 4; w++) {
            String hex = Long.toHexString(subjects[e * 4 + w]);
            out.append("0".repeat(16 - hex.length())).append(hex);
        }
        return out.toString();
    }

    private int add(String subject) {
        if (size == lastSeq.length) {
            grow();
        }
        int e = size++;
        lastSeq[e] = NONE;
        sinceMicros[e] = NONE;
        wordingId[e] = NONE;
        if (!unpack(subject, scratch)) {
            odd.put(subject, e);
            oddSubjects.put(e, subject);
            return e;
        }
        System.arraycopy(scratch, 0, subjects, e * 4, 4);
        if (size * 2L > slots.length) {
            rehash(slots.length * 2);
        }
        place(e);
        return e;
    }

    private void place(int e) {
        int mask = slots.length - 1;
        int i = spread(subjects[e * 4]) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = e + 1;
    }

    private void grow() {
        int capacity = lastSeq.length + (lastSeq.length >> 1);
        subjects = Arrays.copyOf(subjects, capacity * 4);
        lastSeq = Arrays.copyOf(lastSeq, capacity);
        sinceMicros = Arrays.copyOf(sinceMicros, capacity);
        wordingId = Arrays.copyOf(wordingId, capacity);
        status = Arrays.copyOf(status, capacity);
        flags = Arrays.copyOf(flags, capacity);
    }

    private void rehash(int tableSize) {
        slots = new int[tableSize];
        for (int e = 0; e < size; e++) {
            if (!oddSubjects.containsKey(e)) {
                place(e);
            }
        }
    }

    private static int tableSize(int capacity) {
        return Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
    }

    private static int spread(long a) {
        // the subject is an HMAC: its bits are already uniform, a fold is enough
        return (int) (a ^ (a >>> 32));
    }

    /** The 64 lower-case hex digits of {@code s} as 4 longs in {@code into}; false when {@code s} is not that. */
    private static boolean unpack(String s, long[] into) {
        if (s == null || s.length() != HEX_LENGTH) {
            return false;
        }
        for (int w = 0; w < 4; w++) {
            long v = 0;
            for (int i = w * 16, end = i + 16; i < end; i++) {
                char ch = s.charAt(i);
                int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
                if (d < 0) {
                    return false;
                }
                v = v << 4 | d;
            }
            into[w] = v;
        }
        return true;
    }
}
