package org.comptoir.export;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentWording;
import org.comptoir.consent.ContactDirectory;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an exported workbook back with POI, cell by cell, for the export and import tests. */
final class WorkbookReading {

    private WorkbookReading() {
    }

    static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    static List<String> header(XSSFSheet sheet) {
        return header(sheet, 0);
    }

    static List<String> header(XSSFSheet sheet, int row) {
        List<String> names = new ArrayList<>();
        sheet.getRow(row).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    /** A frozen, bold header with an auto-filter over every column and row, and widths for reading. */
    static void assertStyledTable(XSSFSheet sheet, int columns, int rows) {
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        String last = org.apache.poi.ss.util.CellReference.convertNumToColString(columns - 1);
        assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:" + last + (rows + 1));
        Cell first = sheet.getRow(0).getCell(0);
        assertThat(sheet.getWorkbook().getFontAt(first.getCellStyle().getFontIndex()).getBold()).isTrue();
        for (int i = 0; i < columns; i++) {
            assertThat(sheet.getColumnWidth(i)).as("width of column " + i).isGreaterThanOrEqualTo(6 * 256);
        }
    }

    static LocalDateTime date(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).as("a real date cell").isTrue();
        LocalDateTime t = cell.getLocalDateTimeCellValue();
        return t.withNano(Math.round(t.getNano() / 1_000_000f) * 1_000_000 % 1_000_000_000);
    }

    static String str(Row r, int i) {
        Cell c = r.getCell(i);
        if (c == null) {
            return null;
        }
        assertThat(c.getCellType()).as("column " + i).isEqualTo(CellType.STRING);
        return c.getStringCellValue();
    }

    static Double num(Row r, int i) {
        Cell c = r.getCell(i);
        if (c == null) {
            return null;
        }
        assertThat(c.getCellType()).as("column " + i).isEqualTo(CellType.NUMERIC);
        return c.getNumericCellValue();
    }

    static String text(XSSFSheet s, int row, int col) {
        return new DataFormatter().formatCellValue(s.getRow(row).getCell(col));
    }

    /** The value beside the first cell in column A reading {@code label}, as Excel shows it. */
    static String labelled(XSSFSheet s, String label) {
        return new DataFormatter().formatCellValue(valueOf(s, label));
    }

    static LocalDateTime dateOf(XSSFSheet s, String label) {
        return date(valueOf(s, label)).withNano(0);
    }

    private static Cell valueOf(XSSFSheet s, String label) {
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
                return r.getCell(1);
            }
        }
        throw new AssertionError("no line " + label);
    }

    static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
