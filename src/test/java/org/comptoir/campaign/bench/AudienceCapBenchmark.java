package org.comptoir.campaign.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.comptoir.AppContext;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.AudienceQuery;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The editor's audience count at 100,000 opted-in contacts after {@code campaigns} marketing campaigns sent to all of
 * them in the last 30 days (the outbox then holds campaigns × 100,000 sent rows): the frequency cap must not grow
 * with the outbox. The sent rows go in through SQL, so the outbox trigger (V14) maintains recipient_sends as the
 * engine's updates do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AudienceCapBenchmark {

    static final int CONTACTS = 100_000;

    @Param({"0", "1", "10"})
    public int campaigns;

    private Path dir;
    private Database db;
    private AudienceQuery query;
    private final Audience all = new Audience(CampaignKind.MARKETING, null);

    @Setup(Level.Trial)
    public void seed() throws IOException {
        dir = Files.createTempDirectory("audience-cap-bench");
        db = Database.open(dir);
        Instant now = Instant.now();
        db.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO contact (subject, phone_e164, first_name, created_at)"
                    + " SELECT LPAD(X, 64, '0'), '+336' || LPAD(X, 8, '0'), 'Léa' || MOD(X, 97), ? FROM SYSTEM_RANGE(1, ?)",
                    now, CONTACTS);
            Jdbc.update(c, "INSERT INTO consent_event (seq, subject, kind, channel, occurred_at, prev_hash, hash)"
                    + " SELECT X, LPAD(X, 64, '0'), 'OPT_IN', 'TILL', ?, '', '' FROM SYSTEM_RANGE(1, ?)", now, CONTACTS);
            Jdbc.update(c, "INSERT INTO consent_state (subject, status, since, last_seq)"
                    + " SELECT LPAD(X, 64, '0'), 'OPTED_IN', ?, X FROM SYSTEM_RANGE(1, ?)", now, CONTACTS);
            return null;
        });
        for (int k = 0; k < campaigns; k++) {
            Instant sent = now.minus(Duration.ofDays(2L * k + 1));
            db.inTransaction(c -> {
                long id = Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, status, created_at, updated_at)"
                        + " VALUES ('old', 'MARKETING', 'x', 'DONE', ?, ?)", sent, sent);
                // one contact in ten is left out, so some contacts reach the cap and some do not
                Jdbc.update(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding, parts,"
                        + " state, sent_at, created_at, updated_at) SELECT ?, LPAD(X, 64, '0'), '+336' || LPAD(X, 8, '0'),"
                        + " 'x', 'GSM7', 1, 'SENT', ?, ?, ? FROM SYSTEM_RANGE(1, ?) WHERE MOD(X + ?, 10) <> 0",
                        id, sent, sent, sent, CONTACTS, 0);
                return null;
            });
        }
        query = new AudienceQuery(db, new Settings(db, AppContext.settingDefinitions()), Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** What "Comptage…" waits for: the marketing count with consent and the frequency cap. */
    @Benchmark
    public long countAll() {
        return query.count(all);
    }
}
