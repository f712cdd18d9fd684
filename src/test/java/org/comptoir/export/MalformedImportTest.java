package org.comptoir.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.comptoir.consent.Channel;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of files an import must refuse as a whole: each gets its sentence (French and English), and the
 * store, dumped table by table, is exactly as it was; no refusal report is left behind.
 */
class MalformedImportTest {

    @TempDir
    static Path corpus;

    @TempDir
    Path dir;

    ExportFixture f;
    String before;

    @BeforeEach
    void open() {
        f = new ExportFixture(dir.resolve("data"));
        long w = f.consent.currentWording().id();
        f.consent.recordOptIn(new PhoneNumber("+33612345678"), "Marie", w, Channel.TILL, "Léa");
        before = f.dump();
    }

    @AfterEach
    void close() {
        f.close();
    }

    interface Maker {
        Path make(Path dir) throws Exception;
    }

    static Object[][] goodRows() {
        return new Object[][] {{"Téléphone", "Prénom", "Date consentement", "Source"},
            {"0611111111", "Ana", LocalDate.of(2025, 1, 2), "papier"}, {"0622222222", "Luc", null, null}};
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("a PDF named .xlsx", (Maker) d -> write(d, "clients.xlsx",
                        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII)),
                        "export.import.error.not.spreadsheet",
                        "Le fichier clients.xlsx n'est pas un tableur lisible (.xlsx, .xls ou .csv). Enregistrez-le depuis "
                                + "votre tableur dans l'un de ces formats. Rien n'a été importé."),
                Arguments.of("binary bytes named .csv", (Maker) d -> write(d, "photo.csv",
                        new byte[] {'t', 'e', 'l', '\n', 0, 1, 2, 3, (byte) 0xFF, 0, 0}),
                        "export.import.error.not.spreadsheet", null),
                Arguments.of("a zip that is no workbook", (Maker) MalformedImportTest::zip,
                        "export.import.error.not.spreadsheet", null),
                Arguments.of("a Word document named .xls", (Maker) MalformedImportTest::word,
                        "export.import.error.not.spreadsheet", null),
                Arguments.of("an image named .txt", (Maker) d -> write(d, "liste.txt",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}),
                        "export.import.error.not.spreadsheet", null),
                Arguments.of("a text file named .docx", (Maker) d -> write(d, "clients.docx",
                        "tel\n0611111111\n".getBytes(StandardCharsets.UTF_8)),
                        "export.import.error.not.spreadsheet", null),
                Arguments.of("0 bytes", (Maker) d -> write(d, "vide.xlsx", new byte[0]), "export.import.error.empty",
                        "Le fichier vide.xlsx est vide : il faut une ligne d'en-têtes (Téléphone, Prénom…) et au moins "
                                + "une ligne de contact. Rien n'a été importé."),
                Arguments.of("headers only", (Maker) d -> write(d, "entetes.csv",
                        "téléphone;prénom\r\n".getBytes(StandardCharsets.UTF_8)), "export.import.error.empty", null),
                Arguments.of("a workbook with an empty sheet", (Maker) d -> Sheets.xlsx(d.resolve("feuille.xlsx"),
                        "Feuil1", new Object[0][]), "export.import.error.empty", null),
                Arguments.of("password-protected .xlsx", (Maker) MalformedImportTest::encryptedXlsx,
                        "export.import.error.password",
                        "Le fichier secret.xlsx est protégé par un mot de passe. Ouvrez-le dans votre tableur, "
                                + "enregistrez-le sans mot de passe, puis importez cette copie. Rien n'a été importé."),
                Arguments.of("password-protected .xls", (Maker) MalformedImportTest::encryptedXls,
                        "export.import.error.password", null),
                Arguments.of("a formula in .xlsx", (Maker) d -> Sheets.xlsx(d.resolve("formule.xlsx"), "Clients",
                        new Object[][] {{"Téléphone", "Prénom", "Date consentement", "Source"},
                            {"0611111111", "Ana", null, null}, {"0622222222", "Luc", "=TODAY()", "papier"}}),
                        "export.import.error.formula",
                        "Le fichier formule.xlsx contient une formule en C3 : une valeur calculée n'est pas une information "
                                + "enregistrée. Copiez les colonnes et collez-les « en valeurs », puis importez à nouveau. "
                                + "Rien n'a été importé."),
                Arguments.of("a formula in .xls", (Maker) d -> Sheets.xls(d.resolve("formule.xls"), "Clients",
                        new Object[][] {{"Téléphone"}, {"=CONCATENATE(\"06\",\"11111111\")"}}),
                        "export.import.error.formula", null),
                Arguments.of("merged cells in .xlsx", (Maker) d -> merged(d, new XSSFWorkbook(), "fusion.xlsx"),
                        "export.import.error.merged",
                        "Le fichier fusion.xlsx contient des cellules fusionnées (C2:C3) : on ne peut pas savoir à quelle "
                                + "ligne leur valeur appartient. Annulez la fusion, remplissez chaque ligne, puis importez à "
                                + "nouveau. Rien n'a été importé."),
                Arguments.of("merged cells in .xls", (Maker) d -> merged(d, new HSSFWorkbook(), "fusion.xls"),
                        "export.import.error.merged", null),
                Arguments.of("a million rows", (Maker) MalformedImportTest::millionRows, "export.import.error.too.many",
                        "Le fichier million.csv a plus de 200000 lignes : c'est plus qu'une liste de clients. "
                                + "Découpez-le en plusieurs fichiers. Rien n'a été importé."),
                Arguments.of("no column for the number", (Maker) d -> Sheets.xlsx(d.resolve("noms.xlsx"), "Clients",
                        new Object[][] {{"Prénom", "Ville"}, {"Ana", "Lyon"}}), "export.import.error.no.phone",
                        "Aucune colonne du fichier noms.xlsx n'a été reconnue comme le numéro de téléphone. Ses colonnes : "
                                + "Prénom | Ville. Indiquez laquelle utiliser (--map COLONNE=phone, ou dans l'assistant). "
                                + "Rien n'a été importé."),
                Arguments.of("two columns for the number", (Maker) d -> Sheets.xlsx(d.resolve("deux.xlsx"), "Clients",
                        new Object[][] {{"Téléphone", "Mobile"}, {"0611111111", "0622222222"}}),
                        "export.import.error.ambiguous",
                        "Dans deux.xlsx, les colonnes « Téléphone » et « Mobile » peuvent toutes deux être le champ phone : "
                                + "indiquez laquelle utiliser (--map « Mobile »=ignore, ou dans l'assistant). Rien n'a été importé."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithItsSentenceAndChangesNothing(String what, Maker maker, String key, String french) throws Exception {
        Path folder = Files.createDirectories(corpus.resolve(what.replaceAll("[^a-z0-9]+", "-")));
        Path file = maker.make(folder);
        assertThatThrownBy(() -> f.imports.importContacts(file, Map.of(), false, null, "owner", Progress.NONE))
                .isInstanceOfSatisfying(ComptoirException.class, e -> {
                    assertThat(e.userMessage().key()).isEqualTo(key);
                    String fr = Messages.forLanguage("fr").render(e.userMessage());
                    String en = Messages.forLanguage("en").render(e.userMessage());
                    if (french != null) {
                        assertThat(fr).isEqualTo(french);
                    }
                    assertThat(fr).contains(file.getFileName().toString()).doesNotContain("!export");
                    assertThat(en).contains(file.getFileName().toString()).doesNotContain("!export")
                            .isNotEqualTo(fr);
                });
        assertThat(f.dump()).isEqualTo(before);
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).containsExactly(file); // no refusal report, no temporary file
        }
    }

    @Test
    void aMappingNamingNoColumnOrNoFieldIsRefused() throws Exception {
        Path file = Sheets.xlsx(dir.resolve("ok.xlsx"), "Clients", goodRows());
        assertThatThrownBy(() -> f.imports.importContacts(file, Map.of("Portable", "phone"), false, null, "owner",
                Progress.NONE)).isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(
                        Messages.forLanguage("fr").render(e.userMessage())).isEqualTo("Le fichier ok.xlsx n'a pas de "
                        + "colonne « Portable ». Ses colonnes : Téléphone | Prénom | Date consentement | Source"));
        assertThatThrownBy(() -> f.imports.importContacts(file, Map.of("Prénom", "anniversaire"), false, null, "owner",
                Progress.NONE)).isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.userMessage().key())
                        .isEqualTo("export.import.error.map.field"));
        assertThat(f.dump()).isEqualTo(before);
    }

    @Test
    void rowsPastALowerLimitInAStreamedXlsxAreRefusedBeforeAnyWrite() throws Exception {
        Object[][] rows = new Object[61][];
        rows[0] = new Object[] {"Téléphone"};
        for (int i = 1; i < rows.length; i++) {
            rows[i] = new Object[] {String.format("06%08d", 10_000_000 + i)};
        }
        Path file = Sheets.xlsx(dir.resolve("grand.xlsx"), "Clients", rows);
        ImportService limited = new ImportService(f.db, f.consent, f.settings, f.clock, ExportFixture.PARIS, 50, ImportService.CHUNK);
        assertThatThrownBy(() -> limited.importContacts(file, Map.of(), false, null, "owner", Progress.NONE))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.userMessage().args())
                        .containsExactly("grand.xlsx", 50));
        assertThat(f.dump()).isEqualTo(before);
        assertThat(new ImportService(f.db, f.consent, f.settings, f.clock, ExportFixture.PARIS, 60, ImportService.CHUNK)
                .importContacts(file, Map.of(), false, null, "owner", Progress.NONE).withoutConsent()).isEqualTo(60);
    }

    @Test
    void datesAsTextInFrenchAndIsoFormsAreReadNotRefused() throws Exception {
        Path file = Sheets.xlsx(dir.resolve("dates.xlsx"), "Clients", new Object[][] {
            {"Téléphone", "Date consentement", "Source"},
            {"0611111111", "02/03/2025", "papier"},
            {"0622222222", "2025-03-02", "papier"},
            {"0633333333", "2 mars 2025", "papier"},
            {"0644444444", "1er janvier 2025 à 10h00", "papier"},
            {"0655555555", "2025-01-01T10:00:00", "papier"},
            {"0666666666", "3/2/25", "papier"}});
        ImportReport r = f.imports.importContacts(file, Map.of(), false, null, "owner", Progress.NONE);
        assertThat(r.withConsent()).isEqualTo(6);
        String[] expected = {"2025-03-02", "2025-03-02", "2025-03-02", "2025-01-01", "2025-01-01", "2025-02-03"};
        for (int i = 0; i < expected.length; i++) {
            String n = "+3361111111".substring(0, 4) + String.valueOf(i + 1).repeat(8);
            assertThat(f.consent.history(new PhoneNumber(n)).get(0).evidence()).contains("consent-date=" + expected[i]);
        }
    }

    // --- the corpus, made as the real programs make them

    static Path write(Path d, String name, byte[] bytes) throws IOException {
        return Files.write(d.resolve(name), bytes);
    }

    static Path zip(Path d) throws IOException {
        Path file = d.resolve("archive.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry("notes.txt"));
            z.write("pas un classeur".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return file;
    }

    static Path word(Path d) throws IOException {
        Path file = d.resolve("lettre.xls");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[512]), "WordDocument");
            fs.writeFilesystem(out);
        }
        return file;
    }

    static Path encryptedXlsx(Path d) throws Exception {
        Path file = d.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem(); XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheets.fill(wb, "Clients", goodRows());
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("boutique");
            try (OutputStream os = enc.getDataStream(fs)) {
                wb.write(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    static Path encryptedXls(Path d) throws Exception {
        Path file = d.resolve("secret.xls");
        Biff8EncryptionKey.setCurrentUserPassword("boutique");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheets.fill(wb, "Clients", goodRows());
            Sheets.write(wb, file);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        return file;
    }

    static Path merged(Path d, org.apache.poi.ss.usermodel.Workbook wb, String name) throws IOException {
        Path file = d.resolve(name);
        try (wb) {
            var sheet = Sheets.fill(wb, "Clients", new Object[][] {{"Téléphone", "Prénom", "Source"},
                {"0611111111", "Ana", "salon"}, {"0622222222", "Luc", null}});
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 2, 2));
            Sheets.write(wb, file);
        }
        return file;
    }

    static Path millionRows(Path d) throws IOException {
        Path file = d.resolve("million.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("téléphone;prénom\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write("06");
                w.write(Integer.toString(10_000_000 + i));
                w.write(";Client\n");
            }
        }
        return file;
    }
}
