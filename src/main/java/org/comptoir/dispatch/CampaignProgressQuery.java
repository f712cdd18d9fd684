package org.comptoir.dispatch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.CampaignService;
import org.comptoir.gateway.http.HttpGateway;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneMask;
import org.comptoir.schedule.MessageClass;
import org.comptoir.schedule.SendingRules;
import org.comptoir.schedule.WindowDecision;
import org.comptoir.schedule.WindowText;
import org.comptoir.settings.HttpSettings;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.ScheduleSettings;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * Read-only questions the owner's screens ask about a campaign: its forecast before it starts (from its audience)
 * and while it runs (from its rows left), why it waits, its sends over time and the opt-outs that followed it. Reads
 * the settings (route, caps, windows) at each call, so a change shows at the next refresh.
 *
 * <p>Thread-safe; every method blocks on the database (never call on the FX thread). The audience forecast streams
 * the audience once (about 1 s per 100,000 recipients).
 */
public final class CampaignProgressQuery {

    /**
     * A USB modem's time to hand one part to the network (the engine's benchmark uses this pace, docs/performance.md),
     * assumed until the modem's own log measures it ({@link ModemSendLog#measuredPace}).
     */
    public static final Duration MODEM_TIME_PER_PART = Duration.ofSeconds(3);
    /** Opt-outs counted against a campaign: those received within this time after its message. */
    public static final Duration OPT_OUT_WINDOW = Duration.ofDays(7);

    private final Database database;
    private final Settings settings;
    private final CampaignService campaigns;
    private final ZoneId shopZone;

    public CampaignProgressQuery(Database database, Settings settings, CampaignService campaigns, GatewayOwner owner) {
        this(database, settings, campaigns, owner.shopZone());
    }

    public CampaignProgressQuery(Database database, Settings settings, CampaignService campaigns, ZoneId shopZone) {
        this.database = database;
        this.settings = settings;
        this.campaigns = campaigns;
        this.shopZone = shopZone;
    }

    public ZoneId shopZone() {
        return shopZone;
    }

    /** A forecast with the pace it was made on, and its words. */
    public record Plan(SendingForecast.Forecast forecast, SendingForecast.Pace pace, ZoneId shopZone) {
        public String firstSendText(Messages m) {
            return ForecastText.firstSend(forecast, pace, shopZone, m);
        }

        public String durationText(Messages m) {
            return ForecastText.duration(forecast, pace, shopZone, m);
        }

        /** What "Programmer" asks the owner to confirm: who, through what, from when, for how long. */
        public String confirmText(Messages m) {
            String route = m.get("dispatch.forecast.route." + forecast.route().name().toLowerCase());
            String duration = durationText(m);
            return m.get("dispatch.forecast.confirm", forecast.messages(), route) + "\n" + firstSendText(m)
                    + (duration.isEmpty() ? "" : "\n" + duration);
        }

        public String timeLeftText(Messages m) {
            return ForecastText.timeLeft(forecast, pace, shopZone, m);
        }
    }

    /** The route's pace now: the {@code gateway} setting, the modem's pause and caps with what was already sent. */
    public SendingForecast.Pace pace(Instant now) {
        String kind = settings.get(ModemSettings.GATEWAY);
        return switch (kind) {
            case "modem" -> {
                ModemSendLog log = new ModemSendLog(database);
                ZonedDateTime local = now.atZone(shopZone);
                ZonedDateTime day = local.truncatedTo(ChronoUnit.DAYS);
                ZonedDateTime month = local.with(TemporalAdjusters.firstDayOfMonth()).truncatedTo(ChronoUnit.DAYS);
                // the pace this modem showed lately (ModemSendLog.PACE_MIN_SENDS sends in PACE_PERIOD), else 3 s a part
                Optional<ModemSendLog.MeasuredPace> measured = log.measuredPace(now);
                yield SendingForecast.Pace.modem(settings.getInt(ModemSettings.GAP_MIN_SECONDS),
                        settings.getInt(ModemSettings.GAP_MAX_SECONDS),
                        measured.map(ModemSendLog.MeasuredPace::perPart).orElse(MODEM_TIME_PER_PART),
                        settings.getInt(ModemSettings.MAX_PER_DAY), settings.getInt(ModemSettings.MAX_RECIPIENTS_PER_MONTH),
                        shopZone, log.partsBetween(day.toInstant(), day.plusDays(1).toInstant()),
                        log.recipientsBetween(month.toInstant(), month.plusMonths(1).toInstant()),
                        measured.map(ModemSendLog.MeasuredPace::sends).orElse(0));
            }
            case "http" -> SendingForecast.Pace.rate(SendingForecast.Route.HTTP, httpRate(), shopZone);
            // rehearsal, and a route not chosen yet: the windows alone
            default -> SendingForecast.Pace.rate(SendingForecast.Route.REHEARSAL, 0, shopZone);
        };
    }

    private double httpRate() {
        double rate = Double.parseDouble(settings.get(HttpSettings.RATE).strip().replace(',', '.'));
        if (rate > 0) {
            return rate;
        }
        // 0 is the provider's own documented rate, which only its adapter knows; building one opens no connection
        try (HttpGateway gateway = HttpGatewayFactory.create(settings)) {
            return gateway.ratePerSecond();
        } catch (RuntimeException notConfigured) {
            return 1.0;
        }
    }

    /** The sending windows now in the settings. */
    public SendingRules rules() {
        return ScheduleSettings.sendingRules(settings);
    }

    /**
     * Before "Programmer": the forecast for {@code audience}'s recipients from {@code start}, with messages of
     * {@code parts} parts. Streams the audience once.
     */
    public Plan beforeStart(Audience audience, int parts, Instant start) {
        Map<String, long[]> byWindow = new LinkedHashMap<>();
        Map<String, String> samples = new LinkedHashMap<>();
        database.withConnection(c -> campaigns.audience().forEach(c, audience, r -> {
            String key = Outbox.windowKey(r.phoneE164());
            samples.putIfAbsent(key, r.phoneE164());
            byWindow.computeIfAbsent(key, k -> new long[1])[0]++;
        }));
        List<SendingForecast.Group> groups = new ArrayList<>();
        byWindow.forEach((key, n) -> groups.add(new SendingForecast.Group(samples.get(key), n[0])));
        SendingForecast.Pace pace = pace(start);
        MessageClass messageClass = audience.kind().messageClass();
        return new Plan(SendingForecast.of(groups, parts, messageClass, rules(), pace, start), pace, shopZone);
    }

    /** While it runs: the forecast of the rows still QUEUED (or in hand) from {@code now}. */
    public Plan remaining(long campaignId, Instant now) {
        record Row(String sample, long n, int parts, String messageClass) {
        }
        List<Row> rows = database.withConnection(c -> Jdbc.query(c, "SELECT window_key, MIN(recipient_e164), COUNT(*),"
                + " MAX(parts), MIN(message_class) FROM outbox WHERE campaign_id = ? AND state IN ('QUEUED', 'SENDING')"
                + " GROUP BY window_key ORDER BY MIN(id)",
                rs -> new Row(rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5)), campaignId));
        List<SendingForecast.Group> groups = rows.stream().map(r -> new SendingForecast.Group(r.sample(), r.n())).toList();
        int parts = rows.stream().mapToInt(Row::parts).max().orElse(1);
        MessageClass messageClass = rows.isEmpty() ? MessageClass.MARKETING : MessageClass.valueOf(rows.get(0).messageClass());
        SendingForecast.Pace pace = pace(now);
        return new Plan(SendingForecast.of(groups, parts, messageClass, rules(), pace, now), pace, shopZone);
    }

    /**
     * Why a running campaign waits, in words ("dimanche interdit", "Lundi de Pentecôte, jour férié", "plafond du
     * modem atteint"), from the reason the engine stored and, for a window, the rule itself at {@code now}; empty when
     * it does not wait.
     */
    public Optional<String> waitingReason(long campaignId, Instant now, Messages m) {
        record Wait(String reason, String sample, String messageClass) {
        }
        Optional<Wait> wait = database.withConnection(c -> Jdbc.queryOne(c, "SELECT k.waiting_reason,"
                + " (SELECT MIN(o.recipient_e164) FROM outbox o WHERE o.campaign_id = k.id AND o.state = 'QUEUED'),"
                + " (SELECT MIN(o.message_class) FROM outbox o WHERE o.campaign_id = k.id AND o.state = 'QUEUED')"
                + " FROM campaign k WHERE k.id = ? AND k.waiting_until IS NOT NULL",
                rs -> new Wait(rs.getString(1), rs.getString(2), rs.getString(3)), campaignId));
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        Wait w = wait.get();
        if ("ROUTE_CAP".equals(w.reason())) {
            return Optional.of(m.get("dispatch.ui.wait.cap"));
        }
        if (w.sample() != null && w.messageClass() != null) {
            WindowDecision d = rules().check(MessageClass.valueOf(w.messageClass()), w.sample(), now);
            if (!d.allowed()) {
                return Optional.of(WindowText.reason(d, m));
            }
        }
        return Optional.of(m.get("dispatch.ui.wait.window"));
    }

    /** One step of the chart: messages that left, were delivered and failed in {@code [start, start + step)}. */
    public record Step(Instant start, long sent, long delivered, long failed) {
    }

    /**
     * The campaign over time, in steps of an hour (a day when it spans more than two days) on the shop's clock, from
     * its first send to its last event; empty before anything left.
     */
    public List<Step> timeline(long campaignId) {
        record Event(Instant at, int kind) {
        }
        List<Event> events = new ArrayList<>();
        database.withConnection(c -> {
            try (PreparedStatement st = Jdbc.prepare(c, "SELECT sent_at, delivered_at, CASE WHEN state = 'FAILED'"
                    + " THEN updated_at END FROM outbox WHERE campaign_id = ? AND (sent_at IS NOT NULL OR state = 'FAILED')",
                    campaignId); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    for (int k = 0; k < 3; k++) {
                        java.time.OffsetDateTime at = rs.getObject(k + 1, java.time.OffsetDateTime.class);
                        if (at != null) {
                            events.add(new Event(at.toInstant(), k));
                        }
                    }
                }
            }
            return null;
        });
        if (events.isEmpty()) {
            return List.of();
        }
        Instant min = events.stream().map(Event::at).min(Instant::compareTo).orElseThrow();
        Instant max = events.stream().map(Event::at).max(Instant::compareTo).orElseThrow();
        ChronoUnit unit = Duration.between(min, max).compareTo(Duration.ofDays(2)) > 0 ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        TreeMap<Instant, long[]> steps = new TreeMap<>();
        for (Instant t = min.atZone(shopZone).truncatedTo(unit).toInstant(); !t.isAfter(max);
             t = t.atZone(shopZone).plus(1, unit).toInstant()) {
            steps.put(t, new long[3]);
        }
        for (Event e : events) {
            steps.floorEntry(e.at()).getValue()[e.kind()]++;
        }
        List<Step> out = new ArrayList<>();
        steps.forEach((t, n) -> out.add(new Step(t, n[0], n[1], n[2])));
        return out;
    }

    /** A STOP (or another opt-out) that came within {@link #OPT_OUT_WINDOW} after the campaign's message. */
    public record OptOut(String maskedNumber, Instant at, String channel) {
    }

    /** The opt-outs recorded in the ledger within seven days after each recipient's message, oldest first. */
    public List<OptOut> optOutsAfter(long campaignId) {
        return database.withConnection(c -> Jdbc.query(c, "SELECT o.recipient_e164, e.occurred_at, e.channel"
                + " FROM outbox o JOIN consent_event e ON e.subject = o.subject"
                + " WHERE o.campaign_id = ? AND o.sent_at IS NOT NULL AND e.kind = 'OPT_OUT'"
                + " AND e.occurred_at >= o.sent_at AND e.occurred_at < DATEADD('SECOND', ?, o.sent_at)"
                + " ORDER BY e.occurred_at, e.seq",
                rs -> new OptOut(PhoneMask.mask(rs.getString(1)), Jdbc.instant(rs, "occurred_at"), rs.getString(3)),
                campaignId, OPT_OUT_WINDOW.toSeconds()));
    }
}
