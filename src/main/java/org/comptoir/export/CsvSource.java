package org.comptoir.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as Excel and other programs write it (RFC 4180 quoting, line breaks inside quotes): UTF-8 (with or
 * without a byte-order mark), else Windows-1252 (what Excel for Windows writes as "CSV"); separator {@code ;}
 * (French Excel), {@code ,} or tab, whichever the header line holds most of. A NUL character means a binary
 * file renamed .csv. Every cell is text: dates are recognised later by {@link DateText}.
 */
final class CsvSource {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF = 64 * 1024;

    private final SourceReader reader;

    CsvSource(SourceReader reader) {
        this.reader = reader;
    }

    /** A CSV file is one sheet, named after the file: the chooser still refuses another name. */
    SourceTable read(Path file, SourceReader.Chooser chooser) throws IOException {
        SourceTable table;
        try {
            table = parse(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            table = parse(file, WINDOWS_1252); // every byte is a Windows-1252 character: this cannot fail
        }
        chooser.choose(List.of(new SourceReader.SheetHeader(table.sheet(), table.header())));
        return table;
    }

    private SourceTable parse(Path file, Charset charset) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file);
             Reader r = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), SNIFF)) {
            r.mark(SNIFF);
            char separator = separator(r);
            r.reset();
            List<SourceTable.Row> rows = new ArrayList<>();
            List<SourceTable.Cell> cells = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean first = true;
            int line = 1;
            int startLine = 1;
            int ch;
            while ((ch = r.read()) != -1) {
                char c = (char) ch;
                if (c == '\0') {
                    throw SourceReader.problem("export.import.error.not.spreadsheet", name);
                }
                if (first && c == '\uFEFF') { // byte-order mark
                    first = false;
                    continue;
                }
                first = false;
                if (quoted) {
                    if (c == '"') {
                        r.mark(1);
                        int next = r.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                r.reset();
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == separator) {
                    cells.add(new SourceTable.Cell(field.toString(), null));
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        r.mark(1);
                        if (r.read() != '\n') {
                            r.reset();
                        }
                    }
                    cells.add(new SourceTable.Cell(field.toString(), null));
                    field.setLength(0);
                    rows.add(new SourceTable.Row(startLine, cells));
                    reader.checkSize(rows.size() - 1, name);
                    cells = new ArrayList<>();
                    line++;
                    startLine = line;
                } else {
                    field.append(c);
                }
            }
            if (!field.isEmpty() || !cells.isEmpty()) {
                cells.add(new SourceTable.Cell(field.toString(), null));
                rows.add(new SourceTable.Row(startLine, cells));
            }
            return SourceReader.table(name, rows);
        }
    }

    /** The separator the first line uses most, outside quotes; {@code ,} when it has none. */
    private static char separator(Reader r) throws IOException {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        int ch;
        int read = 0;
        while ((ch = r.read()) != -1 && read++ < SNIFF - 1) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                break;
            } else if (!quoted) {
                semicolons += ch == ';' ? 1 : 0;
                commas += ch == ',' ? 1 : 0;
                tabs += ch == '\t' ? 1 : 0;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }
}
