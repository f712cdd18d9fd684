package org.comptoir.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.comptoir.export.Workbooks.Column;
import org.comptoir.export.Workbooks.Kind;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;

/**
 * The refused rows of an import, each with its line in the source file, its reason and its cells as they were,
 * so the owner can correct them and import that file again.
 */
final class RefusalWorkbook {

    record Refusal(int line, UserMessage reason) {
    }

    private RefusalWorkbook() {
    }

    static void write(Path target, Messages m, SourceTable source, List<Refusal> refusals) {
        Map<Integer, SourceTable.Row> byLine = new java.util.HashMap<>();
        source.rows().forEach(r -> byLine.put(r.line(), r));
        try (Workbooks wb = new Workbooks(m.locale())) {
            List<Column> columns = new ArrayList<>(List.of(
                    new Column(m.get("export.refusals.col.line"), 8, Kind.NUMBER),
                    new Column(m.get("export.refusals.col.reason"), 60, Kind.WRAP)));
            for (String h : source.header()) {
                columns.add(new Column(h, 16, Kind.TEXT));
            }
            Workbooks.Table t = wb.table(m.get("export.sheet.refusals"), columns);
            for (Refusal r : refusals) {
                List<Object> row = new ArrayList<>();
                row.add(r.line());
                row.add(m.render(r.reason()));
                SourceTable.Row src = byLine.get(r.line());
                for (int i = 0; i < source.header().size(); i++) {
                    String text = src == null ? "" : src.cell(i).text();
                    row.add(text.isEmpty() ? null : text);
                }
                t.add(row.toArray());
            }
            t.finish();
            wb.saveAs(target);
        }
    }
}
