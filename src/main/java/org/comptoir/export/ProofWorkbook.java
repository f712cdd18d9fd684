package org.comptoir.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.comptoir.export.Workbooks.Column;
import org.comptoir.export.Workbooks.Kind;
import org.comptoir.export.Workbooks.Table;
import org.comptoir.i18n.Messages;
import org.comptoir.store.Jdbc;

/**
 * The one-customer proof for a dispute, on one sheet a person can read: who (the number the owner typed, its
 * keyed hash, the contact row or "erased"), the current status, the chain check and head, then every ledger
 * event of that person with the full text of the wording it referred to and its hashes.
 *
 * <p>The person is found by subject (the keyed hash of the typed number), never by the contact row: after an
 * erasure the row is gone but the events, and this proof, remain.
 */
final class ProofWorkbook {

    private final Messages m;
    private final ZoneId zone;
    private final Labels labels;

    ProofWorkbook(Messages m, ZoneId zone) {
        this.m = m;
        this.zone = zone;
        this.labels = new Labels(m);
    }

    /** The person as the store knows them now; names null after an erasure. */
    record Person(String typedNumber, String e164, String subject) {
    }

    /** Writes the sheet; returns how many events it lists (0: the number is unknown to the ledger). */
    long write(Workbooks wb, Connection c, Cover cover, Person person, LedgerCheckpoint head) throws SQLException {
        SXSSFSheet sheet = wb.sheet(m.get("export.sheet.proof"));
        wb.title(sheet, 0, m.get("export.proof.title"));
        int row = cover.header(wb, sheet, 2);
        wb.labelled(sheet, row++, m.get("export.proof.number"), person.typedNumber() + " (" + person.e164() + ")");
        wb.labelled(sheet, row++, m.get("export.col.subject"), person.subject());
        Optional<String[]> contact = Jdbc.queryOne(c, "SELECT first_name, last_name FROM contact WHERE subject = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, person.subject());
        wb.labelled(sheet, row++, m.get("export.proof.contact"), contact.map(n -> names(n[0], n[1]))
                .orElse(m.get("export.proof.no.contact")));
        Optional<Object[]> state = Jdbc.queryOne(c, "SELECT status, since FROM consent_state WHERE subject = ?",
                rs -> new Object[] {rs.getString(1), Jdbc.instant(rs, "since")}, person.subject());
        wb.labelled(sheet, row++, m.get("export.proof.status"), state.map(s -> m.get("export.proof.status.since",
                labels.status((String) s[0]), cover.stamp((Instant) s[1]))).orElse(labels.status(null)));
        row = cover.checkpoint(wb, sheet, row, head);
        wb.labelled(sheet, row++, m.get("export.proof.how.label"), m.get("export.proof.how"));
        Table t = wb.tableAt(sheet, row + 1, List.of(
                new Column(m.get("export.col.seq"), 34, Kind.NUMBER), // under the summary's labels: same width
                new Column(m.get("export.col.local.time"), 20, Kind.DATE_TIME),
                new Column(m.get("export.col.utc.time"), 20, Kind.DATE_TIME),
                new Column(m.get("export.col.event"), 16, Kind.TEXT),
                new Column(m.get("export.col.channel"), 12, Kind.TEXT),
                new Column(m.get("export.col.number"), 16, Kind.TEXT),
                new Column(m.get("export.col.wording.version"), 10, Kind.NUMBER),
                new Column(m.get("export.col.wording.text"), 60, Kind.WRAP),
                new Column(m.get("export.col.staff"), 14, Kind.TEXT),
                new Column(m.get("export.col.evidence"), 40, Kind.WRAP),
                new Column(m.get("export.col.hash"), 20, Kind.TEXT),
                new Column(m.get("export.col.prev.hash"), 20, Kind.TEXT)));
        String shown = contact.isPresent() ? person.e164() : m.get("export.number.erased");
        boolean erased = state.map(s -> "ERASED".equals(s[0])).orElse(false);
        Snapshot.each(c, "SELECT e.seq, e.occurred_at, e.kind, e.channel, w.version, w.text, e.staff, e.evidence, "
                + "e.hash, e.prev_hash FROM consent_event e LEFT JOIN consent_wording w ON w.id = e.wording_id "
                + "WHERE e.subject = ? AND e.seq <= ? ORDER BY e.seq", rs -> {
                    Instant at = Jdbc.instant(rs, "occurred_at");
                    t.add(rs.getLong("seq"), local(at), RegisterWorkbook.utc(at), labels.kind(rs.getString("kind")),
                            labels.channel(rs.getString("channel")),
                            contact.isPresent() || erased ? shown : m.get("export.number.not.kept"),
                            (Integer) rs.getObject("version", Integer.class), rs.getString("text"),
                            rs.getString("staff"), rs.getString("evidence"), rs.getString("hash"),
                            rs.getString("prev_hash"));
                }, person.subject(), head.seq());
        t.finish();
        return t.rows();
    }

    private String names(String first, String last) {
        String n = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return n.isEmpty() ? m.get("export.proof.contact.unnamed") : n;
    }

    private LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }
}
