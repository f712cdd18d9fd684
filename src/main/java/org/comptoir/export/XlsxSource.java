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
 * A sheet of an .xlsx read as a stream of XML events (POI's event API), never as a whole workbook in memory: a
 * file of a million rows is refused after {@link SourceReader#MAX_ROWS} rows without having been loaded. Every
 * sheet's header is read first so the {@link SourceReader.Chooser} can pick the sheet to import; dates follow the
 * workbook's date system (1900 or 1904).
 */
final class XlsxSource {

    private final SourceReader reader;

    XlsxSource(SourceReader reader) {
        this.reader = reader;
    }

    SourceTable read(Path file, SourceReader.Chooser chooser) throws IOException {
        String name = file.getFileName().toString();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader xssf = new XSSFReader(pkg);
            StylesTable styles = xssf.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            boolean date1904 = date1904(xssf);
            // first the header of every sheet (each parse stops at its first non-empty row), then the chosen one whole
            List<SourceReader.SheetHeader> headers = new ArrayList<>();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) xssf.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    Handler handler = new Handler(name, styles, strings, date1904, true);
                    parse(sheet, handler);
                    headers.add(new SourceReader.SheetHeader(sheets.getSheetName(),
                            SourceReader.table(sheets.getSheetName(), handler.rows).header()));
                }
            }
            if (headers.isEmpty()) {
                throw SourceReader.problem("export.import.error.empty", name);
            }
            int chosen = chooser.choose(headers);
            sheets = (XSSFReader.SheetIterator) xssf.getSheetsData();
            for (int i = 0; i < chosen; i++) {
                sheets.next().close();
            }
            try (InputStream sheet = sheets.next()) {
                Handler handler = new Handler(name, styles, strings, date1904, false);
                parse(sheet, handler);
                return SourceReader.table(headers.get(chosen).name(), handler.rows);
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException | POIXMLException | SAXException
                 | ParserConfigurationException | EncryptedDocumentException e) {
            throw SourceReader.problem("export.import.error.not.spreadsheet", name);
        } catch (OpenXML4JException e) {
            throw SourceReader.problem("export.import.error.not.spreadsheet", name);
        }
    }

    private static void parse(InputStream sheet, Handler handler) throws IOException, SAXException,
            ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        try {
            xml.parse(new InputSource(sheet));
        } catch (HeaderFound done) {
            // the header-only pass has what it came for
        }
    }

    /**
     * Whether the workbook counts its dates from 1904 (Excel for Mac before 2011 wrote such files; a checkbox
     * still sets it): the same serial number is then a day 1,462 days later than in the 1900 system.
     */
    private static boolean date1904(XSSFReader xssf) throws IOException, InvalidFormatException, SAXException,
            ParserConfigurationException {
        boolean[] found = new boolean[1];
        try (InputStream workbook = xssf.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    if (localName.equals("workbookPr")) {
                        String v = atts.getValue("date1904");
                        found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
            xml.parse(new InputSource(workbook));
        }
        return found[0];
    }

    /** Thrown by a header-only handler at the end of the first non-empty row, to stop the parse there. */
    private static final class HeaderFound extends SAXException {
        HeaderFound() {
            super("header read");
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

        private final boolean date1904;
        private final boolean headerOnly;

        /** @param headerOnly stop after the first non-empty row, and refuse nothing (the sheet may not be chosen) */
        Handler(String file, StylesTable styles, ReadOnlySharedStringsTable strings, boolean date1904,
                boolean headerOnly) {
            this.file = file;
            this.styles = styles;
            this.strings = strings;
            this.date1904 = date1904;
            this.headerOnly = headerOnly;
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
                case "mergeCell" -> {
                    if (!headerOnly) {
                        throw SourceReader.problem("export.import.error.merged", file, atts.getValue("ref"));
                    }
                }
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
        public void endElement(String uri, String localName, String qName) throws HeaderFound {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    if (formula && !headerOnly) {
                        throw SourceReader.problem("export.import.error.formula", file, ref);
                    }
                    int col = ref == null ? cells.size() : new CellReference(ref).getCol();
                    while (cells.size() < col) {
                        cells.add(SourceTable.Cell.EMPTY);
                    }
                    cells.add(cell());
                }
                case "row" -> {
                    SourceTable.Row row = new SourceTable.Row(line, cells);
                    rows.add(row);
                    if (headerOnly && !row.blank()) {
                        throw new HeaderFound();
                    }
                }
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
                        LocalDate date = DateUtil.getLocalDateTime(d, date1904).toLocalDate();
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
