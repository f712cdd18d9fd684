package org.comptoir.consent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.comptoir.consent.ContactQuery.SortKey;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Consent save and contact search latency over 100,000 contacts in a real H2 file store.
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench='ConsentBenchmark'}; figures in docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class ConsentBenchmark {

    static final int CONTACTS = 100_000;
    private static final String[] FIRST = LedgerSeed.FIRST;

    Path dir;
    Database db;
    ConsentService consent;
    ContactDirectory contacts;
    long wordingId;
    final AtomicLong fresh = new AtomicLong();
    final Random random = new Random(42);

    /** Seeded once, then copied for each benchmark's fork, so every trial starts from the same 100,000 contacts. */
    static final Path TEMPLATE = Path.of("target", "consent-bench-" + CONTACTS);

    @Setup(Level.Trial)
    public void open() throws IOException, java.sql.SQLException {
        if (!Files.exists(TEMPLATE.resolve("comptoir.mv.db"))) {
            Path fresh = Files.createTempDirectory("consent-seed").resolve("data");
            long started = System.nanoTime();
            LedgerSeed.makeFolder(fresh, CONTACTS);
            System.out.printf("seeded %,d contacts in %.1f s%n", CONTACTS, (System.nanoTime() - started) / 1e9);
            copy(fresh, TEMPLATE);
            delete(fresh);
        }
        dir = Files.createTempDirectory("consent-bench");
        copy(TEMPLATE, dir);
        db = Database.open(dir);
        consent = service(db, SubjectKey.forStore(db));
        contacts = new ContactDirectory(db);
        wordingId = consent.currentWording().id();
    }

    static ConsentService service(Database db, SubjectKey key) {
        List<SettingDefinition> defs = new ArrayList<>(CoreSettings.DEFINITIONS);
        defs.addAll(ConsentSettings.DEFINITIONS);
        Settings settings = new Settings(db, defs);
        settings.set(CoreSettings.SHOP_NAME, "Léa Fleurs");
        return new ConsentService(db, settings, key, Clock.systemUTC());
    }

    /** The database and its key files: what a seeded template holds. */
    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : List.of("comptoir.mv.db", SubjectKey.FILE_NAME, "store.key", "settings.key")) {
            Files.copy(from.resolve(name), to.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Bulk insert of {@code count} contacts with their chained events and states: see {@link LedgerSeed}. */
    static void seed(Database db, SubjectKey key, ConsentWording wording, int count) {
        LedgerSeed.seed(db, key, wording, 0, count);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        System.out.println("verify after the run: " + consent.verify());
        db.close();
        delete(dir);
    }

    /** One opt-in at the till for a number not seen before: contact row, ledger append, state, head, audit. */
    @Benchmark
    public ContactStatus saveOptIn() {
        PhoneNumber n = new PhoneNumber(String.format("+337%08d", fresh.incrementAndGet()));
        return consent.recordOptIn(n, "Marie", wordingId, Channel.TILL, "Léa");
    }

    /** What the till does before asking: is this number known? */
    @Benchmark
    public Object lookup() {
        return consent.lookup(new PhoneNumber(String.format("+336%08d", random.nextInt(CONTACTS) * 7 + 10_000_000)));
    }

    /** The contact list filtered as one types a number: "06 12 34 5" (about 140 matches), first page. */
    @Benchmark
    public ContactPage searchByPartialNumber() {
        String national = String.format("%08d", random.nextInt(CONTACTS) * 7 + 10_000_000);
        String typed = "06 " + national.substring(0, 2) + " " + national.substring(2, 4) + " " + national.charAt(4);
        return contacts.search(new ContactQuery(typed, Set.of(), SortKey.NAME, true, 0, 50));
    }

    /** The contact list filtered as one types a name: "mar" (thousands of matches), first page by name. */
    @Benchmark
    public ContactPage searchByNamePrefix() {
        String name = FIRST[random.nextInt(FIRST.length)].substring(0, 3);
        return contacts.search(new ContactQuery(name, Set.of(), SortKey.NAME, true, 0, 50));
    }

    /** The default list: everyone, most recent consent first, one page, with the total. */
    @Benchmark
    public ContactPage firstPageBySince() {
        return contacts.search(new ContactQuery("", Set.of(), SortKey.SINCE, false, 0, 50));
    }

    /** A status filter over everyone: the opted-out, one page. */
    @Benchmark
    public ContactPage optedOutPage() {
        return contacts.search(new ContactQuery("", Set.of(ConsentStatus.OPTED_OUT), SortKey.NAME, true, 0, 50));
    }

    /**
     * The contacts screen's "Désinscrits" page as it opens (docs/performance.md, "Contacts screen"): the
     * opted-out, latest first, one page of 100 (ContactsViewModel.PAGE_SIZE) with the total.
     */
    @Benchmark
    public ContactPage optedOutScreenPage() {
        return contacts.search(new ContactQuery("", Set.of(ConsentStatus.OPTED_OUT), SortKey.SINCE, false, 0, 100));
    }

    /** The same page after the owner clicked "Nom": every match is joined and sorted. */
    @Benchmark
    public ContactPage optedOutScreenPageByName() {
        return contacts.search(new ContactQuery("", Set.of(ConsentStatus.OPTED_OUT), SortKey.NAME, true, 0, 100));
    }
}
