package org.comptoir.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.AudienceQuery;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentEventView;
import org.comptoir.consent.ConsentKind;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.consent.ContactDirectory;
import org.comptoir.consent.ContactQuery;
import org.comptoir.consent.ContactRow;
import org.comptoir.consent.ContactStatus;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contact import from real files into a real store: who is opted in (only with a dated consent and its source),
 * who is imported without consent, who is refused and why, and that STOPped or erased numbers stay out.
 */
class ImportTest {

    static final Object[] HEADER = {"Téléphone", "Prénom", "Nom", "Date consentement", "Source", "Étiquettes"};

    @TempDir
    Path dir;

    ExportFixture f;
    long wording;

    @BeforeEach
    void open() {
        f = new ExportFixture(dir.resolve("data"));
        wording = f.consent.currentWording().id();
        f.consent.recordOptIn(n("+33644444444"), "Sam", wording, Channel.TILL, "Léa");
        f.consent.recordOptOut(n("+33644444444"), Channel.SMS_KEYWORD, null, "STOP");
        f.consent.recordOptIn(n("+33655555555"), "Eve", wording, Channel.TILL, "Léa");
        f.consent.erase(n("+33655555555"), "owner");
        f.consent.recordRefusal(n("+33666666666"), wording, Channel.TILL, "Léa");
        f.consent.recordOptIn(n("+33677777777"), "Zoé", wording, Channel.TILL, "Léa");
    }

    @AfterEach
    void close() {
        f.close();
    }

    static PhoneNumber n(String e164) {
        return new PhoneNumber(e164);
    }

    Path clients() throws IOException {
        return Sheets.xlsx(dir.resolve("clients.xlsx"), "Clients", new Object[][] {
            HEADER,
            {"06 12 34 56 78", "Marie", "Dupont", LocalDate.of(2025, 3, 2), "formulaire papier", "vip, noël"}, // 2
            {698765432, "Paul", null, null, null, null},                                           // 3 Excel dropped the 0
            {"+33 6 11 11 11 11", "Ana", null, "2 mars 2025", "site web", null},                   // 4
            {"06 22 22 22 22", "Luc", null, "02/03/2025", null, null},                             // 5 no source
            {"01 23 45 67 89", "Fixe", null, null, null, null},                                    // 6 landline
            {"06.12.34.56.78", "Marie bis", null, null, null, null},                               // 7 duplicate of 2
            {"06 33 33 33 33", "Futur", null, "2099-01-01", "papier", null},                       // 8 future
            {"", " "},                                                                             // 9 blank
            {"06 44 44 44 44", "Sam", null, "2025-01-05", "papier", null},                         // 10 STOPped
            {"06 55 55 55 55", "Eve", null, null, null, null},                                     // 11 erased
            {"06 66 66 66 66", "Ray", null, "2025-01-05", "papier", null},                         // 12 refused at the till
            {"06 77 77 77 77", "Zoé", "Martin", null, null, "vip"},                                // 13 already opted in
            {"06 88 88 88 88", "Bob", null, "31/02/2025", "papier", null},                         // 14 no such day
            {"06 99 99 99 99", "Ida", null, "2025-06-01", null, null},                             // 15 no source
        });
    }

    @Test
    void onlyRowsWithADatedConsentAndItsSourceAreOptedIn() throws IOException {
        ImportReport r = f.imports.importContacts(clients(), Map.of(), false, null, "owner", Progress.NONE);

        assertThat(r.withConsent()).isEqualTo(2);     // Marie, Ana
        assertThat(r.withoutConsent()).isEqualTo(1);  // Paul
        assertThat(r.updated()).isEqualTo(1);         // Zoé
        assertThat(r.refused()).isEqualTo(9);
        assertThat(r.blank()).isEqualTo(1);
        assertThat(r.sheet()).isEqualTo("Clients");
        assertThat(r.columns()).containsEntry(ImportField.PHONE, "Téléphone").containsEntry(ImportField.TAGS, "Étiquettes");

        // Marie: opted in on channel IMPORT, evidence naming file, sheet, row, date and source; no wording of ours
        List<ConsentEventView> marie = f.consent.history(n("+33612345678"));
        assertThat(marie).hasSize(1);
        assertThat(marie.get(0).kind()).isEqualTo(ConsentKind.OPT_IN);
        assertThat(marie.get(0).channel()).isEqualTo(Channel.IMPORT);
        assertThat(marie.get(0).wordingVersion()).isNull();
        assertThat(marie.get(0).evidence()).isEqualTo(
                "import file=clients.xlsx; sheet=Clients; row=2; consent-date=2025-03-02; source=formulaire papier");
        assertThat(f.consent.history(n("+33611111111")).get(0).evidence()).contains("row=4; consent-date=2025-03-02; source=site web");

        // Paul: a contact, but no consent recorded: no event, no state, no promotion
        ContactStatus paul = f.consent.lookup(n("+33698765432")).orElseThrow();
        assertThat(paul.contactId()).isNotNull();
        assertThat(paul.firstName()).isEqualTo("Paul");
        assertThat(paul.status()).isNull();
        assertThat(f.consent.history(n("+33698765432"))).isEmpty();
        assertThat(f.consent.allowsMarketing(n("+33698765432"))).isFalse();

        // never re-subscribed, never brought back, a refusal not overridden
        assertThat(f.consent.lookup(n("+33644444444")).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(f.consent.history(n("+33644444444"))).hasSize(2);
        assertThat(f.consent.lookup(n("+33655555555")).orElseThrow().contactId()).isNull();
        assertThat(f.count("SELECT COUNT(*) FROM contact WHERE phone_e164 = '+33655555555'")).isZero();
        assertThat(f.consent.lookup(n("+33666666666")).orElseThrow().status()).isEqualTo(ConsentStatus.REFUSED);
        // Zoé keeps her till consent, gains the tag and her empty last name; no second opt-in
        assertThat(f.consent.history(n("+33677777777"))).hasSize(1);
        assertThat(f.consent.history(n("+33677777777")).get(0).channel()).isEqualTo(Channel.TILL);

        ContactDirectory directory = new ContactDirectory(f.db);
        ContactRow zoe = directory.search(ContactQuery.of("06 77", 10)).rows().get(0);
        assertThat(zoe.lastName()).isEqualTo("Martin");
        assertThat(zoe.tags()).containsExactly("vip");
        ContactRow marieRow = directory.search(ContactQuery.of("06 12", 10)).rows().get(0);
        assertThat(marieRow.tags()).containsExactly("noël", "vip");
        // the contacts screen lists the contact imported without consent, status "never asked"
        ContactRow paulRow = directory.search(ContactQuery.of("06 98", 10)).rows().get(0);
        assertThat(paulRow.status()).isNull();
        assertThat(directory.search(new ContactQuery("", Set.of(), ContactQuery.SortKey.STATUS, true, 0, 100)).total())
                .isEqualTo(5);

        // the promotion audience: the till's Zoé and the two imported consents, by tag too; never Paul
        AudienceQuery audience = new AudienceQuery(f.db, f.settings, f.clock);
        assertThat(audience.count(new Audience(CampaignKind.MARKETING, null))).isEqualTo(3);
        assertThat(audience.count(new Audience(CampaignKind.MARKETING, "vip"))).isEqualTo(2);

        var report = f.consent.verify();
        assertThat(report.intact()).as("%s", report.problems()).isTrue();
        assertThat(f.count("SELECT COUNT(*) FROM audit WHERE action = 'IMPORT' AND actor = 'owner' AND detail = "
                + "'contacts from clients.xlsx: 2 with consent, 1 without consent, 1 updated, 9 refused'")).isEqualTo(1);

        // the refused rows, with their reasons and their cells as they were
        assertThat(r.refusalReport().getFileName().toString()).isEqualTo("clients - refus 2026-11-29 11-15-30.xlsx");
        assertThat(r.refusalReport().getParent()).isEqualTo(dir.toAbsolutePath());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(r.refusalReport()))) {
            XSSFSheet s = wb.getSheet("Lignes refusées");
            assertThat(WorkbookReading.header(s)).containsExactly("Ligne", "Motif du refus", "Téléphone", "Prénom",
                    "Nom", "Date consentement", "Source", "Étiquettes");
            String[][] expected = {
                {"5", "Date de consentement sans source (où et comment il a été recueilli) : il faut les deux pour enregistrer un consentement.", "06 22 22 22 22"},
                {"6", "« 01 23 45 67 89 » est un numéro de fixe : il ne peut pas recevoir de SMS. Demandez un portable (06 ou 07).", "01 23 45 67 89"},
                {"7", "Même numéro que la ligne 2 du fichier.", "06.12.34.56.78"},
                {"8", "La date de consentement 2099-01-01 est dans le futur.", "06 33 33 33 33"},
                {"10", "Ce numéro s'est désinscrit (STOP) : un import ne réinscrit jamais personne.", "06 44 44 44 44"},
                {"11", "Cette personne a demandé l'effacement de ses données : un import ne les fait pas revenir.", "06 55 55 55 55"},
                {"12", "Cette personne a refusé les promotions dans la boutique : le consentement du fichier ne remplace pas ce refus.", "06 66 66 66 66"},
                {"14", "« 31/02/2025 » n'est pas une date lisible (par exemple 31/12/2025 ou 2025-12-31).", "06 88 88 88 88"},
                {"15", "Date de consentement sans source (où et comment il a été recueilli) : il faut les deux pour enregistrer un consentement.", "06 99 99 99 99"},
            };
            for (int i = 0; i < expected.length; i++) {
                Row row = s.getRow(i + 1);
                assertThat(WorkbookReading.num(row, 0)).isEqualTo(Double.parseDouble(expected[i][0]));
                assertThat(WorkbookReading.str(row, 1)).isEqualTo(expected[i][1]);
                assertThat(WorkbookReading.str(row, 2)).isEqualTo(expected[i][2]);
            }
            assertThat(WorkbookReading.str(s.getRow(1), 3)).isEqualTo("Luc");
            assertThat(WorkbookReading.str(s.getRow(4), 5)).isEqualTo("2099-01-01");
            assertThat((Object) s.getRow(expected.length + 1)).isNull();
        }
        assertThat(r.sample()).extracting(ImportReport.RowFate::line).startsWith(2, 3, 4, 5, 6, 7, 8, 10);
        assertThat(r.sample().get(1).fate().key()).isEqualTo("export.import.outcome.ADDED_WITHOUT_CONSENT");
    }

    @Test
    void aDryRunDecidesTheSameAndChangesNothing() throws IOException {
        String before = f.dump();
        ImportReport r = f.imports.importContacts(clients(), Map.of(), true, null, "owner", Progress.NONE);
        assertThat(r.dryRun()).isTrue();
        assertThat(List.of(r.withConsent(), r.withoutConsent(), r.updated(), r.refused())).containsExactly(2L, 1L, 1L, 9L);
        assertThat(f.dump()).isEqualTo(before);
        assertThat(r.refusalReport()).exists();
    }

    @Test
    void aCancelledImportLeavesTheStoreAsItWas() throws IOException {
        Path file = clients();
        String before = f.dump();
        Progress cancelAtApply = new Progress() {
            boolean applying;

            @Override
            public void update(long done, long total) {
                applying |= total > 0; // rows are being written: inside the transaction
            }

            @Override
            public boolean cancelled() {
                return applying;
            }
        };
        assertThatThrownBy(() -> f.imports.importContacts(file, Map.of(), false, null, "owner", cancelAtApply))
                .isInstanceOf(Cancelled.class);
        assertThat(f.dump()).isEqualTo(before);
    }

    @Test
    void aLongImportStoppedHalfWayHoldsWholeChunksAndIsFinishedByImportingAgain() throws IOException {
        Object[][] rows = new Object[13][];
        rows[0] = new Object[] {"Téléphone", "Date consentement", "Source"};
        for (int i = 1; i < rows.length; i++) {
            rows[i] = new Object[] {String.format("06 10 00 00 %02d", i), "2025-01-0" + (1 + i % 9), "papier"};
        }
        Path file = Sheets.xlsx(dir.resolve("long.xlsx"), "Clients", rows);
        ImportService chunked = new ImportService(f.db, f.consent, f.settings, f.clock, ExportFixture.PARIS,
                SourceReader.MAX_ROWS, 5);
        long events = f.count("SELECT COUNT(*) FROM consent_event");
        Progress cancelInSecondChunk = new Progress() {
            long done;

            @Override
            public void update(long d, long total) {
                done = d - total / 2; // past the deciding pass: rows written
            }

            @Override
            public boolean cancelled() {
                return done >= 7;
            }
        };
        assertThatThrownBy(() -> chunked.importContacts(file, Map.of(), false, null, "owner", cancelInSecondChunk))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(Messages.forLanguage("fr")
                        .render(e.userMessage())).startsWith("L'import de long.xlsx s'est arrêté après 5 lignes sur 12 : "));
        assertThat(f.count("SELECT COUNT(*) FROM consent_event")).isEqualTo(events + 5); // the first chunk, whole
        assertThat(f.count("SELECT COUNT(*) FROM contact WHERE phone_e164 LIKE '+33610000%'")).isEqualTo(5);
        assertThat(f.count("SELECT COUNT(*) FROM audit WHERE detail = 'contacts from long.xlsx: stopped after 5 of 12 rows'"))
                .isEqualTo(1);

        ImportReport again = chunked.importContacts(file, Map.of(), false, null, "owner", Progress.NONE);
        assertThat(List.of(again.withConsent(), again.updated())).containsExactly(7L, 5L);
        assertThat(f.count("SELECT COUNT(*) FROM consent_event")).isEqualTo(events + 12); // nobody opted in twice
        assertThat(f.consent.verify().intact()).isTrue();
    }

    @Test
    void aRefusalReportThatCannotBeWrittenUndoesTheImport() throws IOException {
        Path file = clients();
        String before = f.dump();
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where a folder should be");
        assertThatThrownBy(() -> f.imports.importContacts(file, Map.of(), false, blocker.resolve("refus.xlsx"), "owner",
                Progress.NONE)).isInstanceOfSatisfying(ComptoirException.class,
                        e -> assertThat(e.userMessage().key()).isEqualTo("export.error.write"));
        assertThat(f.dump()).isEqualTo(before);
    }

    @Test
    void anExplicitNoWinsAndAYesNeedsItsProof() throws IOException {
        Path file = Sheets.xlsx(dir.resolve("optin.xlsx"), "Feuil1", new Object[][] {
            {"Mobile", "First name", "Consentement SMS", "Consent date", "Consent source"},
            {"0612345678", "Non", "non", "2025-03-02", "papier"},     // says no: without consent, dates or not
            {"0611111111", "Oui", "oui", "2025-03-02", "papier"},     // yes with proof: opted in
            {"0622222222", "Vide", "", "2025-03-02", "papier"},       // blank: not a yes
            {"0633333333", "Nu", "yes", null, null},                   // yes without proof: refused
            {"0644444444", "Peut-être", "peut-être", "2025-03-02", "papier"},
        });
        ImportReport r = f.imports.importContacts(file, Map.of(), false, null, "cli", Progress.NONE);
        assertThat(List.of(r.withConsent(), r.withoutConsent(), r.refused())).containsExactly(1L, 2L, 2L);
        assertThat(f.consent.lookup(n("+33612345678")).orElseThrow().status()).isNull();
        assertThat(f.consent.lookup(n("+33611111111")).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(f.consent.lookup(n("+33622222222")).orElseThrow().status()).isNull();
        assertThat(f.consent.lookup(n("+33633333333"))).isEmpty();
        assertThat(r.sample()).extracting(fate -> fate.fate().key()).containsExactly(
                "export.import.outcome.ADDED_WITHOUT_CONSENT", "export.import.outcome.OPTED_IN",
                "export.import.outcome.ADDED_WITHOUT_CONSENT", "export.import.refused.yes.without.proof",
                "export.import.refused.consent.value");
    }

    @Test
    void aFileWithoutConsentColumnsImportsEveryoneWithoutConsent() throws IOException {
        Path file = Sheets.xlsx(dir.resolve("liste.xlsx"), "Liste", new Object[][] {
            {"Tel", "Prenom"}, {"0612345678", "A"}, {"0611111111", "B"}});
        ImportReport r = f.imports.importContacts(file, Map.of(), false, null, "cli", Progress.NONE);
        assertThat(List.of(r.withConsent(), r.withoutConsent(), r.refused())).containsExactly(0L, 2L, 0L);
        assertThat(r.refusalReport()).isNull();
        assertThat(f.count("SELECT COUNT(*) FROM consent_event WHERE channel = 'IMPORT'")).isZero();
    }

    @Test
    void csvInWindows1252WithCommasAndUtf8WithSemicolons() throws IOException {
        Path ansi = dir.resolve("excel-windows.csv");
        Files.write(ansi, ("Téléphone,Prénom,Étiquettes,Date de consentement,Source\r\n"
                + "06 12 34 56 78,Hélène,\"fidèle, été\",02/03/2025,\"papier, caisse 2\"\r\n"
                + "0611111111,Noël,,,\r\n").getBytes(Charset.forName("windows-1252")));
        ImportReport r = f.imports.importContacts(ansi, Map.of(), false, null, "cli", Progress.NONE);
        assertThat(List.of(r.withConsent(), r.withoutConsent(), r.refused())).containsExactly(1L, 1L, 0L);
        assertThat(f.consent.lookup(n("+33612345678")).orElseThrow().firstName()).isEqualTo("Hélène");
        assertThat(f.consent.lookup(n("+33611111111")).orElseThrow().firstName()).isEqualTo("Noël");
        assertThat(new ContactDirectory(f.db).search(ContactQuery.of("06 12", 5)).rows().get(0).tags())
                .containsExactly("fidèle", "été");
        assertThat(f.consent.history(n("+33612345678")).get(0).evidence()).endsWith("source=papier, caisse 2");

        Path utf8 = dir.resolve("libreoffice.csv");
        Files.write(utf8, ("\uFEFFtéléphone;prénom;nom\n0622222222;Zoë;\"O'Brien; \"\"Jr\"\"\"\n\n")
                .getBytes(StandardCharsets.UTF_8));
        ImportReport u = f.imports.importContacts(utf8, Map.of(), false, null, "cli", Progress.NONE);
        assertThat(u.withoutConsent()).isEqualTo(1);
        ContactRow zoe = new ContactDirectory(f.db).search(ContactQuery.of("06 22", 5)).rows().get(0);
        assertThat(zoe.firstName()).isEqualTo("Zoë");
        assertThat(zoe.lastName()).isEqualTo("O'Brien; \"Jr\"");
    }

    @Test
    void xlsFromOldExcelWithARealDateCell() throws IOException {
        Path file = Sheets.xls(dir.resolve("ancien.xls"), "Clients", new Object[][] {
            {"Portable", "Prénom", "Date consentement", "Source"},
            {"06 12 34 56 78", "Marie", LocalDate.of(2024, 12, 24), "carte de fidélité"}});
        ImportReport r = f.imports.importContacts(file, Map.of(), false, null, "cli", Progress.NONE);
        assertThat(r.withConsent()).isEqualTo(1);
        assertThat(f.consent.history(n("+33612345678")).get(0).evidence())
                .isEqualTo("import file=ancien.xls; sheet=Clients; row=2; consent-date=2024-12-24; source=carte de fidélité");
    }

    @Test
    void columnsTheHeaderDoesNotNameAreMappedByTheOwner() throws IOException {
        Path file = Sheets.xlsx(dir.resolve("export-caisse.xlsx"), "Export", new Object[][] {
            {"Col A", "Client", "Téléphone fixe", "Portable"},
            {"x", "Marie", "0123456789", "0612345678"}});
        // "Portable" is recognised; the owner names the first-name column and leaves the rest out
        ImportReport r = f.imports.importContacts(file, Map.of("client", "first-name", "D", "phone"), false, null,
                "cli", Progress.NONE);
        assertThat(r.withoutConsent()).isEqualTo(1);
        assertThat(r.columns()).containsOnly(Map.entry(ImportField.PHONE, "Portable"),
                Map.entry(ImportField.FIRST_NAME, "Client"));
        assertThat(f.consent.lookup(n("+33612345678")).orElseThrow().firstName()).isEqualTo("Marie");
    }

    @Test
    void importedAgainTheSameFileChangesNoConsent() throws IOException {
        Path file = clients();
        f.imports.importContacts(file, Map.of(), false, null, "owner", Progress.NONE);
        long events = f.count("SELECT COUNT(*) FROM consent_event");
        ImportReport again = f.imports.importContacts(file, Map.of(), false, dir.resolve("again.xlsx"), "owner",
                Progress.NONE);
        assertThat(again.withConsent()).isZero();
        assertThat(again.updated()).isEqualTo(4);
        assertThat(f.count("SELECT COUNT(*) FROM consent_event")).isEqualTo(events);
    }

    @Test
    void aContactImportedWithoutConsentCanLaterBeOptedInByAFileWithProof() throws IOException {
        Path first = Sheets.xlsx(dir.resolve("a.xlsx"), "A", new Object[][] {{"tel"}, {"0612345678"}});
        f.imports.importContacts(first, Map.of(), false, null, "cli", Progress.NONE);
        Path second = Sheets.xlsx(dir.resolve("b.xlsx"), "B", new Object[][] {
            {"tel", "date consentement", "source"}, {"0612345678", "2025-05-01", "formulaire web"}});
        ImportReport r = f.imports.importContacts(second, Map.of(), false, null, "cli", Progress.NONE);
        assertThat(r.withConsent()).isEqualTo(1);
        assertThat(f.consent.lookup(n("+33612345678")).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(Messages.forLanguage("en").render(ImportService.reason(
                org.comptoir.consent.ImportedContact.Outcome.OPTED_IN))).isEqualTo("Imported with their consent.");
    }
}
