package org.comptoir.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.comptoir.export.WorkbookReading.date;
import static org.comptoir.export.WorkbookReading.header;
import static org.comptoir.export.WorkbookReading.labelled;
import static org.comptoir.export.WorkbookReading.num;
import static org.comptoir.export.WorkbookReading.str;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentWording;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-customer proof, read back with POI: after a STOP, after an erasure, and for an unknown number. */
class ProofExportTest {

    @TempDir
    Path dir;

    ExportFixture f;
    ConsentWording w1;
    final PhoneNumber paul = new PhoneNumber("+33698765432");
    final PhoneNumber zoe = new PhoneNumber("+33622222222");
    final PhoneNumber other = new PhoneNumber("+33612345678");

    @BeforeEach
    void seed() {
        f = new ExportFixture(dir.resolve("data"));
        w1 = f.consent.currentWording();
        f.consent.recordOptIn(other, "Marie", w1.id(), Channel.TILL, "Léa");      // seq 1: someone else
        f.clock.advance(Duration.ofMinutes(5));
        f.consent.recordOptIn(paul, "Paul", w1.id(), Channel.KIOSK, null);        // seq 2
        f.clock.advance(Duration.ofDays(3));
        f.consent.recordOptOut(paul, Channel.SMS_KEYWORD, null, "Stop svp");     // seq 3
        f.clock.advance(Duration.ofMinutes(5));
        f.consent.recordOptIn(zoe, "Zoé", w1.id(), Channel.TILL, "Léa");          // seq 4
        f.clock.advance(Duration.ofMinutes(5));
        f.consent.erase(zoe, "owner");                                            // seq 5
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void afterAStopTheProofShowsTheConsentItsWordingAndTheStop() throws IOException {
        Path file = dir.resolve(f.export.proofFileName());
        ExportService.Result r = f.export.exportProof(paul, "06 98 76 54 32", file, "owner", Progress.NONE);
        assertThat(r.rows()).isEqualTo(2);
        assertThat(file.getFileName().toString()).startsWith("Léa Fleurs - preuve de consentement - 2026-12-02");
        List<String> hashes = hashesOf(paul);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            XSSFSheet s = wb.getSheet("Preuve de consentement");
            assertThat(labelled(s, "Boutique")).isEqualTo("Léa Fleurs");
            assertThat(labelled(s, "Numéro recherché")).isEqualTo("06 98 76 54 32 (+33698765432)");
            assertThat(labelled(s, "Sujet (empreinte du numéro)")).isEqualTo(f.consent.subjectOf(paul));
            assertThat(labelled(s, "Fiche contact")).isEqualTo("Paul");
            assertThat(labelled(s, "Statut actuel")).isEqualTo("s'est désinscrit depuis le 02/12/2026 11:20:30");
            assertThat(labelled(s, "Vérification de la chaîne")).isEqualTo("Intacte : 5 événements vérifiés");
            assertThat(labelled(s, "Tête du registre : numéro")).isEqualTo("5");
            int h = headerRow(s);
            assertThat(header(s, h)).containsExactly("N°", "Date (heure locale)", "Date (UTC)", "Événement", "Canal",
                    "Numéro", "Version du texte", "Texte du consentement", "Vendeur", "Preuve", "Empreinte",
                    "Empreinte précédente");
            Row optIn = s.getRow(h + 1);
            assertThat(num(optIn, 0)).isEqualTo(2.0);
            assertThat(date(optIn.getCell(1)).withNano(0)).isEqualTo(LocalDateTime.of(2026, 11, 29, 11, 20, 30));
            assertThat(date(optIn.getCell(2)).withNano(0)).isEqualTo(LocalDateTime.of(2026, 11, 29, 10, 20, 30));
            assertThat(str(optIn, 3)).isEqualTo("accord");
            assertThat(str(optIn, 4)).isEqualTo("borne");
            assertThat(str(optIn, 5)).isEqualTo("+33698765432");
            assertThat(num(optIn, 6)).isEqualTo(1.0);
            assertThat(str(optIn, 7)).isEqualTo(w1.text()); // the whole sentence the person read, not a version number
            assertThat(optIn.getCell(7).getCellStyle().getWrapText()).isTrue();
            assertThat(str(optIn, 8)).isNull();
            assertThat(str(optIn, 9)).isNull();
            assertThat(str(optIn, 10)).isEqualTo(hashes.get(0));
            assertThat(str(optIn, 11)).isEqualTo(hashOfSeq(1)); // chained to the previous event of the ledger
            Row stop = s.getRow(h + 2);
            assertThat(num(stop, 0)).isEqualTo(3.0);
            assertThat(str(stop, 3)).isEqualTo("désinscription");
            assertThat(str(stop, 4)).isEqualTo("SMS");
            assertThat(num(stop, 6)).isNull();
            assertThat(str(stop, 7)).isNull();
            assertThat(str(stop, 9)).isEqualTo("Stop svp");
            assertThat(str(stop, 10)).isEqualTo(hashes.get(1));
            assertThat(str(stop, 11)).isEqualTo(hashOfSeq(2));
            assertThat((Object) s.getRow(h + 3)).isNull(); // nobody else's events
            assertThat(s.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A" + (h + 1) + ":L" + (h + 3));
        }
        assertThat(f.count("SELECT COUNT(*) FROM audit WHERE action = 'EXPORT' AND detail LIKE ?",
                "consent proof for subject " + f.consent.subjectOf(paul).substring(0, 12) + "…: 2 events%")).isEqualTo(1);
    }

    @Test
    void afterAnErasureTheTypedNumberStillFindsTheEventsShownAsErased() throws IOException {
        assertThat(f.count("SELECT COUNT(*) FROM contact WHERE phone_e164 = '+33622222222'")).isZero();
        Path file = dir.resolve("zoe.xlsx");
        ExportService.Result r = f.export.exportProof(zoe, "06 22 22 22 22", file, "owner", Progress.NONE);
        assertThat(r.rows()).isEqualTo(2);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(labelled(s, "Fiche contact")).isEqualTo("aucune (effacée, ou jamais créée)");
            assertThat(labelled(s, "Statut actuel")).startsWith("effacé à sa demande depuis le 02/12/2026");
            int h = headerRow(s);
            Row optIn = s.getRow(h + 1);
            assertThat(str(optIn, 3)).isEqualTo("accord");
            assertThat(str(optIn, 5)).isEqualTo("effacé");
            assertThat(str(optIn, 7)).isEqualTo(w1.text());
            assertThat(str(optIn, 8)).isEqualTo("Léa");
            Row erased = s.getRow(h + 2);
            assertThat(str(erased, 3)).isEqualTo("effacement");
            assertThat(str(erased, 4)).isEqualTo("manuel");
            assertThat(str(erased, 5)).isEqualTo("effacé");
            assertThat(str(erased, 8)).isEqualTo("owner");
            assertThat(List.of(str(optIn, 10), str(erased, 10))).isEqualTo(hashesOf(zoe));
        }
    }

    @Test
    void aNumberTheLedgerNeverSawIsRefusedWithoutAFile() {
        Path file = dir.resolve("nobody.xlsx");
        assertThatThrownBy(() -> f.export.exportProof(new PhoneNumber("+33699999999"), "06 99 99 99 99", file,
                "owner", Progress.NONE)).isInstanceOfSatisfying(ComptoirException.class, e ->
                        assertThat(org.comptoir.i18n.Messages.forLanguage("fr").render(e.userMessage()))
                                .isEqualTo("Le registre ne contient aucun événement pour le numéro 06 99 99 99 99."));
        assertThat(file).doesNotExist();
    }

    private List<String> hashesOf(PhoneNumber n) {
        return f.db.withConnection(c -> Jdbc.query(c, "SELECT hash FROM consent_event WHERE subject = ? ORDER BY seq",
                rs -> rs.getString(1), f.consent.subjectOf(n)));
    }

    private String hashOfSeq(long seq) {
        return f.db.withConnection(c -> Jdbc.queryOne(c, "SELECT hash FROM consent_event WHERE seq = ?",
                rs -> rs.getString(1), seq)).orElseThrow();
    }

    private static int headerRow(XSSFSheet s) {
        for (Row r : s) {
            if (r.getCell(0) != null && "N°".equals(r.getCell(0).toString())) {
                return r.getRowNum();
            }
        }
        throw new AssertionError("no event table");
    }
}
