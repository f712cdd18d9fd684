package org.comptoir.export;

import java.time.LocalDate;
import java.util.List;

/**
 * The first sheet of an imported file as text: its header (the first non-empty row) and the rows under it,
 * each cell either text or, for a real date cell, a date. Row numbers are the file's own (1 = first line), so a
 * refusal report points where the owner looks.
 */
record SourceTable(String sheet, List<String> header, List<Row> rows) {

    /** One cell; {@code date} is set only for a cell the spreadsheet itself holds as a date. */
    record Cell(String text, LocalDate date) {
        static final Cell EMPTY = new Cell("", null);

        boolean blank() {
            return date == null && text.isBlank();
        }
    }

    record Row(int line, List<Cell> cells) {
        Cell cell(int column) {
            return column < cells.size() ? cells.get(column) : Cell.EMPTY;
        }

        boolean blank() {
            return cells.stream().allMatch(Cell::blank);
        }
    }
}
