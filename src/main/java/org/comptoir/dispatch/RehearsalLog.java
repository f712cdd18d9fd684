package org.comptoir.dispatch;

import java.time.Instant;
import java.util.List;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.RehearsalGateway;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/** The rehearsal gateway's log in the store ({@code rehearsal_log}): what would have left, and when. Blocks on the database. */
public final class RehearsalLog implements RehearsalGateway.Sink {

    /** One message a rehearsal would have sent. */
    public record Entry(Instant at, String messageId, String recipient, String sender, String text, int parts,
                        Instant validUntil) {
    }

    private final Database database;

    public RehearsalLog(Database database) {
        this.database = database;
    }

    @Override
    public void record(Instant at, OutgoingSms sms, int parts) {
        database.withConnection(c -> Jdbc.update(c, "INSERT INTO rehearsal_log (at, message_id, recipient, sender, text,"
                + " parts, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?)", at, sms.id(), sms.recipientE164(), sms.sender(),
                sms.text(), parts, sms.validUntil()));
    }

    /** Everything logged, oldest first. */
    public List<Entry> entries() {
        return database.withConnection(c -> Jdbc.query(c, "SELECT at, message_id, recipient, sender, text, parts, valid_until"
                + " FROM rehearsal_log ORDER BY id", rs -> new Entry(Jdbc.instant(rs, "at"), rs.getString("message_id"),
                rs.getString("recipient"), rs.getString("sender"), rs.getString("text"), rs.getInt("parts"),
                Jdbc.instant(rs, "valid_until"))));
    }
}
