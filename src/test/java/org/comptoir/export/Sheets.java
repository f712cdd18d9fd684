package org.comptoir.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets made by the test as a shop's own files would be: real date cells, numbers, text. */
final class Sheets {

    private Sheets() {
    }

    static Path xlsx(Path file, String sheet, Object[][] rows) throws IOException {
        try (Workbook wb = new XSSFWorkbook()) {
            fill(wb, sheet, rows);
            write(wb, file);
        }
        return file;
    }

    static Path xls(Path file, String sheet, Object[][] rows) throws IOException {
        try (Workbook wb = new HSSFWorkbook()) {
            fill(wb, sheet, rows);
            write(wb, file);
        }
        return file;
    }

    static Sheet fill(Workbook wb, String name, Object[][] rows) {
        Sheet sheet = wb.createSheet(name);
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                continue; // a row left empty in the file
            }
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof String s && s.startsWith("=")) {
                    cell.setCellFormula(s.substring(1));
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
        return sheet;
    }

    static void write(Workbook wb, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }
}
