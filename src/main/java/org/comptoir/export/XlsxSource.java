package org.comptoir.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an .xlsx read as a stream of XML events (POI's event API), never as a whole workbook in
 * memory: a file of a million rows is refused after {@link SourceReader#MAX_ROWS} rows without having been
 * loaded.
 */
final class XlsxSource {

    private final SourceReader reader;

    XlsxSource(SourceReader reader) {
        this.reader = reader;
    }

    SourceTable read(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader xssf = new XSSFReader(pkg);
            StylesTable styles = xssf.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) xssf.getSheetsData();
            if (!sheets.hasNext()) {
                throw SourceReader.problem("export.import.error.empty", name);
            }
            try (InputStream sheet = sheets.next()) {
                String sheetName = sheets.getSheetName();
                Handler handler = new Handler(name, styles, strings);
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(handler);
                xml.parse(new InputSource(sheet));
                return SourceReader.table(sheetName, handler.rows);
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException | POIXMLException | SAXException
                 | ParserConfigurationException | EncryptedDocumentException e) {
            throw SourceReader.problem("export.import.error.not.spreadsheet", name);
        } catch (OpenXML4JException e) {
            throw SourceReader.problem("export.import.error.not.spreadsheet", name);
        }
    }

    /** Collects rows as text; stops the parse (by throwing) at the first formula, merged range or excess row. */
    private final class Handler extends DefaultHandler {
        private final String file;
        private final StylesTable styles;
        private final ReadOnlySharedStringsTable strings;
        final List<SourceTable.Row> rows = new ArrayList<>();
        private List<SourceTable.Cell> cells;
        private int line;
        private String ref;
        private String type;
        private String style;
        private boolean formula;
        private boolean inValue;
        private final StringBuilder value = new StringBuilder();

        Handler(String file, StylesTable styles, ReadOnlySharedStringsTable strings) {
            this.file = file;
            this.styles = styles;
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "row" -> {
                    String r = atts.getValue("r");
                    line = r == null ? line + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    reader.checkSize(rows.size(), file); // the header row is counted too: one row of slack
                }
                case "c" -> {
                    ref = atts.getValue("r");
                    type = atts.getValue("t");
                    style = atts.getValue("s");
                    formula = false;
                    value.setLength(0);
                }
                case "f" -> formula = true;
                case "v", "t" -> inValue = true;
                case "mergeCell" -> throw SourceReader.problem("export.import.error.merged", file, atts.getValue("ref"));
                default -> {
                    // other elements (sheet views, columns, rich-text runs) carry nothing the import reads
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    if (formula) {
                        throw SourceReader.problem("export.import.error.formula", file, ref);
                    }
                    int col = ref == null ? cells.size() : new CellReference(ref).getCol();
                    while (cells.size() < col) {
                        cells.add(SourceTable.Cell.EMPTY);
                    }
                    cells.add(cell());
                }
                case "row" -> rows.add(new SourceTable.Row(line, cells));
                default -> {
                }
            }
        }

        private SourceTable.Cell cell() {
            String v = value.toString();
            if (type == null || type.equals("n")) {
                if (v.isEmpty()) {
                    return SourceTable.Cell.EMPTY;
                }
                double d = Double.parseDouble(v);
                if (style != null) {
                    XSSFCellStyle st = styles.getStyleAt(Integer.parseInt(style));
                    if (st != null && DateUtil.isADateFormat(st.getDataFormat(), st.getDataFormatString())
                            && DateUtil.isValidExcelDate(d)) {
                        LocalDate date = DateUtil.getLocalDateTime(d).toLocalDate();
                        return new SourceTable.Cell(date.toString(), date);
                    }
                }
                return new SourceTable.Cell(SourceReader.number(d), null);
            }
            return switch (type) {
                case "s" -> new SourceTable.Cell(strings.getItemAt(Integer.parseInt(v.strip())).getString(), null);
                case "b" -> new SourceTable.Cell("1".equals(v) ? "TRUE" : "FALSE", null);
                default -> new SourceTable.Cell(v, null); // inlineStr, str, e (an error such as #N/A: refused as text)
            };
        }
    }
}
