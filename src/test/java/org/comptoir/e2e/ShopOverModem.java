package org.comptoir.e2e;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
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
import org.comptoir.gateway.modem.SocatPair;
import org.comptoir.gateway.modem.emulator.ModemEmulator;
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
 * over SMS as the engine's inbound router and the outbox as the router's reply sender — over a real H2 store, with the
 * setting {@code gateway=modem} on a socat pseudo-terminal that the project's modem emulator answers through jSerialComm.
 * The one difference from the application: the clock is the test's, so a weekend is a call away. The engine waits on
 * that clock (the production {@code Waiter}): a test moves it, then {@link #wake}s the engine.
 */
final class ShopOverModem implements AutoCloseable {

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
    SocatPair socat;
    volatile ModemEmulator emulator;

    ShopOverModem(Path dir, Instant start) throws IOException, InterruptedException {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.clock = new MutableClock(start);
        plug();
        open();
        settings.set("shop.name", SHOP);
        settings.set("gateway", "modem");
        settings.set("modem.port", socat.app.toString());
        settings.set("modem.status-reports", "false");
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
    }

    /** Closes the services and the store (the shop's PC is switched off); the modem keeps its SIM. */
    void shutDown() {
        owner.close();
        db.close();
        db = null;
    }

    /** (Re)connects the emulator behind a fresh pseudo-terminal on the same path; the SIM's state carries over. */
    void plug() throws IOException, InterruptedException {
        if (socat != null) {
            socat.kill();
        }
        Files.createDirectories(dir.resolve("pty"));
        socat = new SocatPair(dir.resolve("pty")).start();
        ModemEmulator fresh = new ModemEmulator(new FileInputStream(socat.modem.toFile()),
                new FileOutputStream(socat.modem.toFile()));
        if (emulator != null) {
            fresh.takeOver(emulator);
            emulator.close();
        }
        emulator = fresh;
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

    /** The engine was told its clock moved or something changed. */
    void wake() {
        owner.engine().wake();
    }

    /** Moves the clock and wakes the engine, which re-reads it. */
    void advance(Duration d) {
        clock.advance(d);
        wake();
    }

    /** What the modem sent, one entry per part: destination → text of each part, in order. */
    List<ModemEmulator.Sent> sent() {
        return emulator.sent();
    }

    List<String> textsTo(String e164) {
        return sent().stream().filter(s -> s.destination().equals(e164)).map(ModemEmulator.Sent::text).toList();
    }

    String stateOf(long campaignId, String e164) {
        return db.withConnection(c -> Jdbc.queryOne(c, "SELECT state FROM outbox WHERE campaign_id = ? AND recipient_e164 = ?",
                rs -> rs.getString(1), campaignId, e164).orElse(null));
    }

    String reasonOf(long campaignId, String e164) {
        return db.withConnection(c -> Jdbc.queryOne(c, "SELECT reason FROM outbox WHERE campaign_id = ? AND recipient_e164 = ?",
                rs -> rs.getString(1), campaignId, e164).orElse(null));
    }

    /** The one-off replies (no campaign) queued for {@code e164}: purpose → state. */
    List<Map.Entry<String, String>> repliesTo(String e164) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT purpose, state FROM outbox WHERE campaign_id IS NULL"
                + " AND recipient_e164 = ? ORDER BY id", rs -> Map.entry(rs.getString(1), rs.getString(2)), e164));
    }

    /** How each received SMS from {@code e164} was handled, in arrival order. */
    List<String> handledFrom(String e164) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT handled_as FROM inbound WHERE sender = ? ORDER BY id",
                rs -> rs.getString(1), e164));
    }

    @Override
    public void close() throws Exception {
        try {
            if (db != null) {
                shutDown();
            }
        } finally {
            if (emulator != null) {
                emulator.close();
            }
            if (socat != null) {
                socat.close();
            }
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
