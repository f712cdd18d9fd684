package org.comptoir.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.comptoir.dispatch.StoredInbound;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * The received SMS with what was done with each, and the owner's decisions on those that wait
 * ({@link Handling#WAITING}): "treat as STOP" records the opt-out with the SMS as evidence and confirms it, "read"
 * closes it. Both are written to the audit trail (without the number).
 *
 * <p>Thread-safe; every method blocks on the database. Throws {@link ComptoirException} for an unknown message
 * or one that does not wait for a decision.
 */
public final class Inbox {

    /** One received message. {@code handledAs} is null while it was not routed yet. */
    public record Entry(long id, String sender, String text, Instant receivedAt, String gateway, String handledAs) {

        /** Whether it waits for the owner. */
        public boolean waiting() {
            return handledAs != null && Handling.WAITING.contains(handledAs);
        }
    }

    private final Database db;
    private final ConsentInboundRouter router;
    private final Clock clock;

    public Inbox(Database db, ConsentInboundRouter router, Clock clock) {
        this.db = db;
        this.router = router;
        this.clock = clock;
    }

    /** The latest {@code limit} messages, newest first; only those waiting for the owner when {@code waitingOnly}. */
    public List<Entry> list(int limit, boolean waitingOnly) {
        String where = waitingOnly ? " WHERE handled_as IN ('" + String.join("', '", Handling.WAITING) + "')" : "";
        return db.withConnection(c -> Jdbc.query(c, "SELECT id, sender, text, received_at, gateway, handled_as "
                + "FROM inbound" + where + " ORDER BY received_at DESC, id DESC LIMIT ?", rs -> new Entry(rs.getLong("id"),
                rs.getString("sender"), rs.getString("text"), Jdbc.instant(rs, "received_at"), rs.getString("gateway"),
                rs.getString("handled_as")), limit));
    }

    /** How many messages wait for the owner. */
    public long waitingCount() {
        return db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM inbound WHERE handled_as IN ('"
                + String.join("', '", Handling.WAITING) + "')"));
    }

    /**
     * Routes every stored message that was not routed yet (stored by a modem check, or left by a crash), oldest
     * first, and returns them as handled. The sending engine routes what it stores itself; this catches the rest.
     */
    public List<Entry> routeUnhandled() {
        List<Entry> pending = db.withConnection(c -> Jdbc.query(c, "SELECT id, sender, text, received_at, gateway, "
                + "handled_as FROM inbound WHERE handled_as IS NULL ORDER BY received_at, id", rs -> new Entry(
                rs.getLong("id"), rs.getString("sender"), rs.getString("text"), Jdbc.instant(rs, "received_at"),
                rs.getString("gateway"), null)));
        return pending.stream().map(e -> {
            String handled = router.route(stored(e));
            setHandled(e.id(), handled);
            return new Entry(e.id(), e.sender(), e.text(), e.receivedAt(), e.gateway(), handled);
        }).toList();
    }

    /** The owner reads a waiting reply as a STOP: the opt-out is recorded with it as evidence, and confirmed. */
    public Entry treatAsStop(long inboundId, String staff) {
        Entry e = waiting(inboundId);
        PhoneNumber number = PhoneNumber.ofE164(e.sender())
                .orElseThrow(() -> new ComptoirException(UserMessage.of("inbox.error.not.a.number")));
        router.optOut(number, stored(e));
        return decide(e, Handling.OWNER_OPT_OUT, staff);
    }

    /** The owner read a waiting reply and nothing is to be done. */
    public Entry markRead(long inboundId, String staff) {
        return decide(waiting(inboundId), Handling.OWNER_READ, staff);
    }

    private Entry decide(Entry e, String decision, String staff) {
        db.inTransaction(c -> {
            Jdbc.update(c, "UPDATE inbound SET handled_as = ? WHERE id = ?", decision, e.id());
            Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, ?, 'INBOX_DECISION', ?)",
                    clock.instant(), staff == null || staff.isBlank() ? "owner" : staff,
                    "inbound " + e.id() + " " + e.handledAs() + " -> " + decision);
            return null;
        });
        return new Entry(e.id(), e.sender(), e.text(), e.receivedAt(), e.gateway(), decision);
    }

    private Entry waiting(long inboundId) {
        Optional<Entry> found = db.withConnection(c -> Jdbc.queryOne(c, "SELECT id, sender, text, received_at, gateway, "
                + "handled_as FROM inbound WHERE id = ?", rs -> new Entry(rs.getLong("id"), rs.getString("sender"),
                rs.getString("text"), Jdbc.instant(rs, "received_at"), rs.getString("gateway"),
                rs.getString("handled_as")), inboundId));
        Entry e = found.orElseThrow(() -> new ComptoirException(UserMessage.of("inbox.error.unknown", inboundId)));
        if (!e.waiting()) {
            throw new ComptoirException(UserMessage.of("inbox.error.not.waiting", inboundId));
        }
        return e;
    }

    private void setHandled(long id, String handled) {
        db.withConnection(c -> Jdbc.update(c, "UPDATE inbound SET handled_as = ? WHERE id = ? AND handled_as IS NULL",
                handled, id));
    }

    private static StoredInbound stored(Entry e) {
        return new StoredInbound(e.id(), e.sender(), e.text(), e.receivedAt(), Objects.requireNonNullElse(e.gateway(), "-"));
    }
}
