package org.comptoir.e2e;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.comptoir.AppContext;
import org.comptoir.MutableClock;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.ConsentSms;
import org.comptoir.consent.SubjectKey;
import org.comptoir.dispatch.GatewayOwner;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.phone.RecipientZone;
import org.comptoir.schedule.MessageClass;
import org.comptoir.schedule.SendingRules;
import org.comptoir.settings.ScheduleSettings;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * A shop wired as {@code AppContext} wires it — the consent services, the gateway owner with its sending engine, consent
 * over SMS as the engine's inbound router and the outbox as the router's reply sender — over a real H2 store in
 * {@code dir/data}, with the gateway its settings name. The one difference from the application: the clock is the
 * test's, so a weekend is a call away. The engine waits on that clock (the production {@code Waiter}): a test moves
 * it with {@link #advance}, which also wakes the engine.
 */
class Shop implements AutoCloseable {

    static final String SHOP = "Léa Fleurs";

    final Path dir;
    final Path data;
    final MutableClock clock;
    Database db;
    Settings settings;
    ConsentService consent;
    CampaignService campaigns;
    GatewayOwner owner;
    ConsentSms sms;

    Shop(Path dir, Instant start) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.clock = new MutableClock(start);
    }

    /** The store and the services over it, as {@code AppContext} builds them, on the test's clock. */
    void open() {
        db = Database.open(data);
        settings = new Settings(db, AppContext.settingDefinitions());
        campaigns = new CampaignService(db, settings, clock);
        consent = new ConsentService(db, settings, SubjectKey.forStore(db), clock);
        owner = new GatewayOwner(db, settings, consent, campaigns, () -> ScheduleSettings.sendingRules(settings),
                () -> sms.router(), clock);
        sms = new ConsentSms(db, settings, consent, owner.replies(), clock);
        if (settings.get("shop.name").isBlank()) {
            settings.set("shop.name", SHOP);
        }
    }

    /** Closes the services and the store (the shop's PC is switched off). */
    void shutDown() {
        owner.close();
        db.close();
        db = null;
    }

    /** A contact who ticked the box at the till. */
    PhoneNumber optIn(String e164) {
        PhoneNumber n = new PhoneNumber(e164);
        consent.recordOptIn(n, null, consent.currentWording().id(), Channel.TILL, "Léa");
        return n;
    }

    /** A MARKETING campaign to everyone allowed, scheduled as soon as possible; returns its id. */
    long campaign(String template) {
        Campaign draft = campaigns.saveDraft(Campaign.draft("Promo", CampaignKind.MARKETING, template, "", null));
        return campaigns.schedule(draft.id(), ScheduleRequest.asap()).id();
    }

    /** Tells the engine something changed. */
    void wake() {
        owner.engine().wake();
    }

    /** Moves the clock and wakes the engine, which re-reads it. */
    void advance(Duration d) {
        clock.advance(d);
        wake();
    }

    /** The campaign's recipients in the order the engine takes them: the outbox id's, i.e. the subjects' (Outbox.start). */
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

    /**
     * Rows the engine has recorded as sent (campaign rows and replies). Wait on this, not on what the gateway saw,
     * before moving the clock: the engine reads the clock for the pause after a send only once the send returned.
     */
    long sentRows() {
        return db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM outbox WHERE state IN ('SENT', 'DELIVERED')"));
    }

    /** The one-off replies (no campaign) queued for {@code e164}: purpose → state. */
    List<Map.Entry<String, String>> repliesTo(String e164) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT purpose, state FROM outbox WHERE campaign_id IS NULL"
                + " AND recipient_e164 = ? ORDER BY id", rs -> Map.entry(rs.getString(1), rs.getString(2)), e164));
    }

    /** How each received SMS from {@code e164} was handled, in arrival order (null: stored, not routed yet). */
    List<String> handledFrom(String e164) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT handled_as FROM inbound WHERE sender = ? ORDER BY id",
                rs -> rs.getString(1), e164));
    }

    @Override
    public void close() throws Exception {
        if (db != null) {
            shutDown();
        }
    }

    /**
     * The first Saturday at least a day after the real now whose Saturday evening and following Monday morning are
     * open for promotions in Paris (no public holiday on either): the modem reckons validity periods on the real
     * clock, so the shop's clock must not be behind it.
     */
    static Instant nextSaturday(LocalTime at) {
        SendingRules rules = org.comptoir.schedule.SendingRulesFactory.defaults();
        LocalDate day = LocalDate.now(RecipientZone.PARIS).plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        while (true) {
            Instant saturday = ZonedDateTime.of(day, at, RecipientZone.PARIS).toInstant();
            Instant monday = ZonedDateTime.of(day.plusDays(2), LocalTime.of(8, 5), RecipientZone.PARIS).toInstant();
            if (rules.check(MessageClass.MARKETING, "+33612345000", saturday).allowed()
                    && rules.check(MessageClass.MARKETING, "+33612345000", monday).allowed()) {
                return saturday;
            }
            day = day.plusWeeks(1);
        }
    }

    /** Waits, with a deadline far above what the work takes, until {@code condition} holds. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Object monitor = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            synchronized (monitor) {
                monitor.wait(20); // a polling interval with a deadline, not protocol timing
            }
        }
    }
}
