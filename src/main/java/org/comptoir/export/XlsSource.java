package org.comptoir.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * An OLE2 file: an .xls (Excel 97–2003, at most 65,536 rows, so read whole; the sheet to import picked by the
 * {@link SourceReader.Chooser}; dates in the workbook's own 1900 or 1904 system, which POI's cells apply), or an
 * encrypted .xlsx, which Office wraps in the same container with an {@code EncryptionInfo} entry: refused as
 * password-protected.
 */
final class XlsSource {

    private final SourceReader reader;

    XlsSource(SourceReader reader) {
        this.reader = reader;
    }

    SourceTable read(Path file, SourceReader.Chooser chooser) throws IOException {
        String name = file.getFileName().toString();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                throw SourceReader.problem("export.import.error.password", name);
            }
            try (HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), true)) {
                if (wb.getNumberOfSheets() == 0) {
                    throw SourceReader.problem("export.import.error.empty", name);
                }
                List<SourceReader.SheetHeader> headers = new ArrayList<>();
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    headers.add(new SourceReader.SheetHeader(wb.getSheetName(i), header(wb.getSheetAt(i))));
                }
                return sheet(wb.getSheetAt(chooser.choose(headers)), name);
            }
        } catch (EncryptedDocumentException e) {
            throw SourceReader.problem("export.import.error.password", name);
        } catch (OldExcelFormatException e) {
            throw SourceReader.problem("export.import.error.old.format", name);
        } catch (IllegalArgumentException | org.apache.poi.poifs.filesystem.NotOLE2FileException
                 | org.apache.poi.util.RecordFormatException e) {
            // an OLE2 file that is not a workbook (a Word document) or a damaged one
            throw SourceReader.problem("export.import.error.not.spreadsheet", name);
        }
    }

    /** The sheet's first non-empty row as text, nothing refused (the sheet may not be the one imported). */
    private static List<String> header(Sheet sheet) {
        DataFormatter text = new DataFormatter();
        for (Row r : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < Math.max(0, r.getLastCellNum()); i++) {
                Cell c = r.getCell(i);
                cells.add(c == null ? "" : text.formatCellValue(c).strip());
            }
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                return cells;
            }
        }
        return List.of();
    }

    private SourceTable sheet(Sheet sheet, String name) {
        if (sheet.getNumMergedRegions() > 0) {
            throw SourceReader.problem("export.import.error.merged", name, sheet.getMergedRegion(0).formatAsString());
        }
        List<SourceTable.Row> rows = new ArrayList<>();
        for (Row r : sheet) {
            reader.checkSize(rows.size(), name);
            List<SourceTable.Cell> cells = new ArrayList<>();
            for (int i = 0; i < Math.max(0, r.getLastCellNum()); i++) {
                cells.add(cell(r.getCell(i), name));
            }
            rows.add(new SourceTable.Row(r.getRowNum() + 1, cells));
        }
        return SourceReader.table(sheet.getSheetName(), rows);
    }

    private static SourceTable.Cell cell(Cell c, String name) {
        if (c == null) {
            return SourceTable.Cell.EMPTY;
        }
        return switch (c.getCellType()) {
            case FORMULA -> throw SourceReader.problem("export.import.error.formula", name, c.getAddress().formatAsString());
            case NUMERIC -> DateUtil.isCellDateFormatted(c)
                    ? new SourceTable.Cell(c.getLocalDateTimeCellValue().toLocalDate().toString(),
                            c.getLocalDateTimeCellValue().toLocalDate())
                    : new SourceTable.Cell(SourceReader.number(c.getNumericCellValue()), null);
            case STRING -> new SourceTable.Cell(c.getStringCellValue(), null);
            case BOOLEAN -> new SourceTable.Cell(c.getBooleanCellValue() ? "TRUE" : "FALSE", null);
            case ERROR -> new SourceTable.Cell("#ERROR", null);
            default -> SourceTable.Cell.EMPTY;
        };
    }
}
