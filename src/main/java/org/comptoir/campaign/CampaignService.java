package org.comptoir.campaign;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.Settings;
import org.comptoir.sms.SmsAnalysis;
import org.comptoir.sms.SmsText;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.comptoir.store.RowMapper;

/**
 * Drafts, schedules and cancels campaigns. Sending them is the dispatch engine's job; this service only
 * decides that a campaign is fit to go: a text, a valid sender, the opt-out mention for marketing, at least
 * one allowed recipient, no more parts than {@code campaign.max-parts}, and a future date when one is chosen.
 *
 * <p>Thread-safe. Every method reads or writes the database and so blocks: never call one on the JavaFX
 * thread. Refusals are {@link ComptoirException}s with a {@code campaign.error.*} message; nothing changes then.
 */
public final class CampaignService {

    private static final String COLUMNS = "id, name, kind, template, sender, stop_mention, audience_tag, "
            + "schedule_mode, scheduled_at, status, created_at, updated_at";

    private static final RowMapper<Campaign> CAMPAIGN = rs -> new Campaign(rs.getLong("id"), rs.getString("name"),
            CampaignKind.valueOf(rs.getString("kind")), rs.getString("template"), rs.getString("sender"),
            rs.getString("stop_mention"), rs.getString("audience_tag"),
            ScheduleMode.valueOf(rs.getString("schedule_mode")), Jdbc.instant(rs, "scheduled_at"),
            CampaignStatus.valueOf(rs.getString("status")), Jdbc.instant(rs, "created_at"),
            Jdbc.instant(rs, "updated_at"));

    private final Database database;
    private final Settings settings;
    private final Clock clock;
    private final AudienceQuery audience;
    private final java.util.List<java.util.function.LongConsumer> scheduled = new java.util.concurrent.CopyOnWriteArrayList<>();

    public CampaignService(Database database, Settings settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
        this.audience = new AudienceQuery(database, settings, clock);
    }

    /** The audience queries this service validates with (the editor's live count uses the same). */
    public AudienceQuery audience() {
        return audience;
    }

    /** A composer for this campaign, with its frozen mention or the current setting for a draft. */
    public MessageComposer composer(Campaign campaign) {
        return MessageComposer.forCampaign(campaign, settings.get(CoreSettings.OPTOUT_MENTION));
    }

    /**
     * Inserts a new draft or updates an existing one, which must still be a DRAFT. A MARKETING draft takes the
     * current opt-out mention. Returns the stored campaign (with its id).
     */
    public Campaign saveDraft(Campaign campaign) {
        if (campaign.name().isBlank()) {
            throw new ComptoirException(UserMessage.of("campaign.error.name"));
        }
        SenderId.validate(campaign.sender()).ifPresent(p -> {
            throw new ComptoirException(p);
        });
        Instant now = Instant.now(clock);
        String mention = campaign.kind().needsOptOutMention() ? settings.get(CoreSettings.OPTOUT_MENTION) : null;
        long id = database.inTransaction(c -> {
            if (campaign.isNew()) {
                return Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, sender, stop_mention, audience_tag,"
                                + " schedule_mode, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        campaign.name().strip(), campaign.kind(), campaign.template(), campaign.sender(), mention,
                        campaign.audienceTag(), campaign.scheduleMode(), CampaignStatus.DRAFT, now, now);
            }
            int changed = Jdbc.update(c, "UPDATE campaign SET name = ?, kind = ?, template = ?, sender = ?,"
                            + " stop_mention = ?, audience_tag = ?, updated_at = ? WHERE id = ? AND status = 'DRAFT'",
                    campaign.name().strip(), campaign.kind(), campaign.template(), campaign.sender(), mention,
                    campaign.audienceTag(), now, campaign.id());
            if (changed == 0) {
                throw new ComptoirException(UserMessage.of("campaign.error.not.draft", campaign.name()));
            }
            return campaign.id();
        });
        return require(id);
    }

    public Optional<Campaign> load(long id) {
        return database.withConnection(c -> find(c, id));
    }

    /** Every campaign, newest first. */
    public List<Campaign> list() {
        return database.withConnection(c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM campaign ORDER BY created_at DESC, id DESC", CAMPAIGN));
    }

    /** A new DRAFT with the same content, named "… (copie)" / "… (copy)" by {@code copySuffix}. */
    public Campaign duplicate(long id, String copySuffix) {
        Campaign source = require(id);
        String name = source.name() + " " + copySuffix;
        return saveDraft(Campaign.draft(name.length() > 200 ? name.substring(0, 200) : name, source.kind(),
                source.template(), source.sender(), source.audienceTag()));
    }

    /** {@link #duplicate(long, String)} with the French suffix "(copie)". */
    public Campaign duplicate(long id) {
        return duplicate(id, "(copie)");
    }

    /**
     * What stops this campaign from being scheduled with {@code request}, in the order the editor shows them;
     * empty when it may go. Counts the audience, so it blocks for as long as that query.
     */
    public List<UserMessage> problems(Campaign campaign, ScheduleRequest request) {
        List<UserMessage> problems = new ArrayList<>();
        if (campaign.template().isBlank()) {
            problems.add(UserMessage.of("campaign.error.empty"));
        }
        SenderId.validate(campaign.sender()).ifPresent(problems::add);
        MessageComposer composer = composer(campaign);
        // render() appends the mention, or keeps one typed at the end in any case: only a missing mention fails
        if (campaign.kind().needsOptOutMention() && composer.mention().isEmpty()) {
            problems.add(UserMessage.of("campaign.error.mention"));
        }
        AudienceQuery.AudienceSummary who = audience.summary(Audience.of(campaign));
        if (who.count() == 0) {
            problems.add(UserMessage.of("campaign.error.audience.empty"));
        } else if (!campaign.template().isBlank()) {
            String worst = composer.worstCase(campaign.template(), who.worstCaseFirstNames());
            SmsAnalysis analysis = SmsText.analyze(worst);
            int max = settings.getInt(CampaignSettings.MAX_PARTS);
            if (analysis.parts() > max) {
                problems.add(UserMessage.of("campaign.error.parts", analysis.parts(), max));
            }
        }
        if (request.mode() == ScheduleMode.AT && !request.at().isAfter(Instant.now(clock))) {
            problems.add(UserMessage.of("campaign.error.past"));
        }
        return problems;
    }

    /**
     * DRAFT → SCHEDULED after {@link #problems}; throws the first problem otherwise. ASAP records now as the
     * scheduled instant; the sending window still applies when it is sent. Audited.
     */
    public Campaign schedule(long id, ScheduleRequest request) {
        Campaign campaign = require(id);
        if (campaign.status() != CampaignStatus.DRAFT) {
            throw new ComptoirException(UserMessage.of("campaign.error.not.draft", campaign.name()));
        }
        List<UserMessage> problems = problems(campaign, request);
        if (!problems.isEmpty()) {
            throw new ComptoirException(problems.get(0));
        }
        Instant now = Instant.now(clock);
        Instant at = request.mode() == ScheduleMode.AT ? request.at() : now;
        database.inTransaction(c -> {
            int changed = Jdbc.update(c, "UPDATE campaign SET status = 'SCHEDULED', schedule_mode = ?, scheduled_at = ?,"
                    + " updated_at = ? WHERE id = ? AND status = 'DRAFT'", request.mode(), at, now, id);
            if (changed == 0) {
                throw new ComptoirException(UserMessage.of("campaign.error.not.draft", campaign.name()));
            }
            audit(c, now, "CAMPAIGN_SCHEDULED", campaign, request.mode() + " " + at);
            return null;
        });
        scheduled.forEach(l -> l.accept(id)); // the running sending engine wakes for it
        return require(id);
    }

    /** Hears the id of each campaign once it is SCHEDULED, on the thread that scheduled it; must return at once. */
    public void addScheduleListener(java.util.function.LongConsumer listener) {
        scheduled.add(listener);
    }

    /** Any campaign not DONE or CANCELLED → CANCELLED; messages already sent stay sent. Audited. */
    public Campaign cancel(long id) {
        Campaign campaign = require(id);
        if (campaign.status().isFinal()) {
            throw new ComptoirException(UserMessage.of("campaign.error.final", campaign.name()));
        }
        Instant now = Instant.now(clock);
        database.inTransaction(c -> {
            Jdbc.update(c, "UPDATE campaign SET status = 'CANCELLED', updated_at = ? WHERE id = ?", now, id);
            audit(c, now, "CAMPAIGN_CANCELLED", campaign, "was " + campaign.status());
            return null;
        });
        return require(id);
    }

    private Campaign require(long id) {
        return load(id).orElseThrow(() -> new ComptoirException(UserMessage.of("campaign.error.unknown", id)));
    }

    private static Optional<Campaign> find(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM campaign WHERE id = ?", CAMPAIGN, id);
    }

    private static void audit(Connection c, Instant now, String action, Campaign campaign, String detail)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, ?, ?, ?)",
                now, "owner", action, "campaign " + campaign.id() + " \u00ab" + campaign.name() + "\u00bb " + detail);
    }
}
