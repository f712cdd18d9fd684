package org.comptoir.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The spreadsheet the interrupted-import tests bring: sheet "Clients", row {@code i} (file line {@code i + 2}) is
 * {@code 06 10 …i}, first name {@code Client<i>}, a consent dated {@link #consentDate} from "salon" except every third
 * row (no consent), and a tag.
 */
final class ImportFile {

    private ImportFile() {
    }

    static boolean withConsent(long i) {
        return i % 3 != 0;
    }

    static LocalDate consentDate(long i) {
        return LocalDate.of(2025, 1, 1).plusDays(i % 300);
    }

    static String number(long i) {
        return String.format("06 10 %02d %02d %02d", i / 10_000, i / 100 % 100, i % 100);
    }

    static Path write(Path file, int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Sheet s = wb.createSheet("Clients");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            String[] header = {"Téléphone", "Prénom", "Date consentement", "Source", "Étiquettes"};
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int i = 0; i < rows; i++) {
                Row r = s.createRow(i + 1);
                r.createCell(0).setCellValue(number(i));
                r.createCell(1).setCellValue("Client" + i);
                if (withConsent(i)) {
                    var c = r.createCell(2);
                    c.setCellValue(consentDate(i));
                    c.setCellStyle(date);
                    r.createCell(3).setCellValue("salon");
                }
                r.createCell(4).setCellValue(i % 2 == 0 ? "vip" : "salon");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
        return file;
    }
}
