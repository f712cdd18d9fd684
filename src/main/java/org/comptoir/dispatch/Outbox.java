package org.comptoir.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.CampaignStatus;
import org.comptoir.campaign.MessageComposer;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.schedule.MessageClass;
import org.comptoir.sms.SmsAnalysis;
import org.comptoir.sms.SmsText;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.comptoir.store.RowMapper;

/**
 * The persistent queue of messages ({@code outbox}): filled when a campaign starts, claimed one row at a time by
 * the sending engines, each transition a conditional update so that two engines on one store never take the same
 * row and a crash leaves every row in a state that says what is known of it (DESIGN invariant 5).
 *
 * <p>Thread-safe; every method blocks on the database (H2 waits up to 10 s for a lock). Refusals throw
 * {@link ComptoirException}.
 */
public final class Outbox {

    private static final int BATCH = 1_000;
    static final String COLUMNS =
            "id, campaign_id, subject, recipient_e164, rendered_text, parts, message_class, sender, attempts, window_key";
    /** {@link #COLUMNS} of the outbox aliased {@code o}. */
    static final String PREFIXED = "o." + COLUMNS.replace(", ", ", o.");
    static final RowMapper<OutboxRow> ROW = rs -> {
        long campaign = rs.getLong("campaign_id");
        Long campaignId = rs.wasNull() ? null : campaign;
        return new OutboxRow(rs.getLong("id"), campaignId, rs.getString("subject"), rs.getString("recipient_e164"),
                rs.getString("rendered_text"), rs.getInt("parts"), MessageClass.valueOf(rs.getString("message_class")),
                rs.getString("sender"), rs.getInt("attempts"), rs.getString("window_key"));
    };

    private final Database database;
    private final CampaignService campaigns;
    private final Clock clock;
    private final CampaignWaits waits;

    public Outbox(Database database, CampaignService campaigns, Clock clock) {
        this.database = database;
        this.campaigns = campaigns;
        this.clock = clock;
        this.waits = new CampaignWaits(database, clock);
    }

    Database database() {
        return database;
    }

    /**
     * Starts a SCHEDULED campaign: in one transaction, SCHEDULED → SENDING and one QUEUED row per recipient of its
     * audience, streamed in one pass and written in JDBC batches. The audience comes by subject, so the rows' ids (the
     * order the engine takes them) follow the subjects, and the outbox's index on the subject ({@code outbox_once})
     * fills in key order instead of rewriting its pages all through the transaction
     * ({@link org.comptoir.campaign.AudienceQuery#forEachBySubject}). A campaign already SENDING or PAUSED is left as it
     * is (its rows exist). Returns the number of rows the campaign has. Throws when the campaign is a draft or
     * finished. Blocks for as long as the audience query and the inserts (some 40 s of CPU per 100,000 recipients on the
     * encrypted store: docs/performance.md, "Sending engine").
     */
    public long start(long campaignId) {
        Campaign campaign = campaigns.load(campaignId)
                .orElseThrow(() -> new ComptoirException(UserMessage.of("campaign.error.unknown", campaignId)));
        if (campaign.status() == CampaignStatus.SENDING || campaign.status() == CampaignStatus.PAUSED) {
            return count(campaignId);
        }
        if (campaign.status() != CampaignStatus.SCHEDULED) {
            throw new ComptoirException(UserMessage.of("dispatch.error.not.scheduled", campaign.name(), campaign.status()));
        }
        MessageComposer composer = campaigns.composer(campaign);
        MessageClass messageClass = campaign.kind() == CampaignKind.MARKETING ? MessageClass.MARKETING : MessageClass.SERVICE;
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            int changed = Jdbc.update(c, "UPDATE campaign SET status = 'SENDING', updated_at = ? WHERE id = ? AND status = 'SCHEDULED'",
                    now, campaignId);
            if (changed == 0) {
                return Jdbc.queryLong(c, "SELECT COUNT(*) FROM outbox WHERE campaign_id = ?", campaignId); // another till started it
            }
            Map<String, Rendered> byFirstName = new HashMap<>(); // most texts differ only by the first name
            long[] pending = {0};
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox (campaign_id, subject, recipient_e164,"
                    + " rendered_text, encoding, parts, state, message_class, sender, window_key, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?)")) {
                Object stamp = now.atOffset(ZoneOffset.UTC);
                long total = campaigns.audience().forEachBySubject(c, Audience.of(campaign), r -> {
                    Rendered text = byFirstName.computeIfAbsent(r.firstName() == null ? "" : r.firstName(),
                            name -> Rendered.of(composer.render(campaign.template(), name)));
                    insert.setLong(1, campaignId);
                    insert.setString(2, r.subject());
                    insert.setString(3, r.phoneE164());
                    insert.setString(4, text.text);
                    insert.setString(5, text.analysis.encoding().name());
                    insert.setInt(6, text.analysis.parts());
                    insert.setString(7, messageClass.name());
                    insert.setString(8, campaign.sender());
                    insert.setString(9, windowKey(r.phoneE164()));
                    insert.setObject(10, stamp);
                    insert.setObject(11, stamp);
                    insert.addBatch();
                    if (++pending[0] == BATCH) {
                        insert.executeBatch();
                        pending[0] = 0;
                    }
                });
                if (pending[0] > 0) {
                    insert.executeBatch();
                }
                Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, 'engine', 'CAMPAIGN_STARTED', ?)",
                        now, "campaign " + campaignId + ": " + total + " recipients queued");
                return total;
            }
        });
    }

    private record Rendered(String text, SmsAnalysis analysis) {
        static Rendered of(String text) {
            return new Rendered(text, SmsText.analyze(text));
        }
    }

    /**
     * Rows whose numbers share this key share a sending window: the country code and the first three digits of the
     * national number decide the territory and so the time zone and the public holidays (a +262 692 mobile and a
     * +262 262 line differ; the US area code is three digits).
     */
    static String windowKey(String e164) {
        return PhoneNumber.ofE164(e164).map(n -> "+" + n.countryCode() + " "
                + n.nationalNumber().substring(0, Math.min(3, n.nationalNumber().length()))).orElse(e164);
    }

    /** Rows of a campaign. */
    public long count(long campaignId) {
        return database.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM outbox WHERE campaign_id = ?", campaignId));
    }

    /** SCHEDULED campaigns whose instant has come (oldest first). */
    public List<Long> dueCampaigns(Instant now) {
        return database.withConnection(c -> Jdbc.query(c, "SELECT id FROM campaign WHERE status = 'SCHEDULED'"
                + " AND scheduled_at <= ? ORDER BY scheduled_at, id", rs -> rs.getLong(1), now));
    }

    /** The earliest instant a SCHEDULED campaign is due, if any: the running engine wakes then to start it. */
    Optional<Instant> nextDueCampaign() {
        return database.withConnection(c -> Jdbc.queryOne(c, "SELECT MIN(scheduled_at) AS due FROM campaign"
                + " WHERE status = 'SCHEDULED'", rs -> Jdbc.instant(rs, "due")));
    }

    /** The campaign of outbox row {@code id}; null for a reply or no such row. */
    Long campaignOf(long id) {
        return database.withConnection(c -> Jdbc.queryOne(c, "SELECT campaign_id FROM outbox WHERE id = ?", rs -> {
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }, id)).orElse(null);
    }

    /**
     * The sending windows changed: rows waiting for a window are checked again at once (each under the new rules
     * when its turn comes). Returns how many.
     */
    public int windowsChanged() {
        return database.inTransaction(c -> {
            int n = 0;
            // per campaign (and the replies), so the claim index (campaign, state) answers, not a whole-outbox scan
            List<Long> campaigns = Jdbc.query(c, "SELECT id FROM campaign",
                    rs -> rs.getLong(1));
            List<String> owners = new java.util.ArrayList<>(campaigns.stream().map(id -> "campaign_id = " + id).toList());
            owners.add("campaign_id IS NULL");
            for (String owner : owners) {
                n += Jdbc.update(c, "UPDATE outbox SET not_before = NULL WHERE " + owner + " AND state = 'QUEUED'"
                        + " AND not_before IS NOT NULL AND reason IN ('OUTSIDE_HOURS', 'SUNDAY', 'HOLIDAY', 'CLOSED_DAY')");
            }
            return n;
        });
    }

    /** Campaigns the engines work on now (SENDING), oldest first. */
    public List<Long> sendingCampaigns() {
        return database.withConnection(c -> Jdbc.query(c,
                "SELECT id FROM campaign WHERE status = 'SENDING' ORDER BY id", rs -> rs.getLong(1)));
    }

    /**
     * Up to {@code limit} rows ready at {@code now}: one-off replies first, then the campaigns in order. Only a
     * hint: another engine may claim them first ({@link #claim} says).
     */
    List<Long> candidates(Instant now, int limit) {
        return database.withConnection(c -> {
            List<Long> ids = new java.util.ArrayList<>(Jdbc.query(c, "SELECT id FROM outbox WHERE campaign_id IS NULL"
                    + " AND state = 'QUEUED' AND (not_before IS NULL OR not_before <= ?) ORDER BY id LIMIT ?",
                    rs -> rs.getLong(1), now, limit));
            if (ids.size() < limit) {
                for (long campaign : Jdbc.query(c, "SELECT id FROM campaign WHERE status = 'SENDING' ORDER BY id",
                        rs -> rs.getLong(1))) {
                    ids.addAll(Jdbc.query(c, "SELECT id FROM outbox WHERE campaign_id = ? AND state = 'QUEUED'"
                            + " AND (not_before IS NULL OR not_before <= ?) ORDER BY id LIMIT ?",
                            rs -> rs.getLong(1), campaign, now, limit - ids.size()));
                    if (ids.size() >= limit) {
                        break;
                    }
                }
            }
            return ids;
        });
    }

    /** The row if it is still QUEUED (a read, no claim): what the checks before a send look at. */
    Optional<OutboxRow> queued(long id) {
        return database.withConnection(c -> Jdbc.queryOne(c,
                "SELECT " + COLUMNS + " FROM outbox WHERE id = ? AND state = 'QUEUED'", ROW, id));
    }

    /**
     * QUEUED → SENDING for {@code id}, one attempt more, if no other engine took it first: a conditional update whose
     * count says who won. The row is SENDING before it reaches the gateway, so a crash from here on leaves it
     * UNKNOWN, never resent by itself.
     */
    Optional<OutboxRow> claim(long id, String gateway) {
        return claim(id, gateway, null);
    }

    /** {@link #claim(long, String)} recording {@code holder}, the claiming engine's {@link SenderLease} id. */
    Optional<OutboxRow> claim(long id, String gateway, String holder) {
        Instant now = clock.instant();
        return database.withConnection(c -> {
            int won = Jdbc.update(c, "UPDATE outbox SET state = 'SENDING', attempts = attempts + 1, gateway = ?,"
                    + " claimed_by = ?, updated_at = ? WHERE id = ? AND state = 'QUEUED'", truncate(gateway, 50), holder, now, id);
            return won == 1 ? Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM outbox WHERE id = ?", ROW, id) : Optional.empty();
        });
    }

    /** QUEUED → SKIPPED with its reason (checked before a claim: nothing was sent). */
    boolean skip(long id, String reason, String words) {
        return database.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'SKIPPED', reason = ?, error = ?,"
                + " updated_at = ? WHERE id = ? AND state = 'QUEUED'", reason, words, clock.instant(), id)) == 1;
    }

    /**
     * A closed window: this row and every QUEUED row of the same campaign, class and window key wait until
     * {@code until} (each is checked again when its turn comes).
     */
    void deferWindow(OutboxRow row, Instant until, String reason) {
        database.withConnection(c -> {
            String campaignTest = row.campaignId() == null ? "campaign_id IS NULL" : "campaign_id = " + row.campaignId();
            return Jdbc.update(c, "UPDATE outbox SET not_before = ?, reason = ? WHERE " + campaignTest
                    + " AND state = 'QUEUED' AND message_class = ? AND window_key = ?"
                    + " AND (not_before IS NULL OR not_before < ?)", until, reason, row.messageClass(), row.windowKey(), until);
        });
    }

    /** One row waits until {@code until} (a route cap, a back-off). */
    void defer(long id, Instant until, String reason) {
        database.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET not_before = ?, reason = ? WHERE id = ?"
                + " AND state = 'QUEUED'", until, reason, id));
    }

    /**
     * SENDING (or UNKNOWN, when a start-up elsewhere gave up on it while it was in fact sending) → SENT, with one
     * {@code outbox_part} per reference for the delivery reports. Same transaction.
     */
    void markSent(OutboxRow row, List<String> references, Instant at) {
        database.inTransaction(c -> {
            int changed = Jdbc.update(c, "UPDATE outbox SET state = 'SENT', gateway_refs = ?, sent_at = ?, reason = NULL,"
                    + " error = NULL, not_before = NULL, updated_at = ? WHERE id = ? AND state IN ('SENDING', 'UNKNOWN')",
                    String.join(",", references), at, at, row.id());
            if (changed == 1) {
                for (int i = 0; i < references.size(); i++) {
                    Jdbc.update(c, "INSERT INTO outbox_part (outbox_id, part_no, reference, recipient, sent_at)"
                            + " VALUES (?, ?, ?, ?, ?)", row.id(), i + 1, references.get(i), row.recipient(), at);
                }
            }
            return null;
        });
    }

    /** SENDING → FAILED with the gateway's reason. */
    void markFailed(long id, String code, String words) {
        finish(id, "FAILED", code, words);
    }

    /** SENDING → UNKNOWN: the gateway cannot tell whether it left. */
    void markUnknown(long id, String code, String words) {
        finish(id, "UNKNOWN", code, words);
    }

    private void finish(long id, String state, String code, String words) {
        database.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = ?, reason = ?, error = ?, updated_at = ?"
                + " WHERE id = ? AND state = 'SENDING'", state, truncate(code, 50), truncate(words, 1000), clock.instant(), id));
    }

    /**
     * After an unexpected error on this row: FAILED when it never reached the gateway, UNKNOWN when it may have, so the
     * engine does not stumble on it again and again.
     */
    void markBroken(long id, boolean handedOver, String words) {
        database.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = ?, reason = 'ERROR', error = ?, updated_at = ?"
                + " WHERE id = ? AND state IN ('QUEUED', 'SENDING')", handedOver ? "UNKNOWN" : "FAILED",
                truncate(words, 1000), clock.instant(), id));
    }

    /** SENDING → QUEUED after a retryable failure, not before {@code notBefore}. */
    void retryLater(long id, Instant notBefore, String code, String words) {
        database.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'QUEUED', not_before = ?, reason = ?,"
                + " error = ?, updated_at = ? WHERE id = ? AND state = 'SENDING'",
                notBefore, truncate(code, 50), truncate(words, 1000), clock.instant(), id));
    }

    /** SENDING → QUEUED without counting the attempt: nothing reached the gateway (it was not ready). */
    void release(long id) {
        database.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'QUEUED', attempts = attempts - 1,"
                + " updated_at = ? WHERE id = ? AND state = 'SENDING'", clock.instant(), id));
    }

    /**
     * Rows a crash left SENDING become UNKNOWN (the message may have left), but only those of senders that are gone
     * ({@link SenderLease#recover}): a live engine's row in hand, here or on another PC, is left alone. Never resent
     * by themselves; the owner decides ({@link #decide}). Returns how many. Every engine does this when it starts;
     * this is the same for a caller that runs no engine.
     */
    public int recoverInterrupted() {
        return new SenderLease(database, clock, "sending-lease-recovery").recover();
    }

    /**
     * The (campaign, holder) pairs of SENDING rows, campaign by campaign so that the claim index (campaign, state)
     * answers it: the outbox holds every campaign's rows.
     */
    static final String SENDING_HOLDERS = "SELECT DISTINCT o.campaign_id, o.claimed_by FROM campaign k"
            + " JOIN outbox o ON o.campaign_id = k.id WHERE o.state = 'SENDING'"
            + " UNION SELECT DISTINCT campaign_id, claimed_by FROM outbox WHERE campaign_id IS NULL AND state = 'SENDING'";

    /** The owner's choice for a message whose fate is unknown. */
    public enum Decision {
        /** the recipient got it: count it as sent */
        MARK_SENT,
        /** queue it again (the recipient may get it twice) */
        SEND_AGAIN,
        /** forget it: SKIPPED */
        DROP
    }

    /**
     * Applies the owner's {@code decision} to an UNKNOWN row, audited with {@code actor}. SEND_AGAIN puts a finished
     * campaign back to SENDING so the engine takes the row. Throws when the row is not UNKNOWN.
     */
    public void decide(long id, Decision decision, String actor) {
        Instant now = clock.instant();
        database.inTransaction(c -> {
            String set = switch (decision) {
                case MARK_SENT -> "state = 'SENT', sent_at = updated_at, reason = 'MARKED_SENT'";
                case SEND_AGAIN -> "state = 'QUEUED', not_before = NULL, reason = 'SEND_AGAIN'";
                case DROP -> "state = 'SKIPPED', reason = 'DROPPED'";
            };
            int changed = Jdbc.update(c, "UPDATE outbox SET " + set + ", updated_at = ? WHERE id = ? AND state = 'UNKNOWN'", now, id);
            if (changed == 0) {
                throw new ComptoirException(UserMessage.of("dispatch.error.not.unknown", id));
            }
            if (decision == Decision.SEND_AGAIN) {
                Jdbc.update(c, "UPDATE campaign SET status = 'SENDING', updated_at = ? WHERE status = 'DONE'"
                        + " AND id = (SELECT campaign_id FROM outbox WHERE id = ?)", now, id);
            }
            Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, ?, 'OUTBOX_DECISION', ?)",
                    now, actor, "outbox " + id + " " + decision);
            return null;
        });
    }

    /** SENDING campaigns with nothing left QUEUED or SENDING become DONE: {@link CampaignWaits#finishDone}. */
    List<Long> finishDone() {
        return waits.finishDone();
    }

    /** When the next QUEUED row becomes ready, recording each campaign's wait: {@link CampaignWaits#nextReady}. */
    Optional<Instant> nextReady(Instant now, java.util.function.LongConsumer waitChanged) {
        return waits.nextReady(now, waitChanged);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
