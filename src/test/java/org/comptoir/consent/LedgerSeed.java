package org.comptoir.consent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.h2.tools.ChangeFileEncryption;

/**
 * Fills a real store with many contacts, each with a hash-chained OPT_IN (a tenth also an OPT_OUT), their states and
 * the head, fast enough to build a million-event ledger for the benchmarks. The chain is the real one (hashed with
 * {@link LedgerEntry}'s recipe, dates never going backwards), so {@code consent verify} finds it intact.
 *
 * <p>The recipe that makes it fast: people are numbered in the order of their subject (the keyed hash of their
 * number) before they get a seq, so every insert lands at the right-hand end of the indexes it touches — the
 * ledger's primary key and its (subject, seq) index, the state's primary key, the contact's subject — instead of at
 * a random page of a growing tree; the rows go in JDBC batches of 1,000, committed every 50,000 people (H2 keeps an
 * open transaction's pages in memory and in the file). Only the contact's number and name indexes stay random.
 *
 * <p>As a command, it makes a data folder: {@code LedgerSeed DIR CONTACTS} (see docs/performance.md).
 */
final class LedgerSeed {

    static final String[] FIRST = {"Marie", "Jean", "Anne", "Pierre", "Sophie", "Louis", "Camille", "Lucas",
        "Emma", "Hugo", "Léa", "Jules", "Chloé", "Nathan", "Manon", "Paul", "Inès", "Arthur", "Zoé", "Martin",
        "Sarah", "Thomas", "Julie", "Nicolas", "Claire", "Antoine", "Laura", "Maxime", "Alice", "Romain"};
    static final String[] LAST = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
        "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand",
        "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet"};

    private static final int BATCH = 1_000;
    private static final int COMMIT = 50_000;

    private LedgerSeed() {
    }

    /** The number of seeded contact {@code i}: {@code +336} then {@code i * 7 + 10,000,000} on 8 digits. */
    static PhoneNumber number(int i) {
        return new PhoneNumber(String.format("+336%08d", i * 7 + 10_000_000));
    }

    /**
     * Adds contacts {@code from .. from + count - 1} after whatever the ledger already holds: contact {@code i} gets
     * {@link #number(int)}, a first name (and for every third a last name), an OPT_IN under {@code wording} and, when
     * {@code i} is a multiple of 10, an OPT_OUT 30 s later. Events are a minute apart, after the ledger's last one.
     */
    private static Prepared prepare(SubjectKey key, int from, int count) {
        String[] subjects = new String[count];
        String[] phones = new String[count];
        byte[] first = new byte[count];
        byte[] last = new byte[count];
        Random r = new Random(7);
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            PhoneNumber n = number(from + k);
            phones[k] = n.e164();
            subjects[k] = key.subjectOf(n);
            first[k] = (byte) r.nextInt(FIRST.length);
            last[k] = (byte) ((from + k) % 3 == 0 ? r.nextInt(LAST.length) : -1);
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> subjects[a].compareTo(subjects[b]));
        return new Prepared(from, order, subjects, phones, first, last);
    }

    /** People numbered and sorted, ready to insert. */
    private record Prepared(int from, Integer[] order, String[] subjects, String[] phones, byte[] first, byte[] last) {
    }

    /** As {@link #prepare}, inserted through {@code db} (any store, with rows already or not). */
    static void seed(Database db, SubjectKey key, ConsentWording wording, int from, int count) {
        Prepared people = prepare(key, from, count);
        db.withConnection(c -> {
            c.setAutoCommit(false);
            try {
                insert(c, wording, people);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    private static void insert(Connection c, ConsentWording wording, Prepared people) throws SQLException {
        int from = people.from();
        Integer[] order = people.order();
        String[] subjects = people.subjects();
        String[] phones = people.phones();
        byte[] first = people.first();
        byte[] last = people.last();
        Ledger.Head head = new Ledger().lockHead(c);
        // dates never go backwards along the chain: the seed starts after the last row already there
        Instant lastAt = Jdbc.queryOne(c, "SELECT occurred_at FROM consent_event WHERE seq = ?",
                rs -> Jdbc.instant(rs, "occurred_at"), head.lastSeq()).orElse(Instant.EPOCH);
        Instant base = LedgerEntry.truncate(Instant.parse("2026-01-01T09:00:00Z"));
        base = base.isAfter(lastAt) ? base : lastAt.plusSeconds(1);
        LedgerHasher hasher = new LedgerHasher();
        String prev = head.lastHash();
        long seq = head.lastSeq();
        try (PreparedStatement contact = c.prepareStatement("INSERT INTO contact (subject, phone_e164, "
                + "national_digits, first_name, last_name, created_at) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement event = c.prepareStatement("INSERT INTO consent_event (seq, subject, kind, channel, "
                     + "wording_id, staff, occurred_at, evidence, prev_hash, hash, hash_version) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + LedgerEntry.CURRENT_VERSION + ")");
             PreparedStatement state = c.prepareStatement("INSERT INTO consent_state (subject, status, since, "
                     + "last_seq, wording_id) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement moveHead = c.prepareStatement(
                     "UPDATE consent_ledger_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            for (int p = 0; p < order.length; p++) {
                int k = order[p];
                int i = from + k;
                String subject = subjects[k];
                Instant at = base.plusSeconds(p * 60L);
                contact.setString(1, subject);
                contact.setString(2, phones[k]);
                contact.setString(3, phones[k].substring(3)); // +33: the national digits
                contact.setString(4, FIRST[first[k]]);
                contact.setString(5, last[k] < 0 ? null : LAST[last[k]]);
                contact.setObject(6, at.atOffset(ZoneOffset.UTC));
                contact.addBatch();
                prev = addEvent(event, hasher, ++seq, subject, "OPT_IN", "TILL", wording, "Léa", at, null, prev);
                // a tenth then unsubscribed (for the status filter), recorded as the ledger would
                boolean stopped = i % 10 == 0;
                Instant since = stopped ? at.plusSeconds(30) : at;
                if (stopped) {
                    prev = addEvent(event, hasher, ++seq, subject, "OPT_OUT", "SMS_KEYWORD", null, null, since, "STOP",
                            prev);
                }
                state.setString(1, subject);
                state.setString(2, stopped ? "OPTED_OUT" : "OPTED_IN");
                state.setObject(3, since.atOffset(ZoneOffset.UTC));
                state.setLong(4, seq);
                state.setObject(5, stopped ? null : wording.id());
                state.addBatch();
                boolean commit = p % COMMIT == COMMIT - 1;
                if (p % BATCH == BATCH - 1 || p == order.length - 1) {
                    contact.executeBatch();
                    event.executeBatch();
                    state.executeBatch();
                }
                if (commit || p == order.length - 1) {
                    moveHead.setLong(1, seq);
                    moveHead.setString(2, prev);
                    moveHead.executeUpdate();
                    c.commit(); // each commit leaves a whole chain with its head
                }
            }
        }
    }

    /**
     * A new data folder {@code dir} holding {@code contacts} seeded contacts, made the fast way: H2's AES is pure Java,
     * and inserting into an encrypted store decrypts and re-encrypts every page each time it is evicted and rewritten
     * (JFR: most of the seed's time). So the store is made by Comptoir (encrypted, migrated, its ledger key bound,
     * the wording recorded), decrypted with H2's ChangeFileEncryption, filled over a plain connection with a large page
     * cache, then opened once more by Comptoir, which encrypts a plain store it finds beside its key (the same
     * one-pass conversion a store from before encryption gets). The result is an ordinary encrypted store.
     */
    static void makeFolder(Path dir, int contacts) throws SQLException {
        ConsentWording wording;
        Prepared people;
        Phases phases = new Phases();
        try (Database db = Database.open(dir)) {
            SubjectKey key = SubjectKey.forStore(db);
            wording = ConsentBenchmark.service(db, key).currentWording();
            people = prepare(key, 0, contacts);
        }
        phases.done("new store, keys, numbers and subjects");
        String filePassword = HexFormat.of().formatHex(readAll(dir.resolve("store.key")));
        ChangeFileEncryption.execute(dir.toString(), Database.BASE_NAME, "AES", filePassword.toCharArray(), null, true);
        phases.done("decrypt");
        // CACHE_SIZE in KB: the random indexes (number, names) stay in memory instead of being re-read
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(Database.BASE_NAME).toAbsolutePath()
                + ";IFEXISTS=TRUE;CACHE_SIZE=" + CACHE_KB, "comptoir", "")) {
            try (java.sql.Statement st = c.createStatement()) {
                for (String[] index : REBUILT) {
                    st.execute("DROP INDEX " + index[0]);
                }
                c.setAutoCommit(false);
                insert(c, wording, people);
                c.commit();
                c.setAutoCommit(true);
                phases.done("insert");
                for (String[] index : REBUILT) {
                    st.execute("CREATE INDEX " + index[0] + " ON " + index[1]); // built by sorting, not row by row
                }
                phases.done("indexes");
            }
        }
        phases.done("close");
        Database.open(dir).close(); // encrypts it again
        phases.done("encrypt");
    }

    /** Prints how long each step of the seed took (the benchmark's set-up shows where its time goes). */
    private static final class Phases {
        private long last = System.nanoTime();

        void done(String what) {
            long now = System.nanoTime();
            System.out.printf("seed: %s %.1f s%n", what, (now - last) / 1e9);
            last = now;
        }
    }

    private static final int CACHE_KB = 512 * 1024;

    /**
     * The secondary indexes that are not behind a constraint, as the migrations create them (V2, V5): dropped for the
     * bulk insert and created again afterwards under the same names over the same columns, which H2 does by sorting
     * the table once instead of inserting into a growing tree row by row.
     */
    private static final String[][] REBUILT = {
        {"contact_first_name", "contact (first_name)"},
        {"contact_national_digits", "contact (national_digits)"},
        {"contact_name_lc", "contact (first_name_lc, last_name_lc, id)"},
        {"contact_last_name_lc", "contact (last_name_lc)"},
        {"contact_created_at", "contact (created_at)"},
        {"consent_event_subject", "consent_event (subject, seq)"},
        {"consent_state_status", "consent_state (status)"},
        {"consent_state_since", "consent_state (since)"},
    };

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Adds one event, hashed with the current recipe, to the batch; returns its hash. */
    private static String addEvent(PreparedStatement event, LedgerHasher hasher, long seq, String subject, String kind,
                                   String channel, ConsentWording wording, String staff, Instant at, String evidence,
                                   String prev) throws SQLException {
        String hash = hasher.hash(new LedgerEntry(LedgerEntry.CURRENT_VERSION, seq, subject, kind, channel,
                wording == null ? null : wording.id(), wording, staff, at, evidence, prev));
        event.setLong(1, seq);
        event.setString(2, subject);
        event.setString(3, kind);
        event.setString(4, channel);
        event.setObject(5, wording == null ? null : wording.id());
        event.setString(6, staff);
        event.setObject(7, at.atOffset(ZoneOffset.UTC));
        event.setString(8, evidence);
        event.setString(9, prev);
        event.setString(10, hash);
        event.addBatch();
        return hash;
    }

    /** {@code LedgerSeed DIR CONTACTS}: a new data folder DIR (must not exist) holding CONTACTS seeded contacts. */
    public static void main(String[] args) throws SQLException {
        Path dir = Path.of(args[0]);
        int contacts = Integer.parseInt(args[1]);
        if (Files.exists(dir)) {
            throw new IllegalArgumentException(dir + " exists: the seed makes a new data folder");
        }
        long started = System.nanoTime();
        makeFolder(dir, contacts);
        try (Database db = Database.open(dir)) {
            long events = db.withConnection(c ->
                    Jdbc.queryLong(c, "SELECT last_seq FROM consent_ledger_head WHERE id = 1"));
            System.out.printf("seeded %,d contacts, %,d ledger events in %.1f s%n", contacts, events,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
