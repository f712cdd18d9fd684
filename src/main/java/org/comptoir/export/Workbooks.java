package org.comptoir.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/**
 * A streaming workbook (SXSSF: only {@value #WINDOW} rows per sheet in memory, the rest flushed to a temporary
 * file) with the house styles: a bold, shaded, frozen header row with an auto-filter, real date cells, fixed
 * widths (auto-sizing would need every row kept), long texts wrapped.
 *
 * <p>Not thread-safe: one worker thread writes one workbook. {@link #saveAs} writes beside the target and
 * moves into place, so a failed or cancelled export never leaves a half-written file under the chosen name.
 */
final class Workbooks implements AutoCloseable {

    static final int WINDOW = 200;
    /** Excel's limit on a sheet name. */
    private static final int SHEET_NAME_MAX = 31;
    /** Excel's limit on the text of one cell. */
    static final int CELL_TEXT_MAX = 32_767;

    enum Kind { TEXT, WRAP, NUMBER, DATE_TIME, DATE }

    /** One column: its header, width in characters and kind of cell. */
    record Column(String header, int width, Kind kind) {
    }

    private final SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle label;
    private final CellStyle wrap;
    private final CellStyle dateTime;
    private final CellStyle date;
    /**
     * The default style, set on every cell without one: for a cell with no style, SXSSF asks the column's style at
     * every row it writes out, an XMLBeans look-up that was half the register's writing time (JFR, 10,000 rows).
     */
    private final CellStyle plain;

    Workbooks(Locale locale) {
        plain = wb.getCellStyleAt(0);
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = wb.createCellStyle();
        title.setFont(big);
        label = wb.createCellStyle();
        label.setFont(bold);
        label.setVerticalAlignment(VerticalAlignment.TOP);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        // the reader's own convention; the cell holds a date either way, so Excel re-formats it at will
        boolean french = locale.getLanguage().equals("fr");
        dateTime = wb.createCellStyle();
        dateTime.setDataFormat(wb.createDataFormat().getFormat(french ? "dd/mm/yyyy hh:mm:ss" : "yyyy-mm-dd hh:mm:ss"));
        dateTime.setVerticalAlignment(VerticalAlignment.TOP);
        date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat(french ? "dd/mm/yyyy" : "yyyy-mm-dd"));
        date.setVerticalAlignment(VerticalAlignment.TOP);
    }

    /** A new sheet whose first row is the header of {@code columns}, frozen. */
    Table table(String name, List<Column> columns) {
        Table t = new Table(sheet(name), columns, 0);
        t.sheet.createFreezePane(0, 1);
        return t;
    }

    /** A table starting at row {@code firstRow} of an existing sheet (the proof puts one under its summary). */
    Table tableAt(SXSSFSheet sheet, int firstRow, List<Column> columns) {
        return new Table(sheet, columns, firstRow);
    }

    SXSSFSheet sheet(String name) {
        String n = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return wb.createSheet(n.length() > SHEET_NAME_MAX ? n.substring(0, SHEET_NAME_MAX) : n);
    }

    /** A "label: value" line of a cover or summary block; returns the value cell's row index. */
    int labelled(SXSSFSheet sheet, int row, String labelText, Object value) {
        Row r = sheet.createRow(row);
        Cell l = r.createCell(0);
        l.setCellValue(labelText);
        l.setCellStyle(label);
        put(r.createCell(1), value, value instanceof String s && s.length() > 60 ? Kind.WRAP : null);
        return row;
    }

    void title(SXSSFSheet sheet, int row, String text) {
        Cell c = sheet.createRow(row).createCell(0);
        c.setCellValue(text);
        c.setCellStyle(title);
    }

    /** Writes the workbook beside {@code target}, then moves it into place. Blocks on disk I/O. */
    void saveAs(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path part = dir.resolve(target.getFileName() + ".part");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(part)) {
                wb.write(out);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new ComptoirException(UserMessage.of("export.error.write", target, e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        wb.dispose(); // the temporary files of the streamed rows
        try {
            wb.close();
        } catch (IOException e) {
            // nothing was written to a stream we own any more
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file left behind is not worth failing over
        }
    }

    private void put(Cell cell, Object value, Kind kind) {
        if (value == null) {
            return; // an empty cell, not the text "null"
        }
        if (value instanceof LocalDateTime t) {
            cell.setCellValue(t);
            cell.setCellStyle(dateTime);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(plain);
        } else {
            String s = value.toString();
            cell.setCellValue(s.length() > CELL_TEXT_MAX ? s.substring(0, CELL_TEXT_MAX) : s);
            cell.setCellStyle(kind == Kind.WRAP ? wrap : plain);
        }
    }

    /** Rows under a styled header; {@link #finish} puts the auto-filter over what was written. */
    final class Table {
        private final SXSSFSheet sheet;
        private final List<Column> columns;
        private final int headerRow;
        private int next;

        private Table(SXSSFSheet sheet, List<Column> columns, int headerRow) {
            this.sheet = sheet;
            this.columns = List.copyOf(columns);
            this.headerRow = headerRow;
            Row h = sheet.createRow(headerRow);
            for (int i = 0; i < columns.size(); i++) {
                Cell c = h.createCell(i);
                c.setCellValue(columns.get(i).header());
                c.setCellStyle(header);
                int width = Math.max(columns.get(i).width(), Math.min(columns.get(i).header().length() + 2, 40));
                if (sheet.getColumnWidth(i) < width * 256) {
                    sheet.setColumnWidth(i, width * 256);
                }
            }
            next = headerRow + 1;
        }

        /** One row, a value per column (null for an empty cell). */
        void add(Object... values) {
            Row r = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) { // no cell at all: Excel's filter then offers "(empty)"
                    put(r.createCell(i), values[i], columns.get(i).kind());
                }
            }
        }

        long rows() {
            return next - headerRow - 1;
        }

        int nextRow() {
            return next;
        }

        void finish() {
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, next - 1), 0, columns.size() - 1));
        }
    }
}
