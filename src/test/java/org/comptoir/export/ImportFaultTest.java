package org.comptoir.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.comptoir.consent.Channel;
import org.comptoir.consent.LedgerHead;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import's failure rule on a file larger than one transaction (ImportService: resumable, nothing half-written):
 * a fault at row N leaves the whole transactions before it and nothing of the one it hit, every saved person
 * complete (contact, tags, OPT_IN, state), the ledger verifying; importing the same file again finishes it and
 * ends exactly where an uninterrupted import would, nobody opted in twice.
 */
class ImportFaultTest {

    static final int ROWS = 6_000;
    static final int CHUNK = 2_000;
    static final int FAULT_AT = 4_500;

    @TempDir
    Path dir;
    ExportFixture f;

    @BeforeEach
    void open() {
        f = new ExportFixture(dir.resolve("data"));
        long w = f.consent.currentWording().id();
        // a store already in use: a till consent, and a STOP the file must not undo
        f.consent.recordOptIn(new PhoneNumber("+33699999999"), "Léa", w, Channel.TILL, "Léa");
        f.consent.recordOptIn(new PhoneNumber("+33610000007"), "Stop", w, Channel.TILL, "Léa");
        f.consent.recordOptOut(new PhoneNumber("+33610000007"), Channel.SMS_KEYWORD, null, "STOP");
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Every row with a dated consent and its source; every third without; a tag on each. */
    private Path file() throws IOException {
        return ImportFile.write(dir.resolve("liste.xlsx"), ROWS);
    }

    /** Throws, as a failing disk would, when the writing pass reaches file row {@code at}. */
    private static Progress faultAt(long at) {
        return new Progress() {
            @Override
            public void update(long done, long total) {
                if (total > 0 && done - total / 2 >= at) {
                    throw new IllegalStateException("disk unplugged at row " + at);
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    @Test
    void aFaultAtRowNKeepsWholeTransactionsOnlyAndImportingAgainEndsAsAnUninterruptedImport() throws IOException {
        Path file = file();
        ImportService imports = new ImportService(f.db, f.consent, f.settings, f.clock, ExportFixture.PARIS,
                SourceReader.MAX_ROWS, CHUNK);
        long events = f.count("SELECT COUNT(*) FROM consent_event");
        long contacts = f.count("SELECT COUNT(*) FROM contact");

        assertThatThrownBy(() -> imports.importContacts(file, Map.of(), false, null, "owner", faultAt(FAULT_AT)))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.userMessage().key())
                        .isEqualTo("export.import.error.partial"));
        long saved = FAULT_AT / CHUNK * CHUNK; // the transactions before the one the fault hit
        long savedWithConsent = java.util.stream.LongStream.range(0, saved).filter(i -> i % 3 != 0 && i != 7).count();
        assertThat(f.count("SELECT COUNT(*) FROM contact")).isEqualTo(contacts + saved - 1); // the STOPped one was in
        assertThat(f.count("SELECT COUNT(*) FROM consent_event")).isEqualTo(events + savedWithConsent);
        // nothing half-written: every imported contact has its tag, every imported consent its state and audit line
        assertThat(f.count("SELECT COUNT(*) FROM contact c WHERE c.phone_e164 LIKE '+336100%' AND NOT EXISTS "
                + "(SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id) AND c.phone_e164 <> '+33610000007'")).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM consent_event e WHERE e.channel = 'IMPORT' AND NOT EXISTS "
                + "(SELECT 1 FROM consent_state s WHERE s.subject = e.subject AND s.last_seq = e.seq)")).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM audit WHERE action = 'CONSENT_OPT_IN' AND actor = 'import'"))
                .isEqualTo(savedWithConsent);
        assertThat(f.count("SELECT COUNT(*) FROM audit WHERE detail = 'contacts from liste.xlsx: stopped after "
                + saved + " of " + ROWS + " rows'")).isEqualTo(1);
        assertThat(f.consent.verify().intact()).isTrue();
        LedgerHead afterFault = f.consent.head();
        assertThat(afterFault.seq()).isEqualTo(events + savedWithConsent);

        ImportReport again = imports.importContacts(file, Map.of(), false, null, "owner", Progress.NONE);
        long allWithConsent = java.util.stream.LongStream.range(0, ROWS).filter(i -> i % 3 != 0 && i != 7).count();
        assertThat(List.of(again.withConsent(), again.updated(), again.refused()))
                .containsExactly(allWithConsent - savedWithConsent, saved - 1, 1L);
        assertThat(f.count("SELECT COUNT(*) FROM consent_event")).isEqualTo(events + allWithConsent); // nobody twice
        assertThat(f.count("SELECT COUNT(*) FROM contact")).isEqualTo(contacts + ROWS - 1);
        assertThat(f.count("SELECT COUNT(*) FROM contact_tag")).isEqualTo(ROWS - 1);
        assertThat(f.count("SELECT COUNT(*) FROM consent_state WHERE status = 'OPTED_OUT'")).isEqualTo(1);
        var verify = f.consent.verify(List.of(afterFault)); // the ledger extends the head the fault left
        assertThat(verify.intact()).as(String.valueOf(verify.problems())).isTrue();
    }
}
