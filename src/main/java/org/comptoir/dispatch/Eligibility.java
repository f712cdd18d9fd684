package org.comptoir.dispatch;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.comptoir.campaign.AudienceQuery;
import org.comptoir.campaign.CampaignSettings;
import org.comptoir.consent.ConsentKind;
import org.comptoir.consent.ConsentSettings;
import org.comptoir.schedule.MessageClass;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.comptoir.store.RecipientSendsTrigger;

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
        if (recentMarketingSends(row, since) >= settings.getInt(CampaignSettings.FREQUENCY_CAP)) {
            return Optional.of(new Refusal("FREQUENCY_CAP", "dispatch.skip.frequency.cap"));
        }
        return Optional.empty();
    }

    /**
     * Marketing messages SENT or DELIVERED to the row's subject since {@code since}, the row itself left out. Read from
     * {@code recipient_sends} (V14: the subject's newest instants, at most {@link RecipientSendsTrigger#KEPT}, the
     * highest cap the settings accept), one primary-key look-up, so the outbox needs no index on the subject (V24).
     * Exact up to {@code KEPT}, which is all a comparison with the cap needs.
     */
    private long recentMarketingSends(OutboxRow row, Instant since) {
        return database.withConnection(c -> {
            record Kept(String state, Instant sentAt, List<Instant> recent) {
            }
            Kept kept = Jdbc.queryOne(c, "SELECT o.state, o.sent_at, r.recent FROM outbox o"
                    + " LEFT JOIN recipient_sends r ON r.subject = o.subject WHERE o.id = ?",
                    rs -> new Kept(rs.getString(1), Jdbc.instant(rs, "sent_at"), instants(rs.getArray(3))), row.id())
                    .orElse(new Kept(null, null, List.of()));
            long n = kept.recent().stream().filter(at -> !at.isBefore(since)).count();
            boolean selfCounted = ("SENT".equals(kept.state()) || "DELIVERED".equals(kept.state()))
                    && kept.sentAt() != null && !kept.sentAt().isBefore(since);
            if (!selfCounted) {
                return n; // the usual case: the row is QUEUED, so it is not among its subject's sends
            }
            if (kept.recent().size() < RecipientSendsTrigger.KEPT) {
                return n - 1;
            }
            // a full list holding the row itself may hide one more send just past its end: count the outbox, campaign
            // by campaign so that outbox_once (campaign_id, subject) answers
            return Jdbc.queryLong(c, "SELECT COUNT(*) FROM campaign k JOIN outbox o ON o.campaign_id = k.id"
                    + " WHERE o.subject = ? AND k.kind = 'MARKETING' AND o.state IN ('SENT', 'DELIVERED')"
                    + " AND o.sent_at >= ? AND o.id <> ?", row.subject(), since, row.id());
        });
    }

    /** An SQL array of instants: H2 gives {@link OffsetDateTime}s, PostgreSQL's driver {@link Timestamp}s. */
    private static List<Instant> instants(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Instant> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(o instanceof OffsetDateTime odt ? odt.toInstant() : ((Timestamp) o).toInstant());
        }
        return out;
    }
}
