package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.comptoir.AppContext;
import org.comptoir.cli.CliHarness.Result;
import org.comptoir.consent.Channel;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export consents}, {@code export proof} and {@code import contacts} through the real command line. */
class ExportImportCliTest {

    @TempDir
    Path dir;

    Path data;

    Result run(String... args) {
        return CliHarness.run(data, args);
    }

    @BeforeEach
    void marieSaysYesThenStop() {
        data = dir.resolve("data");
        try (AppContext ctx = AppContext.open(data)) {
            ctx.settings().set("shop.name", "Léa Fleurs");
            long w = ctx.consent().currentWording().id();
            PhoneNumber marie = new PhoneNumber("+33612345678");
            ctx.consent().recordOptIn(marie, "Marie", w, Channel.TILL, "Léa");
            ctx.consent().recordOptOut(marie, Channel.SMS_KEYWORD, null, "STOP");
        }
    }

    @Test
    void exportConsentsWritesTheWorkbookAndPrintsTheHead() throws IOException {
        Path out = dir.resolve("registre.xlsx");
        Result r = run("export", "consents", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Registre exporté : 2 événements dans " + out.toAbsolutePath())
                .containsPattern("Tête du registre : n° 2, empreinte [0-9a-f]{64}");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(wb.getSheet("Registre des consentements").getLastRowNum()).isEqualTo(2);
        }
        try (AppContext ctx = AppContext.open(data)) {
            long audits = ctx.database().withConnection(c -> Jdbc.queryLong(c,
                    "SELECT COUNT(*) FROM audit WHERE action = 'EXPORT' AND actor = 'cli'"));
            assertThat(audits).isEqualTo(1);
        }
    }

    @Test
    void aFolderGetsTheDefaultNameAndDatesAreChecked() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("exports"));
        Result r = run("export", "consents", "--out", folder.toString(), "--from", "01/01/2020", "--to", "2020-12-31");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Registre exporté : 0 événements");
        assertThat(folder.resolve("Léa Fleurs - registre des consentements - " + LocalDate.now() + ".xlsx")).exists();

        Result bad = run("export", "consents", "--out", folder.toString(), "--from", "hier");
        assertThat(bad.code()).isEqualTo(Cli.FAILED);
        assertThat(bad.err()).contains("« hier » n'est pas une date (par exemple 31/12/2026 ou 2026-12-31).");
        Result reversed = run("export", "consents", "--from", "2026-02-01", "--to", "2026-01-01");
        assertThat(reversed.code()).isEqualTo(Cli.FAILED);
        assertThat(reversed.err()).contains("La date de fin (2026-01-01) est avant la date de début (2026-02-01).");
    }

    @Test
    void exportProofAfterAStop() throws IOException {
        Path out = dir.resolve("preuve.xlsx");
        Result r = run("export", "proof", "06 12 34 56 78", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Preuve exportée : 2 événements dans " + out.toAbsolutePath());
        assertThat(out).exists();
        Result unknown = run("export", "proof", "06 99 99 99 99", "--out", dir.resolve("x.xlsx").toString());
        assertThat(unknown.code()).isEqualTo(Cli.FAILED);
        assertThat(unknown.err()).contains("Le registre ne contient aucun événement pour le numéro 06 99 99 99 99.");
        Result invalid = run("export", "proof", "01 23 45 67 89");
        assertThat(invalid.code()).isEqualTo(Cli.FAILED);
        assertThat(invalid.err()).contains("numéro de fixe");
    }

    @Test
    void importContactsPrintsTheCountsAndTheRefusalReport() throws IOException {
        Path csv = dir.resolve("clients.csv");
        Files.writeString(csv, "Numéro de client;Tél;Prénom;Date consentement;Source\n"
                + "1;06 11 11 11 11;Ana;02/03/2025;papier\n"
                + "2;06 22 22 22 22;Luc;;\n"
                + "3;06 12 34 56 78;Marie;02/03/2025;papier\n"      // said STOP
                + "4;123;Bob;;\n", StandardCharsets.UTF_8);
        Result dry = run("import", "contacts", csv.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Essai (rien n'est enregistré) de clients.csv")
                .contains("importés avec consentement : 1").contains("importés sans consentement : 1")
                .contains("refusés : 2").contains("Lignes refusées et leurs motifs : ");
        Result real = run("import", "contacts", csv.toString(), "--map", "Numéro de client=ignore",
                "--refusals", dir.resolve("refus.xlsx").toString());
        assertThat(real.code()).as(real.err()).isZero();
        assertThat(real.out()).contains("Import de clients.csv (feuille « clients.csv ») :")
                .contains("importés avec consentement : 1").contains("refusés : 2")
                .contains("Lignes refusées et leurs motifs : " + dir.resolve("refus.xlsx").toAbsolutePath());
        Result show = run("contact", "show", "06 22 22 22 22");
        assertThat(show.out()).contains("Statut : jamais sollicité");
        Result stop = run("contact", "show", "06 12 34 56 78");
        assertThat(stop.out()).contains("s'est désinscrit");
    }

    @Test
    void sheetNamesTheWorkbooksSheetToImport() throws IOException {
        Path file = dir.resolve("deux.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            for (String[] sheet : new String[][] {{"Boutique", "06 11 11 11 11"}, {"Salon", "06 22 22 22 22"}}) {
                var s = wb.createSheet(sheet[0]);
                s.createRow(0).createCell(0).setCellValue("Portable");
                s.createRow(1).createCell(0).setCellValue(sheet[1]);
            }
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        Result ambiguous = run("import", "contacts", file.toString());
        assertThat(ambiguous.code()).isEqualTo(Cli.FAILED);
        assertThat(ambiguous.err()).contains("Plusieurs feuilles du fichier deux.xlsx peuvent être importées : "
                + "Boutique | Salon.");
        Result salon = run("import", "contacts", file.toString(), "--sheet", "Salon");
        assertThat(salon.code()).as(salon.err()).isZero();
        assertThat(salon.out()).contains("Import de deux.xlsx (feuille « Salon ») :").contains("importés sans consentement : 1");
        assertThat(run("contact", "show", "06 22 22 22 22").out()).contains("Statut : jamais sollicité");
    }

    @Test
    void aMalformedFileExitsOneWithItsSentence() throws IOException {
        Path pdf = Files.write(dir.resolve("clients.xlsx"), "%PDF-1.7 not a workbook".getBytes(StandardCharsets.US_ASCII));
        Result r = run("import", "contacts", pdf.toString());
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("Le fichier clients.xlsx n'est pas un tableur lisible");
        Result badMap = run("import", "contacts", pdf.toString(), "--map", "x");
        assertThat(badMap.code()).isEqualTo(Cli.USAGE);
    }
}
