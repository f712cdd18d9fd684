package org.comptoir.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.comptoir.i18n.Messages;

/**
 * What every export states about itself: the shop, when it was made (local and UTC), by whom, the filter,
 * the ledger head and the chain check at that moment. An auditor compares the head with a later export or
 * checkpoint to see that nothing before it was rewritten.
 */
final class Cover {

    private final Messages m;
    private final String shop;
    private final Instant at;
    private final ZoneId zone;
    private final String actor;

    Cover(Messages m, String shop, Instant at, ZoneId zone, String actor) {
        this.m = m;
        this.shop = shop;
        this.at = at;
        this.zone = zone;
        this.actor = actor;
    }

    /** The register's cover sheet. */
    void write(Workbooks wb, SXSSFSheet sheet, String document, DateRange range, LedgerCheckpoint head,
               RegisterWorkbook.Counts counts) {
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        wb.title(sheet, 0, document);
        int row = header(wb, sheet, 2);
        wb.labelled(sheet, row++, m.get("export.cover.filter"), filter(range));
        row = checkpoint(wb, sheet, row, head);
        wb.labelled(sheet, row++, m.get("export.cover.count.events"), counts.events());
        wb.labelled(sheet, row++, m.get("export.cover.count.contacts"), counts.contacts());
        wb.labelled(sheet, row++, m.get("export.cover.count.wordings"), counts.wordings());
        wb.labelled(sheet, row++, m.get("export.cover.count.campaigns"), counts.campaigns());
        wb.labelled(sheet, row + 1, m.get("export.cover.note.label"), m.get("export.cover.note"));
    }

    /** Shop, date and author lines from {@code row}; returns the next free row. */
    int header(Workbooks wb, SXSSFSheet sheet, int row) {
        wb.labelled(sheet, row++, m.get("export.cover.shop"), shop);
        wb.labelled(sheet, row++, m.get("export.cover.at.local", zone.getId()), LocalDateTime.ofInstant(at, zone));
        wb.labelled(sheet, row++, m.get("export.cover.at.utc"), RegisterWorkbook.utc(at));
        wb.labelled(sheet, row++, m.get("export.cover.actor"), actor);
        return row;
    }

    /** Head and chain check lines from {@code row}; returns the next free row. */
    int checkpoint(Workbooks wb, SXSSFSheet sheet, int row, LedgerCheckpoint head) {
        wb.labelled(sheet, row++, m.get("export.cover.head.seq"), head.seq());
        wb.labelled(sheet, row++, m.get("export.cover.head.hash"), head.hash());
        if (head.at() != null) {
            wb.labelled(sheet, row++, m.get("export.cover.head.at", zone.getId()), LocalDateTime.ofInstant(head.at(), zone));
        }
        wb.labelled(sheet, row++, m.get("export.cover.check"), check(head));
        return row;
    }

    String check(LedgerCheckpoint head) {
        return head.check().intact() ? m.get("export.check.intact", head.check().rowsChecked())
                : m.get("export.check.broken", m.render(head.check().firstProblem().orElseThrow().message()));
    }

    /** An instant as text in the reader's convention and the shop's zone (inside sentences, not date cells). */
    String stamp(Instant instant) {
        return DateTimeFormatter.ofPattern(m.locale().getLanguage().equals("fr") ? "dd/MM/uuuu HH:mm:ss"
                : "uuuu-MM-dd HH:mm:ss").format(LocalDateTime.ofInstant(instant, zone));
    }

    private String filter(DateRange range) {
        if (range.isAll()) {
            return m.get("export.filter.all");
        }
        DateTimeFormatter days = DateTimeFormatter.ofPattern(m.locale().getLanguage().equals("fr") ? "dd/MM/uuuu"
                : "uuuu-MM-dd");
        String from = range.from() == null ? "…" : days.format(range.from());
        String to = range.to() == null ? "…" : days.format(range.to());
        return m.get("export.filter.range", from, to, zone.getId());
    }
}
