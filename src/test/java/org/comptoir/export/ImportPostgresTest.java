package org.comptoir.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Database;
import org.comptoir.store.Dialect;
import org.comptoir.store.Jdbc;
import org.comptoir.store.PostgresServer;
import org.comptoir.store.StoreTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contact import and the register export on a chain's PostgreSQL store end as they do on a shop's H2 file: the same
 * spreadsheet ({@link ImportFile}) imported in several transactions into a store already in use (a STOP, an erasure,
 * a refusal and a till consent among the file's numbers), then imported again (the resumption path), then the register
 * exported and read back. Both stores must hold the same contacts, tags, consents with their own row's evidence and
 * states, keep the STOP, verify, and export the same rows. The ledger's order of one import's rows and the hashes
 * follow each store's own subject key, so those are compared as sets and without the hashes.
 */
@ExtendWith(PostgresServer.class)
@Timeout(300)
class ImportPostgresTest {

    /** Three transactions of {@value #CHUNK} rows and a shorter one. */
    static final int ROWS = 50;
    static final int CHUNK = 15;
    static final long ERASED = 4;
    static final long REFUSED = 5;
    static final long STOPPED = 7;
    static final long AT_TILL = 10;
    static final Pattern EVIDENCE = Pattern.compile(
            "import file=liste\\.xlsx; sheet=Clients; row=(\\d+); consent-date=(\\d{4}-\\d{2}-\\d{2}); source=salon");

    @TempDir
    Path dir;

    /** Everything an import and the register export leave behind that must not depend on the database. */
    record Outcome(List<Long> firstCounts, List<Long> againCounts, List<String> contacts, List<String> tags,
                   List<String> events, List<String> states, boolean intact, List<String> cover,
                   List<String> register, List<String> contactSheet) {
    }

    @Test
    void anImportIntoPostgresqlAndItsRegisterEndAsOnH2(PostgresServer pg) throws Exception {
        Path file = ImportFile.write(dir.resolve("liste.xlsx"), ROWS);
        Outcome onH2;
        try (ExportFixture f = new ExportFixture(Database.open(dir.resolve("h2")))) {
            assertThat(f.db.dialect()).isEqualTo(Dialect.H2);
            onH2 = importThenExport(f, file, dir.resolve("h2.xlsx"));
        }
        Outcome onPostgres;
        try (ExportFixture f = new ExportFixture(Database.open(dir.resolve("pg"), StoreTarget.postgresql(
                pg.newDatabase(), PostgresServer.USER, PostgresServer.PASSWORD), true))) {
            assertThat(f.db.dialect()).isEqualTo(Dialect.POSTGRESQL);
            onPostgres = importThenExport(f, file, dir.resolve("pg.xlsx"));
        }
        assertThat(onPostgres.firstCounts()).isEqualTo(onH2.firstCounts());
        assertThat(onPostgres.againCounts()).isEqualTo(onH2.againCounts());
        assertThat(untimed(onPostgres.contacts())).isEqualTo(untimed(onH2.contacts()));
        assertThat(onPostgres.tags()).isEqualTo(onH2.tags());
        assertThat(untimed(onPostgres.events())).isEqualTo(untimed(onH2.events()));
        assertThat(untimed(onPostgres.states())).isEqualTo(untimed(onH2.states()));
        assertThat(onPostgres.intact()).isTrue();
        assertThat(onPostgres.cover()).isEqualTo(onH2.cover());
        assertThat(untimed(onPostgres.register())).isEqualTo(untimed(onH2.register()));
        assertThat(untimed(onPostgres.contactSheet())).isEqualTo(untimed(onH2.contactSheet()));
    }

    private static final Pattern INSTANT = Pattern.compile(
            "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    /**
     * The rows without their instants: on a shared store the ledger takes the database server's clock (two tills
     * must record in one time order), so a PostgreSQL store's consent times are the server's, not the fixture's.
     */
    static List<String> untimed(List<String> rows) {
        return rows.stream().map(r -> INSTANT.matcher(r).replaceAll("<t>")).toList();
    }

    /** The store's history, the import twice, the explicit expectations, and what is compared across the stores. */
    private Outcome importThenExport(ExportFixture f, Path file, Path out) throws IOException {
        long w = f.consent.currentWording().id();
        f.consent.recordOptIn(n(ERASED), "Efface", w, Channel.TILL, "Léa");
        f.consent.erase(n(ERASED), "owner");
        f.consent.recordRefusal(n(REFUSED), w, Channel.TILL, "Léa");
        f.consent.recordOptIn(n(STOPPED), "Stop", w, Channel.TILL, "Léa");
        f.consent.recordOptOut(n(STOPPED), Channel.SMS_KEYWORD, null, "STOP");
        f.consent.recordOptIn(n(AT_TILL), "Caisse", w, Channel.TILL, "Léa");
        long before = f.count("SELECT COUNT(*) FROM consent_event");
        assertThat(before).isEqualTo(6);

        ImportService imports = new ImportService(f.db, f.consent, f.settings, f.clock, ExportFixture.PARIS,
                SourceReader.MAX_ROWS, CHUNK);
        ImportReport first = imports.importContacts(file, Map.of(), false, null, "owner", Progress.NONE);
        long consents = LongStream.range(0, ROWS).filter(i -> ImportFile.withConsent(i) && !special(i)).count();
        long without = LongStream.range(0, ROWS).filter(i -> !ImportFile.withConsent(i)).count();
        // the erased, the refused and the STOPped rows are refused; the till's consent and rows already known updated
        assertThat(List.of(first.withConsent(), first.withoutConsent(), first.updated(), first.refused()))
                .containsExactly(consents, without, 1L, 3L);
        ImportReport again = imports.importContacts(file, Map.of(), false, null, "owner", Progress.NONE);
        assertThat(List.of(again.withConsent(), again.withoutConsent(), again.updated(), again.refused()))
                .containsExactly(0L, 0L, (long) ROWS - 3, 3L);

        // every row but the erased and the refused one is a contact (the STOPped one was already), tagged from the file
        assertThat(f.count("SELECT COUNT(*) FROM contact")).isEqualTo(ROWS - 2);
        assertThat(f.count("SELECT COUNT(*) FROM contact c WHERE NOT EXISTS (SELECT 1 FROM contact_tag t "
                + "WHERE t.contact_id = c.id)")).isEqualTo(1); // the STOPped one: refused, so not tagged
        assertThat(f.count("SELECT COUNT(*) FROM contact c JOIN contact_tag t ON t.contact_id = c.id WHERE "
                + "c.phone_e164 = ? AND t.tag = 'vip'", n(0).e164())).isEqualTo(1);
        assertThat(f.count("SELECT COUNT(*) FROM contact c JOIN contact_tag t ON t.contact_id = c.id WHERE "
                + "c.phone_e164 = ? AND t.tag = 'salon'", n(1).e164())).isEqualTo(1);
        // one OPT_IN per row with consent, channel IMPORT, each with its own row's evidence, and its state
        List<String> evidence = f.db.withConnection(c -> Jdbc.query(c, "SELECT evidence FROM consent_event WHERE "
                + "channel = 'IMPORT' AND kind = 'OPT_IN' AND staff IS NULL AND wording_id IS NULL ORDER BY seq",
                rs -> rs.getString(1)));
        assertThat(evidence).hasSize((int) consents);
        assertThat(f.count("SELECT COUNT(*) FROM consent_event")).isEqualTo(before + consents);
        List<Long> rowsSeen = new ArrayList<>();
        for (String e : evidence) {
            Matcher m = EVIDENCE.matcher(e);
            assertThat(m.matches()).as(e).isTrue();
            long i = Long.parseLong(m.group(1)) - 2;
            rowsSeen.add(i);
            assertThat(ImportFile.withConsent(i) && !special(i)).as(e).isTrue();
            assertThat(m.group(2)).as(e).isEqualTo(ImportFile.consentDate(i).toString());
        }
        assertThat(rowsSeen).doesNotHaveDuplicates();
        assertThat(f.count("SELECT COUNT(*) FROM consent_event e WHERE e.channel = 'IMPORT' AND NOT EXISTS "
                + "(SELECT 1 FROM consent_state s WHERE s.subject = e.subject AND s.last_seq = e.seq "
                + "AND s.status = 'OPTED_IN')")).isZero();
        assertThat(f.consent.lookup(n(STOPPED)).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(f.consent.history(n(STOPPED))).hasSize(2);
        assertThat(f.consent.lookup(n(ERASED)).orElseThrow().contactId()).isNull();
        assertThat(f.consent.lookup(n(REFUSED)).orElseThrow().status()).isEqualTo(ConsentStatus.REFUSED);
        assertThat(f.consent.history(n(AT_TILL))).singleElement()
                .satisfies(e -> assertThat(e.channel()).isEqualTo(Channel.TILL));
        boolean intact = f.consent.verify().intact();
        assertThat(intact).isTrue();

        ExportService.Result r = f.export.exportRegister(out, DateRange.ALL, "owner", Progress.NONE);
        assertThat(r.rows()).isEqualTo(before + consents);
        assertThat(r.chainIntact()).isTrue();
        List<String> cover;
        List<String> register;
        List<String> contactSheet;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            XSSFSheet c = wb.getSheet("Couverture");
            cover = List.of(WorkbookReading.labelled(c, "Tête du registre : numéro"),
                    WorkbookReading.labelled(c, "Vérification de la chaîne"),
                    WorkbookReading.labelled(c, "Événements exportés"), WorkbookReading.labelled(c, "Contacts"));
            assertThat(cover).containsExactly(Long.toString(before + consents),
                    "Intacte : " + (before + consents) + " événements vérifiés", Long.toString(before + consents),
                    Long.toString(ROWS - 2));
            XSSFSheet reg = wb.getSheet("Registre des consentements");
            // the seq (column 0) and the subject and hashes (10 to 12) follow the store's key; the rest must not
            register = rows(reg, 1, 9, true);
            assertThat(register).hasSize((int) (before + consents));
            String local = "29/11/2026 11:15:30"; // the fixture's clock, in Paris
            String at = local + "|29/11/2026 10:15:30|";
            boolean server = f.db.dialect() == Dialect.POSTGRESQL;
            java.util.function.UnaryOperator<List<String>> times = server ? ImportPostgresTest::untimed : x -> x;
            if (server) {
                assertThat(rows(reg, 1, 9, false).get(0)).as("the server's clock, not the fixture's")
                        .doesNotStartWith(local);
            }
            assertThat(times.apply(rows(reg, 1, 9, false).subList(0, 6))).containsExactlyElementsOf(times.apply(List.of(
                    at + "effacé||accord|caisse|1|Léa|", at + "effacé||effacement|manuel||owner|",
                    at + "non conservé||refus|caisse|1|Léa|", at + "+33610000007|Stop|accord|caisse|1|Léa|",
                    at + "+33610000007|Stop|désinscription|SMS|||STOP", at + "+33610000010|Caisse|accord|caisse|1|Léa|")));
            assertThat(times.apply(register)).contains(times.apply(List.of(at + "+33610000001|Client1|accord|import|||"
                    + "import file=liste.xlsx; sheet=Clients; row=3; consent-date=" + ImportFile.consentDate(1)
                    + "; source=salon")).get(0));
            XSSFSheet people = wb.getSheet("Contacts");
            contactSheet = rows(people, 0, 7, true);
            assertThat(contactSheet).hasSize(ROWS - 2);
            assertThat(times.apply(contactSheet)).containsAll(times.apply(List.of(
                    "+33610000000|Client0||aucun consentement enregistré|||vip|" + local,
                    "+33610000001|Client1||a accepté|" + local + "||salon|" + local,
                    "+33610000007|Stop||s'est désinscrit|" + local + "|||" + local,
                    "+33610000010|Caisse||a accepté|" + local + "|1|vip|" + local)));
        }

        List<String> contacts = f.db.withConnection(c -> Jdbc.query(c, "SELECT phone_e164, national_digits, "
                + "first_name, last_name, created_at FROM contact ORDER BY phone_e164", rs -> rs.getString(1) + "|"
                + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + Jdbc.instant(rs, "created_at")));
        List<String> tags = f.db.withConnection(c -> Jdbc.query(c, "SELECT c.phone_e164, t.tag FROM contact_tag t "
                + "JOIN contact c ON c.id = t.contact_id ORDER BY 1, 2", rs -> rs.getString(1) + "|" + rs.getString(2)));
        List<String> events = f.db.withConnection(c -> Jdbc.query(c, "SELECT e.kind, e.channel, e.staff, e.evidence, "
                + "e.occurred_at, e.wording_id, c.phone_e164 FROM consent_event e LEFT JOIN contact c "
                + "ON c.subject = e.subject", rs -> rs.getString(7) + "|" + rs.getString(1) + "|" + rs.getString(2)
                + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + Jdbc.instant(rs, "occurred_at") + "|"
                + rs.getObject(6))).stream().sorted().toList();
        List<String> states = f.db.withConnection(c -> Jdbc.query(c, "SELECT s.status, s.since, s.wording_id, "
                + "c.phone_e164 FROM consent_state s LEFT JOIN contact c ON c.subject = s.subject", rs -> rs.getString(4)
                + "|" + rs.getString(1) + "|" + Jdbc.instant(rs, "since") + "|" + rs.getObject(3)))
                .stream().sorted().toList();
        return new Outcome(counts(first), counts(again), contacts, tags, events, states, intact, cover, register,
                contactSheet);
    }

    private static boolean special(long i) {
        return i == ERASED || i == REFUSED || i == STOPPED || i == AT_TILL;
    }

    private static PhoneNumber n(long i) {
        return new PhoneNumber("+33" + ImportFile.number(i).substring(1).replace(" ", ""));
    }

    private static List<Long> counts(ImportReport r) {
        return List.of(r.withConsent(), r.withoutConsent(), r.updated(), r.refused(), r.blank());
    }

    /** Columns {@code from..to} of every row under the header as Excel shows them, joined by '|'; sorted if asked. */
    private static List<String> rows(XSSFSheet s, int from, int to, boolean sorted) {
        DataFormatter shown = new DataFormatter();
        List<String> rows = new ArrayList<>();
        for (int r = 1; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            StringBuilder line = new StringBuilder();
            for (int col = from; col <= to; col++) {
                Cell cell = row.getCell(col);
                line.append(col == from ? "" : "|").append(cell == null ? "" : shown.formatCellValue(cell));
            }
            rows.add(line.toString());
        }
        return sorted ? rows.stream().sorted().toList() : rows;
    }

}
