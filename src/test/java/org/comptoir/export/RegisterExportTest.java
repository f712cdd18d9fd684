package org.comptoir.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.export.WorkbookReading.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentWording;
import org.comptoir.consent.ContactDirectory;
import org.comptoir.consent.LedgerHead;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consent register written to a real file from a real store, read back cell by cell with POI. */
class RegisterExportTest {

    @TempDir
    Path dir;

    ExportFixture f;
    final PhoneNumber marie = new PhoneNumber("+33612345678");
    final PhoneNumber paul = new PhoneNumber("+33698765432");
    final PhoneNumber refuser = new PhoneNumber("+33611111111");
    final PhoneNumber zoe = new PhoneNumber("+33622222222");
    final PhoneNumber hugo = new PhoneNumber("+33633333333");
    ConsentWording w1;
    ConsentWording w2;

    @BeforeEach
    void seed() {
        f = new ExportFixture(dir.resolve("data"));
        w1 = f.consent.currentWording();
        f.consent.recordOptIn(marie, "Marie", w1.id(), Channel.TILL, "Léa");            // seq 1, 10:15:30 UTC
        step();
        f.consent.recordOptIn(paul, "Paul", w1.id(), Channel.KIOSK, null);              // seq 2
        step();
        f.consent.recordOptOut(paul, Channel.SMS_KEYWORD, null, "STOP");               // seq 3
        step();
        f.consent.recordRefusal(refuser, w1.id(), Channel.TILL, "Léa");                 // seq 4
        step();
        f.consent.recordOptIn(zoe, "Zoé", w1.id(), Channel.TILL, "Léa");                // seq 5
        step();
        f.consent.erase(zoe, "owner");                                                  // seq 6
        f.settings.set("shop.name", "Léa & Fils");
        w2 = f.consent.currentWording();
        f.clock.set(Instant.parse("2026-12-02T23:30:00Z")); // 3 December 00:30 in Paris
        var h = f.consent.recordOptIn(hugo, "Hugo", w2.id(), Channel.TILL, "Léa");      // seq 7
        new ContactDirectory(f.db).setTags(h.contactId(), Set.of("vip", "noël"));
        f.db.withConnection(c -> {
            Instant at = Instant.parse("2026-12-01T09:00:00Z");
            long sale = Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, status, created_at, updated_at, "
                    + "audience_tag, schedule_mode, scheduled_at) VALUES (?, 'MARKETING', ?, 'DONE', ?, ?, 'vip', 'AT', ?)",
                    "Soldes", "-20 % ce week-end", at, at, at.plusSeconds(3600));
            Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, status, created_at, updated_at) "
                    + "VALUES ('Horaires', 'SERVICE', 'Fermé lundi', 'DRAFT', ?, ?)", at, at);
            String[] states = {"SENT", "SENT", "DELIVERED", "FAILED"};
            for (int i = 0; i < states.length; i++) {
                Jdbc.insert(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding, parts, "
                        + "state, created_at, updated_at) VALUES (?, ?, ?, 'x', 'GSM7', 1, ?, ?, ?)",
                        sale, "s" + i, "+3361234567" + i, states[i], at, at);
            }
            return null;
        });
        f.clock.set(Instant.parse("2026-12-03T08:00:00Z"));
    }

    void step() {
        f.clock.advance(Duration.ofMinutes(10));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void everySheetAndEveryColumnReadsBackAsWritten() throws IOException {
        Path file = dir.resolve(f.export.registerFileName());
        ExportService.Result result = f.export.exportRegister(file, DateRange.ALL, "cli", Progress.NONE);

        assertThat(file.getFileName().toString()).isEqualTo("Léa & Fils - registre des consentements - 2026-12-03.xlsx");
        assertThat(result.rows()).isEqualTo(7);
        assertThat(result.chainIntact()).isTrue();
        assertThat(dir.resolve(file.getFileName() + ".part")).doesNotExist();
        String headHash = f.db.withConnection(c -> Jdbc.queryOne(c, "SELECT last_hash FROM consent_ledger_head",
                rs -> rs.getString(1))).orElseThrow();
        LedgerHead head = f.consent.head();
        assertThat(head.hash()).isEqualTo(headHash);
        assertThat(List.of(result.headSeq(), result.headHash())).containsExactly(head.seq(), head.hash());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(sheetNames(wb)).containsExactly("Couverture", "Registre des consentements", "Contacts",
                    "Textes de consentement", "Campagnes");

            XSSFSheet cover = wb.getSheet("Couverture");
            assertThat(text(cover, 0, 0)).isEqualTo("Registre des consentements");
            assertThat(labelled(cover, "Boutique")).isEqualTo("Léa & Fils");
            assertThat(dateOf(cover, "Exporté le (heure locale, Europe/Paris)")).isEqualTo(LocalDateTime.of(2026, 12, 3, 9, 0));
            assertThat(dateOf(cover, "Exporté le (UTC)")).isEqualTo(LocalDateTime.of(2026, 12, 3, 8, 0));
            assertThat(labelled(cover, "Exporté par")).isEqualTo("cli");
            assertThat(labelled(cover, "Filtre")).isEqualTo("Aucun : tout le registre");
            assertThat(labelled(cover, "Tête du registre : numéro")).isEqualTo("7");
            assertThat(labelled(cover, "Tête du registre : empreinte")).isEqualTo(headHash).hasSize(64);
            assertThat(dateOf(cover, "Tête du registre : enregistrée le (heure locale, Europe/Paris)"))
                    .isEqualTo(LocalDateTime.ofInstant(head.at(), ExportFixture.PARIS));
            assertThat(labelled(cover, "Vérification de la chaîne")).isEqualTo("Intacte : 7 événements vérifiés");
            assertThat(labelled(cover, "Événements exportés")).isEqualTo("7");
            assertThat(labelled(cover, "Contacts")).isEqualTo("3");
            assertThat(labelled(cover, "Textes de consentement")).isEqualTo("2");
            assertThat(labelled(cover, "Campagnes")).isEqualTo("2");

            XSSFSheet reg = wb.getSheet("Registre des consentements");
            assertThat(header(reg)).containsExactly("N°", "Date (heure locale)", "Date (UTC)", "Numéro", "Prénom",
                    "Événement", "Canal", "Version du texte", "Vendeur", "Preuve", "Sujet (empreinte du numéro)",
                    "Empreinte", "Empreinte précédente");
            assertStyledTable(reg, 13, 7);
            List<String[]> events = f.db.withConnection(c -> Jdbc.query(c, "SELECT subject, hash, prev_hash "
                    + "FROM consent_event ORDER BY seq", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
            Object[][] expected = {
                {1, "2026-11-29T11:15:30", "2026-11-29T10:15:30", "+33612345678", "Marie", "accord", "caisse", 1, "Léa", null},
                {2, "2026-11-29T11:25:30", "2026-11-29T10:25:30", "+33698765432", "Paul", "accord", "borne", 1, null, null},
                {3, "2026-11-29T11:35:30", "2026-11-29T10:35:30", "+33698765432", "Paul", "désinscription", "SMS", null, null, "STOP"},
                {4, "2026-11-29T11:45:30", "2026-11-29T10:45:30", "non conservé", null, "refus", "caisse", 1, "Léa", null},
                {5, "2026-11-29T11:55:30", "2026-11-29T10:55:30", "effacé", null, "accord", "caisse", 1, "Léa", null},
                {6, "2026-11-29T12:05:30", "2026-11-29T11:05:30", "effacé", null, "effacement", "manuel", null, "owner", null},
                {7, "2026-12-03T00:30", "2026-12-02T23:30", "+33633333333", "Hugo", "accord", "caisse", 2, "Léa", null},
            };
            for (int i = 0; i < expected.length; i++) {
                Row r = reg.getRow(i + 1);
                Object[] e = expected[i];
                assertThat(r.getCell(0).getNumericCellValue()).isEqualTo(((Integer) e[0]).doubleValue());
                assertThat(date(r.getCell(1))).isEqualTo(LocalDateTime.parse((String) e[1]).withNano(r.getCell(1)
                        .getLocalDateTimeCellValue().getNano()));
                assertThat(date(r.getCell(2))).isEqualTo(LocalDateTime.parse((String) e[2]).withNano(r.getCell(2)
                        .getLocalDateTimeCellValue().getNano()));
                assertThat(str(r, 3)).isEqualTo(e[3]);
                assertThat(str(r, 4)).isEqualTo(e[4]);
                assertThat(str(r, 5)).isEqualTo(e[5]);
                assertThat(str(r, 6)).isEqualTo(e[6]);
                assertThat(num(r, 7)).isEqualTo(e[7] == null ? null : ((Integer) e[7]).doubleValue());
                assertThat(str(r, 8)).isEqualTo(e[8]);
                assertThat(str(r, 9)).isEqualTo(e[9]);
                assertThat(str(r, 10)).isEqualTo(events.get(i)[0]);
                assertThat(str(r, 11)).isEqualTo(events.get(i)[1]);
                assertThat(str(r, 12)).isEqualTo(events.get(i)[2]);
            }
            assertThat((Object) reg.getRow(8)).isNull();

            XSSFSheet contacts = wb.getSheet("Contacts");
            assertThat(header(contacts)).containsExactly("Numéro", "Prénom", "Nom", "Statut", "Depuis",
                    "Version du texte", "Étiquettes", "Créé le");
            assertStyledTable(contacts, 8, 3);
            Object[][] people = {
                {"+33612345678", "Marie", "a accepté", "2026-11-29T11:15:30", 1.0, null, "2026-11-29T11:15:30"},
                {"+33698765432", "Paul", "s'est désinscrit", "2026-11-29T11:35:30", null, null, "2026-11-29T11:25:30"},
                {"+33633333333", "Hugo", "a accepté", "2026-12-03T00:30", 2.0, "noël, vip", "2026-12-03T00:30"},
            };
            for (int i = 0; i < people.length; i++) {
                Row r = contacts.getRow(i + 1);
                Object[] e = people[i];
                assertThat(str(r, 0)).isEqualTo(e[0]);
                assertThat(str(r, 1)).isEqualTo(e[1]);
                assertThat(str(r, 2)).isNull();
                assertThat(str(r, 3)).isEqualTo(e[2]);
                assertThat(date(r.getCell(4)).withNano(0)).isEqualTo(LocalDateTime.parse((String) e[3]));
                assertThat(num(r, 5)).isEqualTo(e[4]);
                assertThat(str(r, 6)).isEqualTo(e[5]);
                assertThat(date(r.getCell(7)).withNano(0)).isEqualTo(LocalDateTime.parse((String) e[6]));
            }

            XSSFSheet wordings = wb.getSheet("Textes de consentement");
            assertThat(header(wordings)).containsExactly("Version du texte", "Langue", "Boutique", "Finalité",
                    "Texte du consentement", "Créé le", "Événements");
            assertStyledTable(wordings, 7, 2);
            ConsentWording[] ws = {w1, w2};
            long[] uses = {4, 1}; // the refusal refers to the wording it answered; STOP and erasure to none
            for (int i = 0; i < 2; i++) {
                Row r = wordings.getRow(i + 1);
                assertThat(num(r, 0)).isEqualTo((double) ws[i].version());
                assertThat(str(r, 1)).isEqualTo("fr");
                assertThat(str(r, 2)).isEqualTo(ws[i].shopName());
                assertThat(str(r, 3)).isEqualTo("Offres et promotions par SMS");
                assertThat(str(r, 4)).isEqualTo(ws[i].text()).contains(ws[i].shopName());
                assertThat(r.getCell(4).getCellStyle().getWrapText()).isTrue();
                assertThat(date(r.getCell(5)).withNano(0)).isEqualTo(LocalDateTime.ofInstant(ws[i].createdAt(), ExportFixture.PARIS).withNano(0));
                assertThat(num(r, 6)).isEqualTo((double) uses[i]);
            }

            XSSFSheet campaigns = wb.getSheet("Campagnes");
            assertThat(header(campaigns)).containsExactly("N°", "Campagne", "Type", "État", "Expéditeur",
                    "Étiquette ciblée", "Programmée pour", "Créé le", "Message", "En attente", "En cours", "Envoyés",
                    "Remis", "Échecs", "Écartés", "Sort inconnu", "Total");
            assertStyledTable(campaigns, 17, 2);
            Row sale = campaigns.getRow(1);
            assertThat(num(sale, 0)).isEqualTo(1.0);
            assertThat(str(sale, 1)).isEqualTo("Soldes");
            assertThat(str(sale, 2)).isEqualTo("Promotion");
            assertThat(str(sale, 3)).isEqualTo("Terminée");
            assertThat(str(sale, 4)).isEqualTo("");
            assertThat(str(sale, 5)).isEqualTo("vip");
            assertThat(date(sale.getCell(6))).isEqualTo(LocalDateTime.of(2026, 12, 1, 11, 0));
            assertThat(date(sale.getCell(7))).isEqualTo(LocalDateTime.of(2026, 12, 1, 10, 0));
            assertThat(str(sale, 8)).isEqualTo("-20 % ce week-end");
            double[] byState = {0, 0, 2, 1, 1, 0, 0, 4};
            for (int i = 0; i < byState.length; i++) {
                assertThat(num(sale, 9 + i)).as("outbox column " + (9 + i)).isEqualTo(byState[i]);
            }
            Row draft = campaigns.getRow(2);
            assertThat(str(draft, 1)).isEqualTo("Horaires");
            assertThat(str(draft, 2)).isEqualTo("Information client");
            assertThat(str(draft, 3)).isEqualTo("Brouillon");
            assertThat(draft.getCell(6)).isNull(); // not scheduled: an empty cell, not a fake date
            for (int i = 9; i < 17; i++) {
                assertThat(num(draft, i)).isEqualTo(0.0);
            }
        }
        assertThat(f.count("SELECT COUNT(*) FROM audit WHERE action = 'EXPORT' AND actor = 'cli' AND detail LIKE "
                + "'consent register (all): 7 events, ledger seq 7, chain intact, file Léa & Fils - registre%'")).isEqualTo(1);
        assertThat(f.count("SELECT COUNT(*) FROM audit WHERE action = 'EXPORT' AND detail LIKE '%+336%'")).isZero();
    }

    @Test
    void theDayFilterKeepsLocalDaysAndTheCoverSaysSo() throws IOException {
        Path file = dir.resolve("range.xlsx");
        // 3 December in Paris starts at 23:00 UTC on the 2nd: Hugo's opt-in (23:30 UTC) belongs to it
        ExportService.Result r = f.export.exportRegister(file, new DateRange(LocalDate.of(2026, 12, 3),
                LocalDate.of(2026, 12, 3)), "owner", Progress.NONE);
        assertThat(r.rows()).isEqualTo(1);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(labelled(wb.getSheet("Couverture"), "Filtre"))
                    .isEqualTo("Événements du 03/12/2026 au 03/12/2026 (jours en heure locale, Europe/Paris) ; "
                            + "les autres feuilles sont complètes");
            assertThat(labelled(wb.getSheet("Couverture"), "Tête du registre : numéro")).isEqualTo("7");
            XSSFSheet reg = wb.getSheet("Registre des consentements");
            assertThat(str(reg.getRow(1), 4)).isEqualTo("Hugo");
            assertThat((Object) reg.getRow(2)).isNull();
            assertThat((Object) wb.getSheet("Contacts").getRow(3)).isNotNull(); // other sheets are complete
        }
        Path until = dir.resolve("until.xlsx");
        assertThat(f.export.exportRegister(until, new DateRange(null, LocalDate.of(2026, 12, 2)), "owner",
                Progress.NONE).rows()).isEqualTo(6);
    }

    @Test
    void sheetAndColumnNamesFollowTheLanguage() throws IOException {
        f.settings.set("ui.language", "en");
        Path file = dir.resolve(f.export.registerFileName());
        f.export.exportRegister(file, DateRange.ALL, "owner", Progress.NONE);
        assertThat(file.getFileName().toString()).isEqualTo("Léa & Fils - consent register - 2026-12-03.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(sheetNames(wb)).containsExactly("Cover", "Consent register", "Contacts", "Consent wordings",
                    "Campaigns");
            assertThat(header(wb.getSheet("Consent register"))).startsWith("No.", "Date (local time)", "Date (UTC)",
                    "Number", "First name", "Event", "Channel");
            assertThat(labelled(wb.getSheet("Cover"), "Chain check")).isEqualTo("Intact: 7 events checked");
            assertThat(str(wb.getSheet("Consent register").getRow(5), 3)).isEqualTo("erased");
            // English readers get ISO dates on screen; the cell is a date either way
            assertThat(wb.getSheet("Consent register").getRow(1).getCell(1).getCellStyle().getDataFormatString())
                    .isEqualTo("yyyy-mm-dd hh:mm:ss");
        }
    }

    @Test
    void aTamperedLedgerIsExportedWithTheBreakOnTheCover() throws IOException {
        f.db.withConnection(c -> Jdbc.update(c, "UPDATE consent_event SET staff = 'Max' WHERE seq = 4"));
        Path file = dir.resolve("tampered.xlsx");
        ExportService.Result r = f.export.exportRegister(file, DateRange.ALL, "owner", Progress.NONE);
        assertThat(r.chainIntact()).isFalse();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(labelled(wb.getSheet("Couverture"), "Vérification de la chaîne"))
                    .isEqualTo("ALTÉRÉE : Ligne 4 : son contenu a été modifié après son enregistrement.");
        }
        assertThat(f.count("SELECT COUNT(*) FROM audit WHERE action = 'EXPORT' AND detail LIKE '%CHAIN BROKEN%'"))
                .isEqualTo(1);
    }

    @Test
    void aCancelledExportLeavesNoFileAndNoAuditRow() {
        Path file = dir.resolve("cancelled.xlsx");
        Progress cancelNow = new Progress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.export.exportRegister(file, DateRange.ALL, "owner",
                cancelNow)).isInstanceOf(Cancelled.class);
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("cancelled.xlsx.part")).doesNotExist();
        assertThat(f.count("SELECT COUNT(*) FROM audit WHERE action = 'EXPORT'")).isZero();
    }

    @Test
    void anUnwritableTargetGetsAMessageNamingTheFile() throws IOException {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        Path file = blocker.resolve("register.xlsx");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.export.exportRegister(file, DateRange.ALL, "owner",
                Progress.NONE)).isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.userMessage().key())
                        .isEqualTo("export.error.write"));
        assertThat(f.count("SELECT COUNT(*) FROM audit WHERE action = 'EXPORT'")).isZero();
    }

    // --- reading helpers

}
