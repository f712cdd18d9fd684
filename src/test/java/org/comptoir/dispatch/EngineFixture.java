package org.comptoir.dispatch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.comptoir.AppContext;
import org.comptoir.MutableClock;
import org.comptoir.StoreTemplate;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.schedule.SendingRules;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/** A real H2 store in a temporary folder with the engine's services over it, on a clock the test moves. */
final class EngineFixture implements AutoCloseable {

    /** Saturday 28 November 2026, 10:00 in Paris. */
    static final Instant SATURDAY_MORNING = Instant.parse("2026-11-28T09:00:00Z");

    final Database db;
    final Settings settings;
    final MutableClock clock;
    final ConsentService consent;
    final CampaignService campaigns;
    final Outbox outbox;
    final InboundStore inbound;
    final VirtualWaiter waiter;
    SendingRules rules = org.comptoir.schedule.SendingRulesFactory.defaults();
    RouteLimits limits = RouteLimits.NONE;
    InboundRouter router = new ReviewRouter();
    /** When set, the engines wait on it instead of on virtual time (tests with real gateways that take real time). */
    Waiter waiterForNews;

    EngineFixture(Path dir, Instant start) {
        db = Database.open(StoreTemplate.into(dir)); // a copy of a new store; the same store again when reopened
        settings = new Settings(db, AppContext.settingDefinitions());
        settings.set("shop.name", "Léa Fleurs");
        clock = new MutableClock(start);
        consent = new ConsentService(db, settings, SubjectKey.forStore(db), clock);
        campaigns = new CampaignService(db, settings, clock);
        outbox = new Outbox(db, campaigns, clock);
        inbound = new InboundStore(db, "test", clock);
        waiter = new VirtualWaiter(clock);
    }

    /** A contact who said yes at the till. */
    PhoneNumber optIn(String e164, String firstName) {
        PhoneNumber n = new PhoneNumber(e164);
        consent.recordOptIn(n, firstName, consent.currentWording().id(), Channel.TILL, "test");
        return n;
    }

    void optOut(String e164) {
        consent.recordOptOut(new PhoneNumber(e164), Channel.SMS_KEYWORD, null, "STOP");
    }

    /** A scheduled campaign (ASAP) of {@code kind} to everyone allowed; returns its id. */
    long schedule(CampaignKind kind, String template) {
        Campaign draft = campaigns.saveDraft(Campaign.draft("Promo", kind, template, "", null));
        return campaigns.schedule(draft.id(), ScheduleRequest.asap()).id();
    }

    /** {@code n} opted-in contacts +33612345600, +33612345601… (n ≤ 100) and a started MARKETING campaign to them. */
    long queued(int n, String template) {
        for (int i = 0; i < n; i++) {
            optIn(String.format("+336123456%02d", i), null);
        }
        long id = schedule(CampaignKind.MARKETING, template);
        outbox.start(id);
        return id;
    }

    SendingEngine engine(SmsGateway gateway) {
        return engine(gateway, EngineConfig.defaults());
    }

    SendingEngine engine(SmsGateway gateway, EngineConfig config) {
        SendingEngine.Parts parts = new SendingEngine.Parts(outbox, new Eligibility(db, settings, clock), rules, limits,
                inbound, router, consent, new SenderNumbers("FR"), Messages.forLanguage("en"));
        return new SendingEngine(gateway, parts, config, clock, waiterForNews != null ? waiterForNews : waiter);
    }

    SendingEngine.Summary runUntilIdle(SendingEngine engine) throws Exception {
        return engine.runUntilIdle().get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** state → count for one campaign. */
    Map<String, Long> states(long campaignId) {
        return db.withConnection(c -> {
            Map<String, Long> m = new java.util.TreeMap<>();
            for (Object[] r : Jdbc.query(c, "SELECT state, COUNT(*) FROM outbox WHERE campaign_id = ? GROUP BY state",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2)}, campaignId)) {
                m.put((String) r[0], (Long) r[1]);
            }
            return m;
        });
    }

    /** The campaign's recipients in the order the engine takes them (the outbox id: the subjects' order, see Outbox). */
    List<String> queueOrder(long campaignId) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT recipient_e164 FROM outbox WHERE campaign_id = ? ORDER BY id",
                rs -> rs.getString(1), campaignId));
    }

    String stateOf(long campaignId, String e164) {
        return db.withConnection(c -> Jdbc.queryOne(c, "SELECT state FROM outbox WHERE campaign_id = ? AND recipient_e164 = ?",
                rs -> rs.getString(1), campaignId, e164).orElse(null));
    }

    String reasonOf(long campaignId, String e164) {
        return db.withConnection(c -> Jdbc.queryOne(c, "SELECT reason FROM outbox WHERE campaign_id = ? AND recipient_e164 = ?",
                rs -> rs.getString(1), campaignId, e164).orElse(null));
    }

    List<String> reasonsOfUnknown(long campaignId) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT reason FROM outbox WHERE campaign_id = ? AND state = 'UNKNOWN'",
                rs -> rs.getString(1), campaignId));
    }

    String campaignStatus(long campaignId) {
        return db.withConnection(c -> Jdbc.queryOne(c, "SELECT status FROM campaign WHERE id = ?",
                rs -> rs.getString(1), campaignId).orElseThrow());
    }

    List<String> audit(String action) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT detail FROM audit WHERE action = ? ORDER BY id",
                rs -> rs.getString(1), action));
    }

    /** A route that pauses a fixed time after each send. */
    static RouteLimits fixedGap(Duration gap) {
        return new RouteLimits() {
            @Override
            public ModemRoutePolicy.Decision check(String recipient, Instant now, int parts) {
                return RouteLimits.NONE.check(recipient, now, parts);
            }

            @Override
            public Duration gapAfterSend() {
                return gap;
            }

            @Override
            public void recordSent(String recipient, Instant at, List<String> partReferences) {
            }
        };
    }

    @Override
    public void close() {
        db.close();
    }
}
