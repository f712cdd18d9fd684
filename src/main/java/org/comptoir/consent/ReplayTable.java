package org.comptoir.consent;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the ledger says of each person, as {@code consent verify} replays it: one entry per subject, kept in
 * parallel primitive arrays rather than one object per person, so a million people cost about 58 MB instead of
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
    private static final int NARROW_NONE = Integer.MIN_VALUE;
    private static final int WIDE = Integer.MIN_VALUE + 1;
    private static final ConsentStatus[] STATUSES = ConsentStatus.values();

    /**
     * Entries per page: the columns are kept in pages of this many entries, not in one array each. A page of
     * subjects is 256 KB, under half a G1 region (1 MB at the smallest), so no column is a "humongous" object that
     * needs tens of contiguous free regions; and growing adds pages instead of copying every column to a 1.5 times
     * larger one (which briefly needed 2.5 times the table). Before, a million people were one 32 MB array of
     * subjects plus five 8 MB ones, sized up front from the ledger's head: at -Xmx128m, beside the store's page
     * cache, a second verify in the same JVM ran out of memory.
     */
    static final int PAGE_BITS = 13;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int MASK = PAGE - 1;

    private int size;
    private long[][] subjects = new long[0][];   // 4 longs per entry
    private int[][] lastSeq = new int[0][];      // narrow(): see there
    private long[][] sinceMicros = new long[0][];
    private int[][] wordingId = new int[0][];    // narrow()
    private byte[][] status = new byte[0][];     // ConsentStatus ordinal + 1; 0: the kind was not one Comptoir writes
    private byte[][] flags = new byte[0][];
    private int[] slots = new int[16];           // entry + 1, 0 when free; at most half full
    private final long[] scratch = new long[4];
    private final Map<String, Integer> odd = new HashMap<>();
    private final Map<Integer, String> oddKinds = new HashMap<>();
    private final Map<Integer, String> oddSubjects = new HashMap<>();
    private final Map<Integer, Long> wideSeqs = new HashMap<>();
    private final Map<Integer, Long> wideWordings = new HashMap<>();

    /**
     * An empty table. It grows a page at a time with the people it meets, so its memory follows the number of people,
     * never a count read from the database (a doctored head once sized it: up to 120 MB for an empty ledger).
     */
    ReplayTable() {
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
            long[] page = subjects[e >>> PAGE_BITS];
            int at = (e & MASK) * 4;
            if (page[at] == w[0] && page[at + 1] == w[1] && page[at + 2] == w[2] && page[at + 3] == w[3]) {
                return e;
            }
        }
        return -1;
    }

    /** Records one event of the entry's person: the resulting status, its time and seq, its wording rule. */
    void apply(int e, ConsentKind kind, String kindName, long seq, long atMicros, long eventWordingId) {
        int p = e >>> PAGE_BITS;
        int i = e & MASK;
        status[p][i] = kind == null ? 0 : (byte) (kind.resultingStatus().ordinal() + 1);
        if (kind == null) {
            oddKinds.put(e, kindName);
        } else if (!oddKinds.isEmpty()) {
            oddKinds.remove(e);
        }
        lastSeq[p][i] = narrow(seq, e, wideSeqs);
        sinceMicros[p][i] = atMicros;
        if (kind != ConsentKind.CONFIRMED) {
            wordingId[p][i] = narrow(eventWordingId, e, wideWordings); // a confirmation keeps the opt-in's wording
        }
        flags[p][i] |= kind == ConsentKind.OPT_IN ? HAS_EVENTS | EVER_OPTED_IN : HAS_EVENTS;
    }

    boolean has(int e, int flag) {
        return (flags[e >>> PAGE_BITS][e & MASK] & flag) != 0;
    }

    void mark(int e, int flag) {
        flags[e >>> PAGE_BITS][e & MASK] |= flag;
    }

    /** The replayed status, null when the last event's kind is not one Comptoir writes. */
    ConsentStatus status(int e) {
        byte b = status[e >>> PAGE_BITS][e & MASK];
        return b == 0 ? null : STATUSES[b - 1];
    }

    /** The replayed status as the problem message names it (the stored kind itself when unknown). */
    String statusName(int e) {
        ConsentStatus s = status(e);
        return s == null ? oddKinds.get(e) : s.name();
    }

    long lastSeq(int e) {
        return widen(lastSeq[e >>> PAGE_BITS][e & MASK], e, wideSeqs);
    }

    long sinceMicros(int e) {
        return sinceMicros[e >>> PAGE_BITS][e & MASK];
    }

    long wordingId(int e) {
        return widen(wordingId[e >>> PAGE_BITS][e & MASK], e, wideWordings);
    }

    /** The subject of an entry, as the ledger spells it. */
    String subject(int e) {
        String s = oddSubjects.get(e);
        if (s != null) {
            return s;
        }
        StringBuilder out = new StringBuilder(HEX_LENGTH);
        for (int w = 0; w < 4; w++) {
            String hex = Long.toHexString(subjects[e >>> PAGE_BITS][(e & MASK) * 4 + w]);
            out.append("0".repeat(16 - hex.length())).append(hex);
        }
        return out.toString();
    }

    private int add(String subject) {
        if (size == subjects.length * PAGE) {
            addPage();
        }
        int e = size++;
        int p = e >>> PAGE_BITS;
        int i = e & MASK;
        lastSeq[p][i] = NARROW_NONE;
        sinceMicros[p][i] = NONE;
        wordingId[p][i] = NARROW_NONE;
        if (!unpack(subject, scratch)) {
            odd.put(subject, e);
            oddSubjects.put(e, subject);
            return e;
        }
        System.arraycopy(scratch, 0, subjects[p], i * 4, 4);
        if (size * 2L > slots.length) {
            rehash(slots.length * 2);
        }
        place(e);
        return e;
    }

    private void place(int e) {
        int mask = slots.length - 1;
        int i = spread(subjects[e >>> PAGE_BITS][(e & MASK) * 4]) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = e + 1;
    }

    private void addPage() {
        int pages = subjects.length + 1;
        subjects = Arrays.copyOf(subjects, pages);
        lastSeq = Arrays.copyOf(lastSeq, pages);
        sinceMicros = Arrays.copyOf(sinceMicros, pages);
        wordingId = Arrays.copyOf(wordingId, pages);
        status = Arrays.copyOf(status, pages);
        flags = Arrays.copyOf(flags, pages);
        int p = pages - 1;
        subjects[p] = new long[PAGE * 4];
        lastSeq[p] = new int[PAGE];
        sinceMicros[p] = new long[PAGE];
        wordingId[p] = new int[PAGE];
        status[p] = new byte[PAGE];
        flags[p] = new byte[PAGE];
    }

    private void rehash(int tableSize) {
        slots = new int[tableSize];
        for (int e = 0; e < size; e++) {
            if (oddSubjects.isEmpty() || !oddSubjects.containsKey(e)) {
                place(e);
            }
        }
    }

    /**
     * A seq or a wording id as an int: every one a shop records fits (4 bytes a person saved per column, a million
     * people 8 MB); a value that does not (a row edited by hand) is kept exactly in {@code wide}.
     */
    private static int narrow(long v, int e, Map<Integer, Long> wide) {
        if (v == NONE) {
            if (!wide.isEmpty()) {
                wide.remove(e);
            }
            return NARROW_NONE;
        }
        if (v > Integer.MAX_VALUE || v < WIDE + 1L) {
            wide.put(e, v);
            return WIDE;
        }
        if (!wide.isEmpty()) {
            wide.remove(e);
        }
        return (int) v;
    }

    private static long widen(int v, int e, Map<Integer, Long> wide) {
        return v == NARROW_NONE ? NONE : v == WIDE ? wide.get(e) : v;
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
