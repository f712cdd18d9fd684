package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three silent years put a contact on the list; a reply or a fresh consent takes them off; erasure is audited. */
class RetentionTest {

    private static final PhoneNumber SILENT = new PhoneNumber("+33611111111");
    private static final PhoneNumber REPLIED = new PhoneNumber("+33622222222");
    private static final PhoneNumber RECENT = new PhoneNumber("+33633333333");

    @TempDir
    Path dir;
    private SmsConsentFixture f;

    @BeforeEach
    void open() {
        f = new SmsConsentFixture(dir);
        f.clock.set(Instant.parse("2023-01-10T10:00:00Z"));
        long w = f.consent.currentWording().id();
        f.consent.recordOptIn(SILENT, "Sam", w, Channel.TILL, "caisse");
        f.consent.recordOptIn(REPLIED, "Rita", w, Channel.TILL, "caisse");
        f.clock.set(Instant.parse("2025-06-01T10:00:00Z"));
        f.receiveAndRoute(REPLIED.e164(), "Merci pour la promo !");
        f.consent.recordOptIn(RECENT, "Rémi", w, Channel.TILL, "caisse");
        f.clock.set(Instant.parse("2026-02-01T10:00:00Z"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void contactsSilentForTheConfiguredPeriodAreListed() {
        assertThat(f.sms.retention().due()).singleElement().satisfies(c -> {
            assertThat(c.number()).isEqualTo(SILENT);
            assertThat(c.firstName()).isEqualTo("Sam");
            assertThat(c.lastInteraction()).isEqualTo(Instant.parse("2023-01-10T10:00:00Z"));
        });
        f.settings.set(ConsentSmsSettings.RETENTION_MONTHS, "6");
        assertThat(f.sms.retention().due()).extracting(Retention.Candidate::number).containsExactly(SILENT, REPLIED, RECENT);
        f.settings.set(ConsentSmsSettings.RETENTION_MONTHS, "12");
        assertThat(f.sms.retention().due()).extracting(Retention.Candidate::number).containsExactly(SILENT);
    }

    @Test
    void theConfirmedBatchIsErasedAndAuditedButWhoCameBackMeanwhileIsKept() {
        f.settings.set(ConsentSmsSettings.RETENTION_MONTHS, "6");
        List<Retention.Candidate> shown = f.sms.retention().due();
        f.clock.advance(Duration.ofMinutes(10));
        f.receiveAndRoute(RECENT.e164(), "Je passe demain");

        assertThat(f.sms.retention().eraseConfirmed(shown, "owner")).isEqualTo(2);

        assertThat(f.consent.lookup(SILENT).orElseThrow().status()).isEqualTo(ConsentStatus.ERASED);
        assertThat(f.consent.lookup(REPLIED).orElseThrow().status()).isEqualTo(ConsentStatus.ERASED);
        assertThat(f.consent.lookup(RECENT).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        String detail = f.db.withConnection(c -> Jdbc.queryOne(c,
                "SELECT detail FROM audit WHERE action = 'RETENTION_ERASE'", rs -> rs.getString(1))).orElseThrow();
        assertThat(detail).isEqualTo("2 contact(s) silent for 6 months");
        long erasures = f.db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM audit WHERE action = 'ERASE'"));
        assertThat(erasures).isEqualTo(2);
        assertThat(f.consent.verify().intact()).isTrue();
    }
}
