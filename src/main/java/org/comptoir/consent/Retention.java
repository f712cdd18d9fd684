package org.comptoir.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * Contacts with no interaction for {@code consent.retention-months} (CNIL: 3 years): listed for the owner to renew
 * their consent or erase them; erased as a batch once the owner confirms, recorded in the audit trail. An
 * interaction is anything the person did: being recorded, a consent event (opt-in, confirmation), an SMS they sent.
 *
 * <p>Thread-safe; blocks on the database. Erasure goes through {@link ConsentService#erase}, so each one leaves
 * nothing behind.
 */
public final class Retention {

    /** One contact past the period. */
    public record Candidate(long contactId, PhoneNumber number, String firstName, ConsentStatus status,
                            Instant lastInteraction) {
    }

    /** The latest of: the contact's creation, their latest consent event, their latest SMS to the shop. */
    private static final String LAST = "GREATEST(c.created_at, COALESCE(s.since, c.created_at), "
            + "COALESCE((SELECT MAX(i.received_at) FROM inbound i WHERE i.sender = c.phone_e164), c.created_at))";

    private final Database db;
    private final Settings settings;
    private final ConsentService consent;
    private final Clock clock;

    public Retention(Database db, Settings settings, ConsentService consent, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.consent = consent;
        this.clock = clock;
    }

    /** Interactions before this instant are past the retention period. */
    public Instant threshold() {
        return clock.instant().atOffset(ZoneOffset.UTC).minusMonths(months()).toInstant();
    }

    /** Every contact past the period, the longest silent first. */
    public List<Candidate> due() {
        return lastSeenBetween(null, threshold());
    }

    /**
     * Contacts not past the period yet who will be by {@code until} unless they come back, the soonest first: what the
     * next erasure will take. See {@link #dueAt} for each one's date.
     */
    public List<Candidate> upcoming(Instant until) {
        Instant from = threshold();
        Instant before = until.atOffset(ZoneOffset.UTC).minusMonths(months()).toInstant();
        return before.isAfter(from) ? lastSeenBetween(from, before) : List.of();
    }

    /** When a contact last seen at {@code lastInteraction} passes the period. */
    public Instant dueAt(Instant lastInteraction) {
        return lastInteraction.atOffset(ZoneOffset.UTC).plusMonths(months()).toInstant();
    }

    /** The retention period, in months ({@code consent.retention-months}). */
    public int months() {
        return settings.getInt(ConsentSmsSettings.RETENTION_MONTHS);
    }

    private List<Candidate> lastSeenBetween(Instant from, Instant before) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT * FROM (SELECT c.id, c.phone_e164, c.first_name, s.status, "
                + LAST + " AS last_seen FROM contact c LEFT JOIN consent_state s ON s.subject = c.subject) t "
                + "WHERE t.last_seen < ? AND t.last_seen >= ? ORDER BY t.last_seen, t.id", rs -> {
                    String status = rs.getString("status");
                    return new Candidate(rs.getLong("id"), new PhoneNumber(rs.getString("phone_e164")),
                            rs.getString("first_name"), status == null ? null : ConsentStatus.valueOf(status),
                            Jdbc.instant(rs, "last_seen"));
                }, before, from == null ? Instant.EPOCH : from));
    }

    /**
     * Erases every contact of {@code confirmed} that is still past the period now (one who came back since the
     * list was shown is kept), and writes RETENTION_ERASE with the count to the audit trail. Returns how many.
     */
    public int eraseConfirmed(List<Candidate> confirmed, String staff) {
        List<Long> stillDue = due().stream().map(Candidate::contactId).toList();
        int erased = 0;
        for (Candidate candidate : confirmed) {
            if (stillDue.contains(candidate.contactId())) {
                consent.erase(candidate.number(), staff);
                erased++;
            }
        }
        int count = erased;
        db.withConnection(c -> Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, ?, "
                + "'RETENTION_ERASE', ?)", clock.instant(), staff == null || staff.isBlank() ? "owner" : staff,
                count + " contact(s) silent for " + settings.getInt(ConsentSmsSettings.RETENTION_MONTHS) + " months"));
        return count;
    }
}
