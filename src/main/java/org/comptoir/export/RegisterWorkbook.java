package org.comptoir.export;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.export.Workbooks.Column;
import org.comptoir.export.Workbooks.Kind;
import org.comptoir.export.Workbooks.Table;
import org.comptoir.i18n.Messages;
import org.comptoir.store.Jdbc;

/**
 * The consent register workbook: a cover (shop, date, filter, ledger head and chain check), the register (one
 * row per ledger event), the contacts with their status and tags, every consent wording in full, and the
 * campaigns with their outbox results by state. Rows are streamed from one snapshot of the store.
 */
final class RegisterWorkbook {

    /** The outbox states of V3, in the order a campaign goes through them. */
    static final List<String> OUTBOX_STATES = List.of("QUEUED", "SENDING", "SENT", "DELIVERED", "FAILED", "SKIPPED",
            "UNKNOWN");

    /** What the cover says about the export; the counts are filled as the sheets are written. */
    record Counts(long events, long contacts, long wordings, long campaigns) {
    }

    private final Messages m;
    private final ZoneId zone;
    private final Labels labels;

    RegisterWorkbook(Messages messages, ZoneId zone) {
        this.m = messages;
        this.zone = zone;
        this.labels = new Labels(messages);
    }

    /**
     * Writes every sheet into {@code wb} from connection {@code c} (inside a snapshot), events up to the
     * checkpoint's sequence number only, so the register ends exactly at the head the cover prints.
     */
    Counts write(Workbooks wb, Connection c, Cover cover, DateRange range, LedgerCheckpoint head, Progress progress)
            throws SQLException {
        SXSSFSheet coverSheet = wb.sheet(m.get("export.sheet.cover")); // first tab; filled once the counts are known
        // the total only scales the progress bar: for the whole register the head says it without a scan of the ledger
        // (a full pass over consent_event, a few % of the export's time); the cover counts the rows actually written
        long total = range.isAll() ? head.seq() : countEvents(c, range, head.seq());
        long events = register(wb, c, range, head.seq(), total, progress);
        long contacts = contacts(wb, c, progress);
        long wordings = wordings(wb, c);
        long campaigns = campaigns(wb, c);
        Counts counts = new Counts(events, contacts, wordings, campaigns);
        cover.write(wb, coverSheet, m.get("export.cover.document.register"), range, head, counts);
        return counts;
    }

    private long countEvents(Connection c, DateRange range, long upTo) throws SQLException {
        List<Object> params = new ArrayList<>();
        return Jdbc.queryLong(c, "SELECT COUNT(*) FROM consent_event e" + where(range, upTo, params), params.toArray());
    }

    private String where(DateRange range, long upTo, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE e.seq <= ?");
        params.add(upTo);
        if (range.start(zone) != null) {
            w.append(" AND e.occurred_at >= ?");
            params.add(range.start(zone));
        }
        if (range.end(zone) != null) {
            w.append(" AND e.occurred_at < ?");
            params.add(range.end(zone));
        }
        return w.toString();
    }

    private long register(Workbooks wb, Connection c, DateRange range, long upTo, long total, Progress progress)
            throws SQLException {
        Table t = wb.table(m.get("export.sheet.register"), List.of(
                new Column(m.get("export.col.seq"), 8, Kind.NUMBER),
                new Column(m.get("export.col.local.time"), 20, Kind.DATE_TIME),
                new Column(m.get("export.col.utc.time"), 20, Kind.DATE_TIME),
                new Column(m.get("export.col.number"), 16, Kind.TEXT),
                new Column(m.get("export.col.first.name"), 16, Kind.TEXT),
                new Column(m.get("export.col.event"), 16, Kind.TEXT),
                new Column(m.get("export.col.channel"), 12, Kind.TEXT),
                new Column(m.get("export.col.wording.version"), 10, Kind.NUMBER),
                new Column(m.get("export.col.staff"), 14, Kind.TEXT),
                new Column(m.get("export.col.evidence"), 40, Kind.TEXT),
                new Column(m.get("export.col.subject"), 20, Kind.TEXT),
                new Column(m.get("export.col.hash"), 20, Kind.TEXT),
                new Column(m.get("export.col.prev.hash"), 20, Kind.TEXT)));
        List<Object> params = new ArrayList<>();
        String sql = "SELECT e.seq, e.occurred_at, e.subject, e.kind, e.channel, w.version, e.staff, e.evidence, "
                + "e.prev_hash, e.hash, c.phone_e164, c.first_name, s.status FROM consent_event e "
                + "LEFT JOIN consent_wording w ON w.id = e.wording_id "
                + "LEFT JOIN contact c ON c.subject = e.subject "
                + "LEFT JOIN consent_state s ON s.subject = e.subject"
                + where(range, upTo, params) + " ORDER BY e.seq";
        Snapshot.each(c, sql, rs -> {
            if (t.rows() % 1000 == 0) {
                Cancelled.check(progress);
                progress.update(t.rows(), total);
            }
            Instant at = Jdbc.instant(rs, "occurred_at");
            t.add(rs.getLong("seq"), local(at), utc(at), number(rs), rs.getString("first_name"),
                    labels.kind(rs.getString("kind")), labels.channel(rs.getString("channel")),
                    (Integer) rs.getObject("version", Integer.class), rs.getString("staff"), rs.getString("evidence"),
                    rs.getString("subject"), rs.getString("hash"), rs.getString("prev_hash"));
        }, params.toArray());
        t.finish();
        progress.update(t.rows(), total);
        return t.rows();
    }

    /** The number while the contact row exists; else why there is none (erased, or never kept). */
    private String number(ResultSet rs) throws SQLException {
        String e164 = rs.getString("phone_e164");
        if (e164 != null) {
            return e164;
        }
        return ConsentStatus.ERASED.name().equals(rs.getString("status")) ? m.get("export.number.erased")
                : m.get("export.number.not.kept");
    }

    private long contacts(Workbooks wb, Connection c, Progress progress) throws SQLException {
        Table t = wb.table(m.get("export.sheet.contacts"), List.of(
                new Column(m.get("export.col.number"), 16, Kind.TEXT),
                new Column(m.get("export.col.first.name"), 16, Kind.TEXT),
                new Column(m.get("export.col.last.name"), 16, Kind.TEXT),
                new Column(m.get("export.col.status"), 22, Kind.TEXT),
                new Column(m.get("export.col.since"), 20, Kind.DATE_TIME),
                new Column(m.get("export.col.wording.version"), 10, Kind.NUMBER),
                new Column(m.get("export.col.tags"), 24, Kind.TEXT),
                new Column(m.get("export.col.created"), 20, Kind.DATE_TIME)));
        // tags gathered per contact by the database: one streamed pass, no map of 100,000 lists here
        Snapshot.each(c, "SELECT c.phone_e164, c.first_name, c.last_name, s.status, s.since, w.version, c.created_at, "
                + "(SELECT " + Jdbc.joinedSql(c, "g.tag", ", ") + " FROM contact_tag g "
                + "WHERE g.contact_id = c.id) AS tags FROM contact c "
                + "LEFT JOIN consent_state s ON s.subject = c.subject "
                + "LEFT JOIN consent_wording w ON w.id = s.wording_id ORDER BY c.id", rs -> {
                    if (t.rows() % 1000 == 0) {
                        Cancelled.check(progress);
                    }
                    t.add(rs.getString("phone_e164"), rs.getString("first_name"), rs.getString("last_name"),
                            labels.status(rs.getString("status")), local(Jdbc.instant(rs, "since")),
                            (Integer) rs.getObject("version", Integer.class), rs.getString("tags"),
                            local(Jdbc.instant(rs, "created_at")));
                });
        t.finish();
        return t.rows();
    }

    private long wordings(Workbooks wb, Connection c) throws SQLException {
        Table t = wb.table(m.get("export.sheet.wordings"), List.of(
                new Column(m.get("export.col.wording.version"), 10, Kind.NUMBER),
                new Column(m.get("export.col.language"), 8, Kind.TEXT),
                new Column(m.get("export.col.shop"), 18, Kind.TEXT),
                new Column(m.get("export.col.purpose"), 24, Kind.TEXT),
                new Column(m.get("export.col.wording.text"), 80, Kind.WRAP),
                new Column(m.get("export.col.created"), 20, Kind.DATE_TIME),
                new Column(m.get("export.col.events"), 12, Kind.NUMBER)));
        Snapshot.each(c, "SELECT w.version, w.language, w.shop_name, w.purpose, w.text, w.created_at, "
                + "(SELECT COUNT(*) FROM consent_event e WHERE e.wording_id = w.id) AS events "
                + "FROM consent_wording w ORDER BY w.version", rs -> t.add(rs.getInt("version"),
                        rs.getString("language"), rs.getString("shop_name"), rs.getString("purpose"),
                        rs.getString("text"), local(Jdbc.instant(rs, "created_at")), rs.getLong("events")));
        t.finish();
        return t.rows();
    }

    private long campaigns(Workbooks wb, Connection c) throws SQLException {
        List<Column> columns = new ArrayList<>(List.of(
                new Column(m.get("export.col.campaign.id"), 6, Kind.NUMBER),
                new Column(m.get("export.col.campaign.name"), 24, Kind.TEXT),
                new Column(m.get("export.col.campaign.kind"), 12, Kind.TEXT),
                new Column(m.get("export.col.campaign.status"), 12, Kind.TEXT),
                new Column(m.get("export.col.campaign.sender"), 12, Kind.TEXT),
                new Column(m.get("export.col.campaign.tag"), 14, Kind.TEXT),
                new Column(m.get("export.col.campaign.scheduled"), 20, Kind.DATE_TIME),
                new Column(m.get("export.col.created"), 20, Kind.DATE_TIME),
                new Column(m.get("export.col.campaign.template"), 50, Kind.WRAP)));
        StringBuilder sums = new StringBuilder();
        for (String state : OUTBOX_STATES) {
            columns.add(new Column(m.get("export.col.outbox." + state), 10, Kind.NUMBER));
            sums.append("SUM(CASE WHEN state = '").append(state).append("' THEN 1 ELSE 0 END) AS n_").append(state)
                    .append(", ");
        }
        columns.add(new Column(m.get("export.col.outbox.total"), 10, Kind.NUMBER));
        Table t = wb.table(m.get("export.sheet.campaigns"), columns);
        Snapshot.each(c, "SELECT k.*, o.* FROM campaign k LEFT JOIN (SELECT campaign_id, " + sums
                + "COUNT(*) AS n_total FROM outbox GROUP BY campaign_id) o ON o.campaign_id = k.id ORDER BY k.id", rs -> {
                    List<Object> row = new ArrayList<>(List.of(rs.getLong("id"), rs.getString("name"),
                            m.get("campaign.kind." + rs.getString("kind")),
                            m.get("campaign.status." + rs.getString("status"))));
                    row.add(rs.getString("sender"));
                    row.add(rs.getString("audience_tag"));
                    row.add(local(Jdbc.instant(rs, "scheduled_at")));
                    row.add(local(Jdbc.instant(rs, "created_at")));
                    row.add(rs.getString("template"));
                    for (String state : OUTBOX_STATES) {
                        row.add(rs.getLong("n_" + state)); // 0 when the campaign has no outbox row yet
                    }
                    row.add(rs.getLong("n_total"));
                    t.add(row.toArray());
                });
        t.finish();
        return t.rows();
    }

    private LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }

    static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
