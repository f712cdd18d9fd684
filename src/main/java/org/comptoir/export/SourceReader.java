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
 * Reads one sheet of an .xlsx, .xls or .csv file, recognised by its content (a .xls that is really an .xlsx still
 * opens): the sheet named by the owner, else the one sheet whose header can be imported (see {@link #chooser});
 * and refuses, with a sentence naming the place, what cannot be imported safely: not a
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

    /** A sheet of a workbook: its name and its header (first non-empty row; empty for an empty sheet). */
    record SheetHeader(String name, List<String> header) {
    }

    /** Picks the sheet to read, given every sheet's header; throws a ComptoirException for the owner instead. */
    interface Chooser {
        int choose(List<SheetHeader> sheets);
    }

    /**
     * The owner's sheet when {@code wanted} is set (by name, case and accents aside); else the only sheet whose
     * header {@code importable} accepts; else, when the workbook has one non-empty sheet, that one (its own error
     * follows). Several importable sheets, or none among several, is the owner's call: the message lists them.
     */
    static Chooser chooser(String file, String wanted, java.util.function.Predicate<List<String>> importable) {
        return sheets -> {
            List<String> names = sheets.stream().map(SheetHeader::name).toList();
            if (wanted != null && !wanted.isBlank()) {
                for (int i = 0; i < sheets.size(); i++) {
                    if (ImportField.normalise(sheets.get(i).name()).equals(ImportField.normalise(wanted))) {
                        return i;
                    }
                }
                throw problem("export.import.error.sheet.unknown", file, wanted.strip(), String.join(" | ", names));
            }
            List<Integer> candidates = new ArrayList<>();
            List<Integer> nonEmpty = new ArrayList<>();
            for (int i = 0; i < sheets.size(); i++) {
                if (!sheets.get(i).header().isEmpty()) {
                    nonEmpty.add(i);
                    if (importable.test(sheets.get(i).header())) {
                        candidates.add(i);
                    }
                }
            }
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            if (candidates.size() > 1) {
                throw problem("export.import.error.sheet.several", file,
                        String.join(" | ", candidates.stream().map(i -> sheets.get(i).name()).toList()));
            }
            if (nonEmpty.size() > 1) {
                throw problem("export.import.error.sheet.none", file, String.join(" | ", names));
            }
            return nonEmpty.isEmpty() ? 0 : nonEmpty.get(0);
        };
    }

    /** Every sheet's name and header, in the workbook's order; no sheet is read past its header. */
    List<SheetHeader> sheets(Path file) {
        List<SheetHeader> found = new ArrayList<>();
        try {
            read(file, sheets -> {
                found.addAll(sheets);
                throw new Listed();
            });
        } catch (Listed done) {
            return List.copyOf(found);
        }
        return List.copyOf(found); // an empty workbook: read() threw its own message before choosing
    }

    /** Stops a read once the chooser has seen the sheets. */
    private static final class Listed extends RuntimeException {
        Listed() {
            super(null, null, false, false);
        }
    }

    /** The first non-empty sheet (what the mapping assistant shows before the owner picks). */
    SourceTable read(Path file) {
        return read(file, sheets -> {
            for (int i = 0; i < sheets.size(); i++) {
                if (!sheets.get(i).header().isEmpty()) {
                    return i;
                }
            }
            return 0;
        });
    }

    SourceTable read(Path file, Chooser chooser) {
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
                case OOXML -> new XlsxSource(this).read(file, chooser);
                case OLE2 -> new XlsSource(this).read(file, chooser);
                case UNKNOWN -> csvOrNothing(file, name, chooser);
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

    private SourceTable csvOrNothing(Path file, String name, Chooser chooser) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".csv") || lower.endsWith(".txt"))) {
            throw problem("export.import.error.not.spreadsheet", name);
        }
        return new CsvSource(this).read(file, chooser);
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
