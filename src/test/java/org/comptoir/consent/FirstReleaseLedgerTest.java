package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.comptoir.AppContext;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.FirstReleaseStore;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger recorded by the first release (hash recipe 1, no fingerprint, no encryption) verifies after upgrade. */
class FirstReleaseLedgerTest {

    @TempDir
    Path dir;

    @Test
    void oldRowsKeepVerifyingUnderTheirRecipeAndNewOnesUseTheCurrentOne() throws Exception {
        byte[] keyBytes = new byte[32];
        keyBytes[3] = 7;
        SubjectKey key = SubjectKey.of(keyBytes);
        PhoneNumber marie = new PhoneNumber("+33612345678");
        String subject = key.subjectOf(marie);
        Instant at = Instant.parse("2026-11-20T09:30:00.123456Z");
        String text = "J'accepte de recevoir les offres de Léa Fleurs par SMS.";
        FirstReleaseStore.build(dir, c -> {
            Jdbc.update(c, "INSERT INTO consent_wording (id, version, language, text, shop_name, purpose, created_at) "
                    + "VALUES (1, 1, 'fr', ?, 'Léa Fleurs', 'Offres', ?)", text, at);
            ConsentWording w = new ConsentWording(1, 1, "fr", text, "Léa Fleurs", "Offres", at);
            String hash = new LedgerEntry(1, 1, subject, "OPT_IN", "TILL", 1L, w, "Léa", at, null, LedgerEntry.GENESIS)
                    .computeHash();
            Jdbc.update(c, "INSERT INTO consent_event (seq, subject, kind, channel, wording_id, staff, occurred_at, "
                    + "prev_hash, hash) VALUES (1, ?, 'OPT_IN', 'TILL', 1, 'Léa', ?, ?, ?)", subject, at,
                    LedgerEntry.GENESIS, hash);
            Jdbc.update(c, "INSERT INTO consent_state (subject, status, since, last_seq, wording_id) VALUES (?, "
                    + "'OPTED_IN', ?, 1, 1)", subject, at);
            Jdbc.update(c, "INSERT INTO contact (subject, phone_e164, national_digits, first_name, created_at) VALUES "
                    + "(?, ?, '612345678', 'Marie', ?)", subject, marie.e164(), at);
            return Jdbc.update(c, "UPDATE consent_ledger_head SET last_seq = 1, last_hash = ?", hash);
        });
        Files.write(dir.resolve(SubjectKey.FILE_NAME), keyBytes);

        try (AppContext ctx = AppContext.open(dir)) {
            ctx.settings().set("shop.name", "Léa Fleurs");
            VerifyReport before = ctx.consent().verify();
            assertThat(before.problems()).isEmpty();
            assertThat(before.rowsChecked()).isEqualTo(1);
            ctx.consent().recordOptOut(marie, Channel.SMS_KEYWORD, null, "STOP");
            assertThat(ctx.consent().verify().problems()).isEmpty();
            int[] versions = ctx.database().withConnection(c -> Jdbc.query(c,
                    "SELECT hash_version FROM consent_event ORDER BY seq", rs -> rs.getInt(1)))
                    .stream().mapToInt(Integer::intValue).toArray();
            assertThat(versions).containsExactly(1, 2);
        }
    }
}
