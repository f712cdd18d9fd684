package org.comptoir.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
        record(recipient, sentAt, parts, partReferences, null);
    }

    /** {@link #record(String, Instant, int, List)} with how long the send took ({@code took} null: not measured). */
    public void record(String recipient, Instant sentAt, int parts, List<String> partReferences, Duration took) {
        Integer millis = took == null ? null : (int) Math.min(Integer.MAX_VALUE, Math.max(0, took.toMillis()));
        database.withConnection(c -> Jdbc.update(c, "INSERT INTO modem_send_log (recipient, sent_at, part_count,"
                + " \"references\", send_millis) VALUES (?, ?, ?, ?, ?)",
                recipient, sentAt, parts, String.join(",", partReferences), millis));
    }

    /** Sends of the last {@link #PACE_PERIOD} needed before their pace is trusted over the assumed one. */
    public static final int PACE_MIN_SENDS = 20;
    /** How far back the measured pace looks: the SIM, the network and the modem of now, not of last year. */
    public static final Duration PACE_PERIOD = Duration.ofDays(30);

    /** The pace measured from the log: time per SMS part, over how many sends. */
    public record MeasuredPace(Duration perPart, int sends) {
    }

    /**
     * The time per part of the sends the network accepted in the {@link #PACE_PERIOD} before {@code now} whose time
     * was measured (total time over total parts), when there are at least {@link #PACE_MIN_SENDS} of them; else empty.
     */
    public Optional<MeasuredPace> measuredPace(Instant now) {
        return database.withConnection(c -> Jdbc.queryOne(c, "SELECT COUNT(*), SUM(CAST(send_millis AS BIGINT)),"
                + " SUM(part_count) FROM modem_send_log WHERE sent_at >= ? AND sent_at <= ? AND send_millis IS NOT NULL"
                + " AND \"references\" <> ''", rs -> {
                    long sends = rs.getLong(1);
                    long parts = rs.getLong(3);
                    return sends >= PACE_MIN_SENDS && parts > 0
                            ? new MeasuredPace(Duration.ofMillis(rs.getLong(2) / parts), (int) sends) : null;
                }, now.minus(PACE_PERIOD), now)).filter(java.util.Objects::nonNull);
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
