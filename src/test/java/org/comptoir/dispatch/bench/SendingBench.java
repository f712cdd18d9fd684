package org.comptoir.dispatch.bench;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.comptoir.AppContext;
import org.comptoir.campaign.CampaignService;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.dispatch.EngineConfig;
import org.comptoir.dispatch.Eligibility;
import org.comptoir.dispatch.InboundStore;
import org.comptoir.dispatch.Outbox;
import org.comptoir.dispatch.ReviewRouter;
import org.comptoir.dispatch.RouteLimits;
import org.comptoir.dispatch.SenderNumbers;
import org.comptoir.dispatch.SendingEngine;
import org.comptoir.dispatch.Waiter;
import org.comptoir.gateway.InMemoryGateway;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.gateway.modem.SocatPair;
import org.comptoir.gateway.modem.emulator.ModemEmulator;
import org.comptoir.i18n.Messages;
import org.comptoir.schedule.SendingRulesFactory;
import org.comptoir.schedule.WindowDecision;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * A documented harness, not a test (docs/performance.md, "Sending engine"): wall-clock figures of whole runs, which
 * JMH's per-call model does not fit. (1) starting a campaign of 100,000 recipients (the outbox filled in one
 * transaction), with the heap used around it; (2) the engine sending through an instant in-memory gateway; (3) the
 * engine through the modem emulator over a socat pty at 0 s per send, pause off; (4) the same at 3 s per send.
 *
 * <p>Arguments (optional): recipients to queue, messages for (2), for (3), for (4). Run with a small heap
 * ({@code -Xmx96m}) to show the queueing streams.
 */
public final class SendingBench {

    private SendingBench() {
    }

    public static void main(String[] args) throws Exception {
        int queue = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int instant = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int modem = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int slow = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path dir = Files.createTempDirectory("sending-bench");
        // Tuesday 10:00 in Paris: every mainland number is in its window for the whole run
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
        // -Dbench.seeded=DIR: the seeded store is kept in DIR/N by the first run and copied by the next ones, so an
        // A/B comparison on a busy machine does not spend its minutes seeding and starts from the same store each time
        String kept = System.getProperty("bench.seeded");
        Path seeded = kept == null ? null : Path.of(kept, Integer.toString(queue));
        if (seeded != null && !Files.isDirectory(seeded)) {
            Path fresh = Files.createTempDirectory("sending-bench-seed");
            try (Database db = Database.open(fresh.resolve("data"))) {
                seed(db, SubjectKey.forStore(db), queue);
            }
            copyTree(fresh, seeded);
        }
        boolean reuse = seeded != null;
        if (reuse) {
            copyTree(seeded, dir);
        }
        try (Database db = Database.open(dir.resolve("data"))) {
            Settings settings = new Settings(db, AppContext.settingDefinitions());
            settings.set("campaign.frequency-cap", "100");
            CampaignService campaigns = new CampaignService(db, settings, clock);
            Outbox outbox = new Outbox(db, campaigns, clock);
            // the ledger key is bound to the empty store first, as the application does; the seeded subjects are its
            ConsentService consent = new ConsentService(db, settings, SubjectKey.forStore(db), clock);
            if (!reuse) {
                seed(db, SubjectKey.forStore(db), queue);
            }

            long big = campaign(db, "queue", null, clock);
            System.gc();
            long heapBefore = used();
            long[] io = storeIo(db);
            long cpu = processCpu();
            long t0 = System.nanoTime();
            long rows = outbox.start(big);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpu() - cpu) / 1e9;
            long heapAfter = used();
            long[] ioAfter = storeIo(db);
            System.out.printf("queue: %,d rows in %.2f s; heap used %d MB before, %d MB after (max %d MB)%n",
                    rows, seconds, heapBefore >> 20, heapAfter >> 20, Runtime.getRuntime().maxMemory() >> 20);
            // the process's CPU time and H2's own counters vary far less with the machine's load than the wall clock
            System.out.printf("queue: process CPU %.2f s; store wrote %d MB in %d chunks, read %,d pages (%d MB)%n",
                    cpuSeconds, (ioAfter[0] - io[0]) >> 20, ioAfter[1] - io[1], ioAfter[2] - io[2], (ioAfter[3] - io[3]) >> 20);
            cancel(db, big);

            SendingEngine.Parts parts = new SendingEngine.Parts(outbox, new Eligibility(db, settings, clock),
                    SendingRulesFactory.defaults(), RouteLimits.NONE, new InboundStore(db, "bench", clock),
                    new ReviewRouter(), consent, new SenderNumbers("FR"), Messages.forLanguage("fr"));

            if (instant == 0 && modem == 0 && slow == 0) {
                return; // queueing only
            }
            rate("in-memory gateway", db, outbox, parts, clock, new InMemoryGateway("memory"), instant);

            // the modem reckons a message's validity from the real clock: these runs use it, with a window always open
            Clock real = Clock.systemUTC();
            SendingEngine.Parts modemParts = new SendingEngine.Parts(new Outbox(db, campaigns, real),
                    new Eligibility(db, settings, real),
                    (kind, to, at) -> new WindowDecision(true, at, at.plus(Duration.ofHours(8)), WindowDecision.Reason.OPEN, ""),
                    RouteLimits.NONE, new InboundStore(db, "bench", real), new ReviewRouter(), consent,
                    new SenderNumbers("FR"), Messages.forLanguage("fr"));
            Path ptyDir = dir.resolve("pty");
            Files.createDirectories(ptyDir);
            for (int[] run : new int[][] {{modem, 0}, {slow, 3000}}) {
                try (SocatPair socat = new SocatPair(ptyDir).start();
                     ModemEmulator emulator = new ModemEmulator(new FileInputStream(socat.modem.toFile()),
                             new FileOutputStream(socat.modem.toFile()))) {
                    emulator.sendDelay = Duration.ofMillis(run[1]);
                    ModemGateway gateway = ModemGateway.onPort(socat.app.toString(), ModemGateway.Config.defaults(null, true));
                    gateway.connect();
                    try {
                        rate("modem emulator, " + run[1] / 1000 + " s per send, pause off", db, modemParts.outbox(),
                                modemParts, real, gateway, run[0]);
                    } finally {
                        gateway.close();
                    }
                }
            }
        }
    }

    private static void rate(String what, Database db, Outbox outbox, SendingEngine.Parts parts, Clock clock,
                             SmsGateway gateway, int messages) throws Exception {
        long id = campaign(db, what, "bench", clock);
        limitAudience(db, messages);
        outbox.start(id);
        SendingEngine engine = new SendingEngine(gateway, parts, EngineConfig.defaults(), clock, Waiter.onClock(clock));
        long t0 = System.nanoTime();
        SendingEngine.Summary s = engine.runUntilIdle().get(2, TimeUnit.HOURS);
        double minutes = (System.nanoTime() - t0) / 6e10;
        System.out.printf("%s: %,d sent in %.1f s = %,.0f messages per minute%n", what, s.sent(), minutes * 60,
                s.sent() / minutes);
        cancel(db, id);
        db.withConnection(c -> Jdbc.update(c, "DELETE FROM outbox_part"));
        db.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'SKIPPED' WHERE state = 'SENT'"));
    }

    /**
     * 100,000 contacts, each with a consent_state and an OPT_IN ledger event (what the engine reads). In transactions
     * of 5,000 with the contact ids given (the identity sequence moved past them at the end): H2 flushes an identity
     * sequence every 32 values, a write of the whole store with WRITE_DELAY=0, and one huge transaction's commit walks
     * back through its undo log; together they made the seeding take minutes, which the bench does not measure.
     */
    private static void seed(Database db, SubjectKey key, int n) {
        Instant now = Instant.parse("2026-11-01T09:00:00Z");
        String[] first = {"Léa", "Hugo", "Marie-Christine", "Chloé", "Lucas", "Anaïs", "Louis", "Inès", "Jules", "Zoë"};
        Object at = now.atOffset(ZoneOffset.UTC);
        long base = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COALESCE(MAX(id), 0) FROM contact"));
        for (int from = 0; from < n; from += 5_000) {
            int start = from;
            int end = Math.min(n, from + 5_000);
            db.inTransaction(c -> {
                try (var contact = c.prepareStatement("INSERT INTO contact (id, subject, phone_e164, first_name, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)");
                     var state = c.prepareStatement("INSERT INTO consent_state (subject, status, since, last_seq) VALUES (?, 'OPTED_IN', ?, ?)");
                     var event = c.prepareStatement("INSERT INTO consent_event (seq, subject, kind, channel, occurred_at, prev_hash, hash)"
                             + " VALUES (?, ?, 'OPT_IN', 'IMPORT', ?, 'x', 'x')")) {
                    for (int i = start; i < end; i++) {
                        String number = String.format("+336%08d", i);
                        String subject = key.subjectOf(new org.comptoir.phone.PhoneNumber(number));
                        contact.setLong(1, base + i + 1);
                        contact.setString(2, subject);
                        contact.setString(3, number);
                        contact.setString(4, first[i % first.length] + (i % 97));
                        contact.setObject(5, at);
                        contact.addBatch();
                        state.setString(1, subject);
                        state.setObject(2, at);
                        state.setLong(3, i + 1);
                        state.addBatch();
                        event.setLong(1, i + 1);
                        event.setString(2, subject);
                        event.setObject(3, at);
                        event.addBatch();
                        if (i % 1000 == 999) {
                            contact.executeBatch();
                            state.executeBatch();
                            event.executeBatch();
                        }
                    }
                    contact.executeBatch();
                    state.executeBatch();
                    event.executeBatch();
                }
                return null;
            });
        }
        db.withConnection(c -> Jdbc.update(c, "ALTER TABLE contact ALTER COLUMN id RESTART WITH " + (base + n + 1)));
    }

    private static long campaign(Database db, String name, String tag, Clock clock) {
        Instant now = clock.instant();
        return db.withConnection(c -> Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, stop_mention, audience_tag,"
                + " schedule_mode, scheduled_at, status, created_at, updated_at) VALUES (?, 'MARKETING', ?, 'STOP au 36180',"
                + " ?, 'ASAP', ?, 'SCHEDULED', ?, ?)", name, "Bonjour {prenom}, -20 % ce samedi sur les plantes vertes !",
                tag, now, now, now));
    }

    /** The next campaigns go to the first {@code n} contacts only (the tag `bench`). */
    private static void limitAudience(Database db, int n) {
        db.withConnection(c -> Jdbc.update(c, "DELETE FROM contact_tag WHERE tag = 'bench'"));
        db.withConnection(c -> Jdbc.update(c, "INSERT INTO contact_tag (contact_id, tag) SELECT id, 'bench' FROM contact"
                + " ORDER BY id LIMIT ?", n));
    }

    private static void cancel(Database db, long id) {
        db.withConnection(c -> Jdbc.update(c, "UPDATE campaign SET status = 'CANCELLED' WHERE id = ?", id));
        db.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'SKIPPED' WHERE campaign_id = ? AND state = 'QUEUED'", id));
    }

    /** H2's counters: bytes written, chunks written, pages read, bytes read (INFORMATION_SCHEMA.SETTINGS). */
    private static long[] storeIo(Database db) {
        String[] names = {"info.FILE_WRITE_BYTES", "info.CHUNK_COUNT", "info.FILE_READ", "info.FILE_READ_BYTES"};
        long[] out = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            out[i] = db.withConnection(c -> Jdbc.queryOne(c, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = ?", rs -> Long.parseLong(rs.getString(1)), name)).orElse(0L);
        }
        return out;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
