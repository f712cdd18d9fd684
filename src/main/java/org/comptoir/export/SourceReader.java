package org.comptoir.export;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/**
 * Reads the first sheet of an .xlsx, .xls or .csv file, recognised by its content (a .xls that is really an
 * .xlsx still opens), and refuses, with a sentence naming the place, what cannot be imported safely: not a
 * spreadsheet, empty, password-protected, a formula (a computed value is not a recorded fact), merged cells
 * (whose value belongs to which row?), more than {@code maxRows} rows. Nothing is written here.
 */
final class SourceReader {

    /** A row limit far above a shop's customer list, checked while reading: a million-row file stops early. */
    static final int MAX_ROWS = 200_000;

    private final int maxRows;

    SourceReader(int maxRows) {
        this.maxRows = maxRows;
    }

    SourceTable read(Path file) {
        String name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw problem("export.import.error.missing", name);
            }
            if (Files.size(file) == 0) {
                throw problem("export.import.error.empty", name);
            }
            FileMagic magic;
            try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
                magic = FileMagic.valueOf(in);
            }
            SourceTable table = switch (magic) {
                case OOXML -> new XlsxSource(this).read(file);
                case OLE2 -> new XlsSource(this).read(file);
                case UNKNOWN -> csvOrNothing(file, name);
                default -> throw problem("export.import.error.not.spreadsheet", name);
            };
            if (table.header().isEmpty() || table.rows().isEmpty()) {
                throw problem("export.import.error.empty", name);
            }
            return table;
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("export.import.error.read", name, e.getMessage()), e);
        }
    }

    private SourceTable csvOrNothing(Path file, String name) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".csv") || lower.endsWith(".txt"))) {
            throw problem("export.import.error.not.spreadsheet", name);
        }
        return new CsvSource(this).read(file);
    }

    /** Counts a data row; past the limit the whole file is refused. */
    void checkSize(int rowsSoFar, String name) {
        if (rowsSoFar > maxRows) {
            throw problem("export.import.error.too.many", name, maxRows);
        }
    }

    static ComptoirException problem(String key, Object... args) {
        return new ComptoirException(UserMessage.of(key, args));
    }

    /** A number as a person would type it: 612345678, not 6.12345678E8 or 612345678.0. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The header (first non-empty row) and the rows after it, trimmed of empty trailing rows. */
    static SourceTable table(String sheet, List<SourceTable.Row> all) {
        List<String> header = List.of();
        List<SourceTable.Row> rows = new ArrayList<>();
        for (SourceTable.Row r : all) {
            if (header.isEmpty()) {
                if (!r.blank()) {
                    header = r.cells().stream().map(c -> c.text().strip()).toList();
                }
            } else {
                rows.add(r);
            }
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).blank()) {
            rows.remove(rows.size() - 1);
        }
        return new SourceTable(sheet, header, rows);
    }
}
