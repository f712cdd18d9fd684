package org.comptoir.dispatch;

import java.time.Clock;
import java.util.function.Function;
import org.comptoir.campaign.CampaignService;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.schedule.SendingRulesFactory;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;

/** A gateway owner over a test store, its modems opened with {@code openers} (an emulator's link). */
public final class OwnerForTests {

    private OwnerForTests() {
    }

    public static GatewayOwner owner(Database db, Settings settings, Function<String, ModemGateway.LinkOpener> openers) {
        Clock clock = Clock.systemUTC();
        return new GatewayOwner(db, settings, new ConsentService(db, settings, SubjectKey.forStore(db), clock),
                new CampaignService(db, settings, clock), SendingRulesFactory::defaults, ReviewRouter::new, clock, openers);
    }
}
