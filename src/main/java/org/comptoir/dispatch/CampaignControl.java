package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Instant;
import org.comptoir.campaign.CampaignService;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * The owner's hands on a running campaign: pause (the engine takes none of its rows), resume, cancel (its queued rows
 * become SKIPPED; what left stays sent). Each is audited and wakes the engine. Thread-safe; blocks on the database.
 */
public final class CampaignControl {

    private final Database database;
    private final CampaignService campaigns;
    private final Clock clock;
    private final Runnable wake;

    public CampaignControl(Database database, CampaignService campaigns, Clock clock, Runnable wake) {
        this.database = database;
        this.campaigns = campaigns;
        this.clock = clock;
        this.wake = wake;
    }

    /** SENDING → PAUSED; the message in hand, if any, finishes. Throws when the campaign is not sending. */
    public void pause(long campaignId) {
        transition(campaignId, "SENDING", "PAUSED", "CAMPAIGN_PAUSED");
    }

    /** PAUSED → SENDING. Throws when the campaign is not paused. */
    public void resume(long campaignId) {
        transition(campaignId, "PAUSED", "SENDING", "CAMPAIGN_RESUMED");
        wake.run();
    }

    /** Cancels the campaign ({@link CampaignService#cancel}) and skips its queued rows. */
    public void cancel(long campaignId) {
        campaigns.cancel(campaignId);
        Instant now = clock.instant();
        database.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'SKIPPED', reason = 'CANCELLED', updated_at = ?"
                + " WHERE campaign_id = ? AND state = 'QUEUED'", now, campaignId));
        wake.run();
    }

    private void transition(long campaignId, String from, String to, String action) {
        Instant now = clock.instant();
        database.inTransaction(c -> {
            int changed = Jdbc.update(c, "UPDATE campaign SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                    to, now, campaignId, from);
            if (changed == 0) {
                throw new ComptoirException(UserMessage.of("dispatch.error.not." + from.toLowerCase(), campaignId));
            }
            Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, 'owner', ?, ?)",
                    now, action, "campaign " + campaignId);
            return null;
        });
    }
}
