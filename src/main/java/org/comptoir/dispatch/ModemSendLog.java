package org.comptoir.dispatch;

import java.time.Instant;
import java.util.List;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/** The log of SMS sent through the USB modem ({@code modem_send_log}), which the caps count. Blocks on the database. */
public final class ModemSendLog {

    private final Database database;

    public ModemSendLog(Database database) {
        this.database = database;
    }

    /** A message every part of which the network accepted. */
    public void record(String recipient, Instant sentAt, List<String> partReferences) {
        record(recipient, sentAt, partReferences.size(), partReferences);
    }

    /**
     * A message of {@code parts} parts that left or may have left: {@code partReferences} empty when its fate
     * is unknown (it counts against the caps all the same: the operator may have seen it).
     */
    public void record(String recipient, Instant sentAt, int parts, List<String> partReferences) {
        database.withConnection(c -> Jdbc.update(c,
                "INSERT INTO modem_send_log (recipient, sent_at, part_count, \"references\") VALUES (?, ?, ?, ?)",
                recipient, sentAt, parts, String.join(",", partReferences)));
    }

    /** SMS parts sent in [from, to): what the operator counts. */
    public long partsBetween(Instant from, Instant to) {
        return database.withConnection(c -> Jdbc.queryLong(c,
                "SELECT COALESCE(SUM(part_count), 0) FROM modem_send_log WHERE sent_at >= ? AND sent_at < ?", from, to));
    }

    /** Messages sent in [from, to). */
    public long messagesBetween(Instant from, Instant to) {
        return database.withConnection(c -> Jdbc.queryLong(c,
                "SELECT COUNT(*) FROM modem_send_log WHERE sent_at >= ? AND sent_at < ?", from, to));
    }

    /** Distinct recipients in [from, to). */
    public long recipientsBetween(Instant from, Instant to) {
        return database.withConnection(c -> Jdbc.queryLong(c,
                "SELECT COUNT(DISTINCT recipient) FROM modem_send_log WHERE sent_at >= ? AND sent_at < ?", from, to));
    }

    public boolean sentTo(String recipient, Instant from, Instant to) {
        return database.withConnection(c -> Jdbc.queryLong(c,
                "SELECT COUNT(*) FROM modem_send_log WHERE recipient = ? AND sent_at >= ? AND sent_at < ?",
                recipient, from, to)) > 0;
    }
}
