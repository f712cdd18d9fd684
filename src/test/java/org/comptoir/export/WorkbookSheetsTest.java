package org.comptoir.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.comptoir.consent.ConsentEventView;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every sheet of a workbook is considered, and dates are read in the workbook's own date system (1900 or 1904). */
class WorkbookSheetsTest {

    @TempDir
    Path dir;
    ExportFixture f;

    @BeforeEach
    void open() {
        f = new ExportFixture(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** A notes sheet first, the customers second, a totals sheet third: what shops' workbooks look like. */
    private Path workbook(Workbook wb, String name, String... customerSheets) throws IOException {
        Sheets.fill(wb, "Notes", new Object[][] {{"Liste reçue du salon, à importer"}, {"mise à jour le 3 mars"}});
        int n = 0;
        for (String sheet : customerSheets) {
            Sheets.fill(wb, sheet, new Object[][] {
                {"Portable", "Prénom", "Date consentement", "Source"},
                {String.format("06 12 34 56 %02d", n++), "Marie", LocalDate.of(2025, 3, 2), "salon"},
                {String.format("06 12 34 56 %02d", n++), "Paul", null, null}});
        }
        Sheets.fill(wb, "Totaux", new Object[][] {{"Total", "Montant"}, {"mars", 120}});
        Path file = dir.resolve(name);
        Sheets.write(wb, file);
        wb.close();
        return file;
    }

    @Test
    void theSheetWithARecognisedNumberColumnIsImportedWhereverItIs() throws IOException {
        for (Path file : List.of(workbook(new XSSFWorkbook(), "salon.xlsx", "Clients"),
                workbook(new HSSFWorkbook(), "salon.xls", "Clients"))) {
            ImportReport r = f.imports.importContacts(file, Map.of(), true, null, "owner", Progress.NONE);
            assertThat(r.sheet()).isEqualTo("Clients");
            assertThat(List.of(r.withConsent(), r.withoutConsent(), r.refused())).containsExactly(1L, 1L, 0L);
        }
        assertThat(f.imports.sheets(dir.resolve("salon.xlsx"), Map.of())).extracting(ImportService.Sheet::name,
                ImportService.Sheet::importable).containsExactly(org.assertj.core.groups.Tuple.tuple("Notes", false),
                org.assertj.core.groups.Tuple.tuple("Clients", true), org.assertj.core.groups.Tuple.tuple("Totaux", false));
    }

    @Test
    void twoImportableSheetsAreTheOwnersChoiceAndTheNamedOneIsRead() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "deux.xlsx", "Boutique", "Salon");
        String before = f.dump();
        assertThatThrownBy(() -> f.imports.importContacts(file, Map.of(), false, null, "owner", Progress.NONE))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(Messages.forLanguage("fr")
                        .render(e.userMessage())).isEqualTo("Plusieurs feuilles du fichier deux.xlsx peuvent être "
                                + "importées : Boutique | Salon. Choisissez-en une (--sheet NOM, ou dans l'écran "
                                + "d'import). Rien n'a été importé."));
        assertThat(f.dump()).isEqualTo(before);

        ImportReport r = f.imports.importContacts(file, "salon", Map.of(), false, null, "owner", Progress.NONE);
        assertThat(r.sheet()).isEqualTo("Salon");
        // the Salon sheet's rows, not the Boutique's: numbers 06 12 34 56 02 and 03
        assertThat(f.count("SELECT COUNT(*) FROM contact WHERE phone_e164 IN ('+33612345602', '+33612345603')"))
                .isEqualTo(2);
        assertThat(f.count("SELECT COUNT(*) FROM contact")).isEqualTo(2);
        assertThat(f.count("SELECT COUNT(*) FROM consent_event WHERE evidence LIKE '%sheet=Salon; row=2;%'"))
                .isEqualTo(1);
    }

    @Test
    void anUnknownSheetNameListsTheSheetsAndChangesNothing() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "salon.xlsx", "Clients");
        String before = f.dump();
        assertThatThrownBy(() -> f.imports.importContacts(file, "Feuil1", Map.of(), false, null, "owner",
                Progress.NONE)).isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(
                        Messages.forLanguage("en").render(e.userMessage())).isEqualTo("The file salon.xlsx has no "
                                + "sheet named \u201cFeuil1\u201d. Its sheets: Notes | Clients | Totaux. Nothing was imported."));
        assertThat(f.dump()).isEqualTo(before);
    }

    @Test
    void severalSheetsNoneRecognisedAskForTheSheetAndItsNumberColumn() throws IOException {
        Path file = dir.resolve("inconnu.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheets.fill(wb, "A", new Object[][] {{"Numéro client", "Nom"}, {"0612345678", "Marie"}});
            Sheets.fill(wb, "B", new Object[][] {{"Code", "Montant"}, {"X1", 3}});
            Sheets.write(wb, file);
        }
        assertThatThrownBy(() -> f.imports.importContacts(file, Map.of(), true, null, "owner", Progress.NONE))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.userMessage().key())
                        .isEqualTo("export.import.error.sheet.none"));
        // the owner names the sheet and its number column: the mapping is applied to that sheet
        ImportReport r = f.imports.importContacts(file, "A", Map.of("Numéro client", "phone"), true, null, "owner",
                Progress.NONE);
        assertThat(r.sheet()).isEqualTo("A");
        assertThat(r.withoutConsent()).isEqualTo(1);
    }

    @Test
    void aWorkbookCountingDatesFrom1904IsReadOnTheRightDay() throws IOException {
        LocalDate consented = LocalDate.of(2025, 3, 2);
        Path file = dir.resolve("mac.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            // POI's 1904 flag: the workbook property Excel sets with "Use 1904 date system"
            wb.getCTWorkbook().getWorkbookPr().setDate1904(true);
            assertThat(wb.isDate1904()).isTrue();
            Sheets.fill(wb, "Clients", new Object[][] {
                {"Téléphone", "Date consentement", "Source"},
                {"06 12 34 56 78", consented, "papier"}});
            // the serial number stored is the 1904 one: 1,462 days less than the 1900 system's for the same day
            assertThat(wb.getSheet("Clients").getRow(1).getCell(1).getNumericCellValue())
                    .isEqualTo(org.apache.poi.ss.usermodel.DateUtil.getExcelDate(consented, true));
            Sheets.write(wb, file);
        }
        f.imports.importContacts(file, Map.of(), false, null, "owner", Progress.NONE);
        List<ConsentEventView> history = f.consent.history(((org.comptoir.phone.PhoneParse.Valid) f.numbers.parseMobile("0612345678")).number());
        assertThat(history).singleElement().satisfies(e -> assertThat(e.evidence()).contains("consent-date=2025-03-02"));
    }
}
