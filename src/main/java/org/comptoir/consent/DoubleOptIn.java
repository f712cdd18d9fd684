package org.comptoir.consent;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.comptoir.dispatch.ReplySender;
import org.comptoir.dispatch.StoredInbound;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * Confirmation by SMS ({@code consent.double-optin}): a consent captured at the till or kiosk, or by the sign-up
 * keyword, is followed by "Répondez OUI pour confirmer …"; OUI within {@code consent.double-optin-hours} records
 * CONFIRMED. Requests that get no answer expire and are listed. A person who had stopped and texts the sign-up
 * keyword gets a request too, and only their OUI re-subscribes them.
 *
 * <p>Thread-safe. Every method blocks on the database (and on {@link ReplySender#queue}); never call from the
 * JavaFX thread. Throws {@link org.comptoir.i18n.ComptoirException} when a reply cannot be queued.
 */
public final class DoubleOptIn {

    /** Why a confirmation was asked. */
    public enum Kind { DOUBLE_OPTIN, SIGNUP, RESUBSCRIBE }

    public enum Status { PENDING, CONFIRMED, EXPIRED }

    /**
     * One request.
     *
     * @param number    null when the person has no contact row (a re-subscription not answered yet, an erasure)
     * @param firstName may be null
     */
    public record Request(long id, Kind kind, Status status, Instant requestedAt, Instant expiresAt,
                          Instant answeredAt, PhoneNumber number, String firstName) {
    }

    private final Database db;
    private final Settings settings;
    private final ConsentService consent;
    private final ReplySender replies;
    private final ReplyTexts texts;
    private final Clock clock;

    public DoubleOptIn(Database db, Settings settings, ConsentService consent, ReplySender replies, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.consent = consent;
        this.replies = replies;
        this.texts = new ReplyTexts(settings);
        this.clock = clock;
    }

    /** Whether {@code consent.double-optin} is on. */
    public boolean enabled() {
        return settings.getBoolean(ConsentSettings.DOUBLE_OPTIN);
    }

    /**
     * After a consent captured at the till or kiosk ({@code status} is what {@link ConsentService#recordOptIn}
     * returned): with double opt-in on, queues the confirmation request. Empty when nothing was asked.
     */
    public Optional<Request> afterCapture(PhoneNumber number, ContactStatus status) {
        if (!enabled() || status == null || status.status() != ConsentStatus.OPTED_IN) {
            return Optional.empty();
        }
        return Optional.of(ask(number, Kind.DOUBLE_OPTIN, null, null));
    }

    /** Records a request (closing any earlier one of the person) and queues its SMS. */
    Request ask(PhoneNumber number, Kind kind, Long wordingId, String evidenceId) {
        String subject = consent.subjectOf(number);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofHours(settings.getInt(ConsentSmsSettings.DOUBLE_OPTIN_HOURS)));
        long id = db.inTransaction(c -> {
            close(c, subject, now);
            return Jdbc.insert(c, "INSERT INTO consent_optin_request (subject, kind, status, requested_at, expires_at, "
                    + "wording_id, evidence_id) VALUES (?, ?, 'PENDING', ?, ?, ?, ?)", subject, kind.name(), now, expires,
                    wordingId, evidenceId);
        });
        replies.queue(number.e164(), texts.confirmationRequest(), "OPTIN_REQUEST", "optin-request:" + id);
        return new Request(id, kind, Status.PENDING, now, expires, null, number, null);
    }

    /** OUI / YES / START from {@code number}: confirms its pending request, if there is one in time. */
    String answer(PhoneNumber number, StoredInbound message) {
        String subject = consent.subjectOf(number);
        Instant now = clock.instant();
        if (db.withConnection(c -> SmsEvidence.actedOn(c, message.id(), ConsentKind.CONFIRMED))) {
            return Handling.CONFIRMED; // routed a second time: it was acted on the first
        }
        Optional<Pending> pending = db.withConnection(c -> Jdbc.queryOne(c, "SELECT id, kind, expires_at, wording_id, "
                + "evidence_id FROM consent_optin_request WHERE subject = ? AND status = 'PENDING' ORDER BY id DESC "
                + "LIMIT 1", rs -> new Pending(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                Jdbc.instant(rs, "expires_at"), rs.getObject("wording_id", Long.class), rs.getString("evidence_id")),
                subject));
        if (pending.isEmpty()) {
            boolean expired = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM consent_optin_request "
                    + "WHERE subject = ? AND status = 'EXPIRED'", subject)) > 0;
            return expired ? Handling.CONFIRM_LATE : Handling.YES_IGNORED;
        }
        Pending p = pending.get();
        if (!now.isBefore(p.expiresAt())) {
            db.withConnection(c -> Jdbc.update(c, "UPDATE consent_optin_request SET status = 'EXPIRED' WHERE id = ?",
                    p.id()));
            return Handling.CONFIRM_LATE;
        }
        ConsentStatus status = consent.lookup(number).map(ContactStatus::status).orElse(null);
        if (p.kind() == Kind.RESUBSCRIBE) {
            if (p.wordingId() == null) {
                return Handling.YES_IGNORED;
            }
            String signUp = "sms sign-up evidence=" + p.evidenceId() + " confirmed by inbound=" + message.id();
            consent.recordOptIn(number, null, p.wordingId(), Channel.SMS_KEYWORD, null, signUp);
        } else if (status != ConsentStatus.OPTED_IN) {
            return Handling.YES_IGNORED; // stopped or erased since the request: a yes does not undo that
        }
        String evidence = db.inTransaction(c -> SmsEvidence.store(c, subject, message, ConsentKind.CONFIRMED, now));
        consent.recordConfirmation(number, Channel.SMS_KEYWORD, evidence);
        db.withConnection(c -> Jdbc.update(c, "UPDATE consent_optin_request SET status = 'CONFIRMED', answered_at = ? "
                + "WHERE id = ?", now, p.id()));
        if (p.kind() != Kind.DOUBLE_OPTIN) {
            replies.queue(number.e164(), texts.welcome(), "WELCOME", "welcome:" + subject + ":" + p.id());
        }
        return Handling.CONFIRMED;
    }

    private record Pending(long id, Kind kind, Instant expiresAt, Long wordingId, String evidenceId) {
    }

    /** Closes the person's pending requests (a STOP, an erasure): a later OUI confirms nothing. */
    void closePending(String subject) {
        db.withConnection(c -> {
            close(c, subject, clock.instant());
            return null;
        });
    }

    private static void close(Connection c, String subject, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE consent_optin_request SET status = 'EXPIRED' WHERE subject = ? AND status = 'PENDING'",
                subject);
    }

    /** Marks requests whose delay has passed EXPIRED; returns how many. */
    public int expireDue() {
        Instant now = clock.instant();
        return db.withConnection(c -> Jdbc.update(c, "UPDATE consent_optin_request SET status = 'EXPIRED' "
                + "WHERE status = 'PENDING' AND expires_at <= ?", now));
    }

    /** Requests in {@code status}, newest first, with the person's number while they have a contact row. */
    public List<Request> list(Status status) {
        return db.withConnection(c -> Jdbc.query(c, "SELECT r.id, r.kind, r.status, r.requested_at, r.expires_at, "
                + "r.answered_at, c.phone_e164, c.first_name FROM consent_optin_request r "
                + "LEFT JOIN contact c ON c.subject = r.subject WHERE r.status = ? ORDER BY r.requested_at DESC, r.id DESC",
                rs -> new Request(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                        Status.valueOf(rs.getString("status")), Jdbc.instant(rs, "requested_at"),
                        Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "answered_at"),
                        PhoneNumber.ofE164(rs.getString("phone_e164")).orElse(null), rs.getString("first_name")),
                status.name()));
    }

    /** Deletes the person's requests (erasure). */
    static int erase(Connection c, String subject) throws SQLException {
        return Jdbc.update(c, "DELETE FROM consent_optin_request WHERE subject = ?", subject);
    }
}
