package org.comptoir.campaign.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.comptoir.AppContext;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.AudienceQuery;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.MessageComposer;
import org.comptoir.consent.ConsentKind;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.comptoir.sms.SmsText;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
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
 * The editor's audience queries on 100,000 contacts (70 % opted in, a tag on one in five, 20,000 recent
 * marketing sends), and the counter's work per keystroke.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AudienceBenchmark {

    private Path dir;
    private Database db;
    private AudienceQuery query;
    private final Audience all = new Audience(CampaignKind.MARKETING, null);
    private final Audience tagged = new Audience(CampaignKind.MARKETING, "vip");
    private final MessageComposer composer = new MessageComposer(CampaignKind.MARKETING, "STOP au 36180");
    private final String template = "Bonjour {prenom}, les soldes d'hiver commencent mercredi : -30 % sur les "
            + "plantes vertes et les pots ! Venez tôt, quantités limitées.";
    private final List<String> names = List.of("Marie-Christine", "Anaïs", "Jean-Baptiste");

    @Setup(Level.Trial)
    public void seed() throws IOException {
        dir = Files.createTempDirectory("audience-bench");
        db = Database.open(dir);
        List<SettingDefinition> defs = AppContext.settingDefinitions();
        Instant now = Instant.now();
        String[] first = {"Léa", "Hugo", "Marie-Christine", "Chloé", "Lucas", "Anaïs", "Louis", "Inès", "Jules", "Zoë"};
        String[] status = {"OPTED_IN", "OPTED_IN", "CONFIRMED", "OPTED_IN", "OPTED_OUT", "OPTED_IN", "REFUSED",
            "OPTED_IN", "ERASED", "OPTED_IN"};
        db.inTransaction(c -> {
            long campaign = Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, status, created_at, updated_at)"
                    + " VALUES ('old', 'MARKETING', 'x', 'DONE', ?, ?)", now, now);
            for (int i = 0; i < 100_000; i++) {
                String subject = String.format("%064x", i);
                long id = Jdbc.insert(c, "INSERT INTO contact (subject, phone_e164, first_name, created_at) VALUES (?, ?, ?, ?)",
                        subject, String.format("+336%08d", i), first[i % first.length] + (i % 97), now);
                if (i % 5 == 0) {
                    Jdbc.update(c, "INSERT INTO contact_tag (contact_id, tag) VALUES (?, 'vip')", id);
                }
                Jdbc.update(c, "INSERT INTO consent_state (subject, status, since, last_seq) VALUES (?, ?, ?, ?)",
                        subject, status[(i / 3) % status.length], now, i + 1);
                Jdbc.update(c, "INSERT INTO consent_event (seq, subject, kind, channel, occurred_at, prev_hash, hash) "
                        + "VALUES (?, ?, ?, 'TILL', ?, '', '')", i + 1, subject, ConsentKind.leadingTo(
                        ConsentStatus.valueOf(status[(i / 3) % status.length])), now);
                if (i % 5 == 1) {
                    Jdbc.update(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding,"
                            + " parts, state, sent_at, created_at, updated_at) VALUES (?, ?, '+33600000000', 'x', 'GSM7', 1,"
                            + " 'SENT', ?, ?, ?)", campaign, subject, now, now, now);
                }
            }
            return null;
        });
        query = new AudienceQuery(db, new Settings(db, defs), Clock.systemUTC());
    }


    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long countAll() {
        return query.count(all);
    }

    @Benchmark
    public long countTagged() {
        return query.count(tagged);
    }

    /** What the editor runs when the kind or the tag changes: count, worst-case names and a sample. */
    @Benchmark
    public AudienceQuery.AudienceSummary summaryAll() {
        return query.summary(all);
    }

    @Benchmark
    public AudienceQuery.AudienceSummary summaryTagged() {
        return query.summary(tagged);
    }

    /** What the editor does at every keystroke: the worst case over the candidates, then its analysis. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int counterPerKeystroke() {
        return SmsText.analyze(composer.worstCase(template, names)).units();
    }
}
