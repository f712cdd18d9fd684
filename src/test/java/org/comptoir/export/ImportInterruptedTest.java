package org.comptoir.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.comptoir.consent.Channel;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import stopped half-way the two ways a shop meets (ImportFaultTest has the injected disk fault): the owner's
 * "Annuler", and the PC switched off — a separate JVM killed with SIGKILL in the middle of the writing pass. Either
 * way the store holds whole transactions only, each consent saved with its own row's evidence (file, row, date,
 * source) and its state, the ledger verifies, and importing the same file again ends exactly as an uninterrupted
 * import would, nobody opted in twice.
 */
@Timeout(300)
class ImportInterruptedTest {

    static final int ROWS = 3_000;
    static final int CHUNK = 1_000;
    /** Where the interruption comes: in the second transaction. */
    static final int STOP_AT = 1_500;
    static final String STOPPED = "+33610000007";
    static final Pattern ROW = Pattern.compile("row=(\\d+); consent-date=(\\d{4}-\\d{2}-\\d{2}); source=salon");

    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    /** A store already in use: a till consent, and a STOP for a number of the file that the file must not undo. */
    private long[] seed() {
        try (ExportFixture f = new ExportFixture(data())) {
            long w = f.consent.currentWording().id();
            f.consent.recordOptIn(new PhoneNumber("+33699999999"), "Léa", w, Channel.TILL, "Léa");
            f.consent.recordOptIn(new PhoneNumber(STOPPED), "Stop", w, Channel.TILL, "Léa");
            f.consent.recordOptOut(new PhoneNumber(STOPPED), Channel.SMS_KEYWORD, null, "STOP");
            return new long[] {f.count("SELECT COUNT(*) FROM consent_event"), f.count("SELECT COUNT(*) FROM contact")};
        }
    }

    private static long withConsentBefore(long rows) {
        return LongStream.range(0, rows).filter(i -> ImportFile.withConsent(i) && i != 7).count();
    }

    @Test
    void thePcSwitchedOffMidImportLeavesWholeTransactionsEachConsentWithItsOwnEvidence() throws Exception {
        long[] before = seed();
        Path file = ImportFile.write(dir.resolve("liste.xlsx"), ROWS);

        // a short-lived JVM: C1 only and the serial collector, as surefire's own (pom.xml)
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ImportChild.class.getName(), data().toString(), file.toString(), Integer.toString(CHUNK))
                .redirectErrorStream(true).start();
        StringBuilder said = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                said.append(line).append('\n');
                if (line.startsWith("WRITTEN ") && Long.parseLong(line.substring(8)) >= STOP_AT) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no audit line
                    break;
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(said.toString()).as("killed mid-import, not finished").doesNotContain("DONE");

        try (ExportFixture f = new ExportFixture(data())) {
            f.clock.set(java.time.Instant.now()); // the child wrote on the PC's clock; the ledger never goes back
            long saved = f.count("SELECT COUNT(*) FROM contact WHERE phone_e164 LIKE '+336100%'"); // the STOPped one was a contact already
            assertThat(saved % CHUNK).as("whole transactions only: %d rows", saved).isZero();
            assertThat(saved).isBetween((long) CHUNK, (long) ROWS - CHUNK);
            assertSavedComplete(f, before, saved);

            ImportReport again = f.imports.importContacts(file, Map.of(), false, null, "owner", Progress.NONE);
            assertFinished(f, before, saved, again);
        }
    }

    @Test
    void cancellingMidImportSaysHowFarItGotAndImportingAgainFinishesIt() throws Exception {
        long[] before = seed();
        Path file = ImportFile.write(dir.resolve("liste.xlsx"), ROWS);
        try (ExportFixture f = new ExportFixture(data())) {
            ImportService imports = new ImportService(f.db, f.consent, f.settings, f.clock, ExportFixture.PARIS,
                    SourceReader.MAX_ROWS, CHUNK);
            boolean[] cancel = {false};
            Progress owner = new Progress() {
                @Override
                public void update(long done, long total) {
                    cancel[0] |= total > 0 && done - total / 2 >= STOP_AT; // the owner presses "Annuler" here
                }

                @Override
                public boolean cancelled() {
                    return cancel[0];
                }
            };

            assertThatThrownBy(() -> imports.importContacts(file, Map.of(), false, null, "owner", owner))
                    .isInstanceOfSatisfying(ComptoirException.class, e -> {
                        assertThat(e.userMessage().key()).isEqualTo("export.import.error.partial");
                        assertThat(org.comptoir.i18n.Messages.forLanguage("fr").render(e.userMessage()))
                                .as("the owner is told how far it got").contains("liste.xlsx").contains("1000")
                                .contains("3000");
                    });
            long saved = STOP_AT / CHUNK * CHUNK;
            assertThat(f.count("SELECT COUNT(*) FROM contact WHERE phone_e164 LIKE '+336100%'")).isEqualTo(saved);
            assertThat(f.count("SELECT COUNT(*) FROM audit WHERE detail = 'contacts from liste.xlsx: stopped after "
                    + saved + " of " + ROWS + " rows'")).isEqualTo(1);
            assertSavedComplete(f, before, saved);

            ImportReport again = imports.importContacts(file, Map.of(), false, null, "owner", Progress.NONE);
            assertFinished(f, before, saved, again);
        }
    }

    /** The first {@code saved} rows are in, each whole: contact and tag, and its consent with its own row's evidence. */
    private static void assertSavedComplete(ExportFixture f, long[] before, long saved) {
        assertThat(f.count("SELECT COUNT(*) FROM contact")).isEqualTo(before[1] + saved - 1);
        assertThat(f.count("SELECT COUNT(*) FROM contact c WHERE c.phone_e164 LIKE '+336100%' AND NOT EXISTS "
                + "(SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id) AND c.phone_e164 <> '" + STOPPED + "'")).isZero();
        List<String> evidence = f.db.withConnection(c -> Jdbc.query(c, "SELECT evidence FROM consent_event"
                + " WHERE channel = 'IMPORT' ORDER BY seq", rs -> rs.getString(1)));
        assertThat(evidence).hasSize((int) withConsentBefore(saved));
        for (String e : evidence) {
            assertThat(e).startsWith("import file=liste.xlsx; sheet=Clients; ");
            Matcher m = ROW.matcher(e);
            assertThat(m.find()).as(e).isTrue();
            long i = Long.parseLong(m.group(1)) - 2; // line 1 is the header
            assertThat(i).as(e).isBetween(0L, saved - 1);
            assertThat(ImportFile.withConsent(i)).as(e).isTrue();
            assertThat(m.group(2)).as("the date of its own row: " + e).isEqualTo(ImportFile.consentDate(i).toString());
        }
        assertThat(f.count("SELECT COUNT(*) FROM consent_event e WHERE e.channel = 'IMPORT' AND NOT EXISTS "
                + "(SELECT 1 FROM consent_state s WHERE s.subject = e.subject AND s.last_seq = e.seq)")).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM consent_state WHERE status = 'OPTED_OUT'")).isEqualTo(1);
        assertThat(f.consent.verify().intact()).isTrue();
    }

    /** Imported again: as an uninterrupted import would end, nobody opted in twice, the STOP kept. */
    private static void assertFinished(ExportFixture f, long[] before, long saved, ImportReport again) {
        long all = withConsentBefore(ROWS);
        assertThat(List.of(again.withConsent(), again.updated(), again.refused()))
                .containsExactly(all - withConsentBefore(saved), saved - 1, 1L);
        assertThat(f.count("SELECT COUNT(*) FROM consent_event")).isEqualTo(before[0] + all);
        assertThat(f.count("SELECT COUNT(*) FROM contact")).isEqualTo(before[1] + ROWS - 1);
        assertThat(f.count("SELECT COUNT(*) FROM consent_state WHERE status = 'OPTED_OUT'")).isEqualTo(1);
        assertThat(f.consent.verify().intact()).isTrue();
    }
}
