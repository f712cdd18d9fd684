package org.comptoir.ui.sending;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.comptoir.AppContext;
import org.comptoir.MutableClock;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.dispatch.CampaignProgressQuery;
import org.comptoir.dispatch.GatewayOwner;
import org.comptoir.dispatch.ReviewRouter;
import org.comptoir.dispatch.SendingEngine;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.ScheduleSettings;

/**
 * A real store in a temporary folder, the rehearsal gateway, and the real engine over it on a clock the test moves
 * (the sending windows are judged on it), for the sending and report screens and the guides' screenshots
 * (GuideScreenshotsUiTest seeds its shop through it).
 */
public final class SendingFixture implements AutoCloseable {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Sunday 29 November 2026, 10:00 in Paris. */
    public static final Instant SUNDAY = Instant.parse("2026-11-29T09:00:00Z");
    /** Monday 30 November 2026, 10:00 in Paris. */
    public static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    public final AppContext app;
    public final MutableClock clock;
    public final ConsentService consent;
    public final CampaignService campaigns;
    public final GatewayOwner owner;

    public SendingFixture(Path dir, Instant start) {
        app = AppContext.open(dir.resolve("store-" + System.nanoTime()));
        app.settings().set("shop.name", "Léa Fleurs");
        app.settings().set(ModemSettings.GATEWAY, "rehearsal");
        clock = new MutableClock(start);
        consent = new ConsentService(app.database(), app.settings(), SubjectKey.forStore(app.database()), clock);
        campaigns = new CampaignService(app.database(), app.settings(), clock);
        owner = new GatewayOwner(app.database(), app.settings(), consent, campaigns,
                () -> ScheduleSettings.sendingRules(app.settings()), ReviewRouter::new, clock);
    }

    public void optIn(String e164) {
        consent.recordOptIn(new PhoneNumber(e164), null, consent.currentWording().id(), Channel.TILL, "caisse");
    }

    /** A MARKETING campaign to everyone, scheduled and started (its rows queued); returns its id. */
    public long started(String name) {
        Campaign draft = campaigns.saveDraft(Campaign.draft(name, CampaignKind.MARKETING, "Soldes ce lundi", "", null));
        long id = campaigns.schedule(draft.id(), ScheduleRequest.asap()).id();
        owner.outbox().start(id);
        return id;
    }

    /**
     * The headless routine ({@link GatewayOwner#sendDue}): at its first run the rows a crash left SENDING become
     * UNKNOWN, then the engine sends what the windows allow at the clock's instant and returns. The bare engine
     * ({@code owner.engine()}) no longer does that recovery: only the paths that send (sendDue, startSending) do.
     */
    public SendingEngine.Summary run() {
        return owner.sendDue(Duration.ofSeconds(60));
    }

    public SendingServices services(Messages m) {
        return new SendingServices(campaigns, new CampaignProgressQuery(app.database(), app.settings(), campaigns, PARIS),
                owner.report(), owner.control(), owner.outbox(),
                () -> SendingServices.gatewayWords(app.settings(), owner, m), clock);
    }

    @Override
    public void close() {
        owner.close();
        app.close();
    }
}
