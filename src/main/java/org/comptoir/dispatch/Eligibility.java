package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.comptoir.campaign.AudienceQuery;
import org.comptoir.campaign.CampaignSettings;
import org.comptoir.consent.ConsentKind;
import org.comptoir.consent.ConsentSettings;
import org.comptoir.schedule.MessageClass;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * The checks made right before each send (DESIGN invariants 1 and 2), from the consent LEDGER's latest event for the
 * person, not from the derived {@code consent_state} alone: a marketing message needs a current OPT_IN (CONFIRMED when
 * double opt-in is on) and fewer than {@code campaign.frequency-cap} marketing messages in 30 days; a SERVICE message
 * of a campaign is not sent to someone who opted out or was erased. One-off replies (opt-out confirmations) pass.
 *
 * <p>Reads settings at each call. Thread-safe; blocks on the database.
 */
public final class Eligibility {

    /** Why a row is not sent: a short code for the outbox and words for the report (a bundle key). */
    public record Refusal(String code, String messageKey) {
    }

    private final Database database;
    private final Settings settings;
    private final Clock clock;

    public Eligibility(Database database, Settings settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    Optional<Refusal> check(OutboxRow row) {
        if (row.campaignId() == null) {
            return Optional.empty(); // a reply the person expects (it may confirm their opt-out)
        }
        Optional<ConsentKind> latest = database.withConnection(c -> Jdbc.queryOne(c,
                "SELECT kind FROM consent_event WHERE subject = ? ORDER BY seq DESC LIMIT 1",
                rs -> ConsentKind.valueOf(rs.getString(1)), row.subject()));
        if (latest.isPresent() && (latest.get() == ConsentKind.OPT_OUT || latest.get() == ConsentKind.ERASED)) {
            return Optional.of(new Refusal(latest.get().name(), "dispatch.skip." + latest.get().name().toLowerCase()));
        }
        if (row.messageClass() == MessageClass.SERVICE) {
            return Optional.empty();
        }
        boolean doubleOptIn = settings.getBoolean(ConsentSettings.DOUBLE_OPTIN);
        if (latest.isEmpty() || !latest.get().resultingStatus().allowsMarketing(doubleOptIn)) {
            String code = latest.map(k -> "NO_CONSENT_" + k.name()).orElse("NO_CONSENT");
            return Optional.of(new Refusal(code, doubleOptIn && latest.orElse(null) == ConsentKind.OPT_IN
                    ? "dispatch.skip.unconfirmed" : "dispatch.skip.no.consent"));
        }
        Instant since = clock.instant().minus(AudienceQuery.CAP_WINDOW);
        long recent = database.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM outbox WHERE subject = ?"
                + " AND message_class = 'MARKETING' AND campaign_id IS NOT NULL AND state IN ('SENT', 'DELIVERED')"
                + " AND sent_at >= ? AND id <> ?", row.subject(), since, row.id()));
        if (recent >= settings.getInt(CampaignSettings.FREQUENCY_CAP)) {
            return Optional.of(new Refusal("FREQUENCY_CAP", "dispatch.skip.frequency.cap"));
        }
        return Optional.empty();
    }
}
