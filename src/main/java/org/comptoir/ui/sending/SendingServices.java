package org.comptoir.ui.sending;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.comptoir.AppContext;
import org.comptoir.campaign.CampaignService;
import org.comptoir.dispatch.CampaignControl;
import org.comptoir.dispatch.CampaignProgressQuery;
import org.comptoir.dispatch.GatewayOwner;
import org.comptoir.dispatch.Outbox;
import org.comptoir.dispatch.OutboxReport;
import org.comptoir.gateway.GatewayState;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.Settings;

/**
 * What the sending and report screens use: the read-only queries, the owner's controls and decisions, and the
 * gateway's state in words. The clock says "now" for the forecasts (tests give a fixed one).
 *
 * @param gatewayWords blocks (may connect the configured gateway the first time): call through the executor
 */
public record SendingServices(CampaignService campaigns, CampaignProgressQuery query, OutboxReport report,
                              CampaignControl control, Outbox outbox, Callable<String> gatewayWords, Clock clock) {

    /** The application's services, on the system clock. */
    public static SendingServices of(AppContext app, Messages m) {
        return of(app, m, Clock.systemUTC());
    }

    public static SendingServices of(AppContext app, Messages m, Clock clock) {
        CampaignProgressQuery query = new CampaignProgressQuery(app.database(), app.settings(), app.campaigns(),
                app.sending());
        return new SendingServices(app.campaigns(), query, app.sending().report(), app.sending().control(),
                app.sending().outbox(), () -> gatewayWords(app.settings(), app.sending(), m), clock);
    }

    /** "Passerelle : répétition — prête", or why it cannot send. */
    static String gatewayWords(Settings settings, GatewayOwner owner, Messages m) {
        String kind = settings.get(ModemSettings.GATEWAY);
        String name = m.has("dispatch.ui.gateway.kind." + kind) ? m.get("dispatch.ui.gateway.kind." + kind) : kind;
        if ("none".equals(kind)) {
            return m.get("dispatch.ui.gateway.none");
        }
        try {
            GatewayState state = owner.gateway().state();
            return m.get("dispatch.ui.gateway", name, m.get("dispatch.ui.gateway.state." + state.name()));
        } catch (ComptoirException e) {
            return m.get("dispatch.ui.gateway.problem", name, m.render(e.userMessage()));
        }
    }
}
