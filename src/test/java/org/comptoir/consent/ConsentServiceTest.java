package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.comptoir.consent.ConsentFixture.number;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.comptoir.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentServiceTest {

    @TempDir
    Path dir;

    ConsentFixture f;
    ConsentService consent;
    final PhoneNumber marie = number("+33612345678");

    @BeforeEach
    void open() {
        f = new ConsentFixture(dir);
        consent = f.consent;
    }

    @AfterEach
    void close() {
        f.close();
    }

    long count(String sql) {
        Long n = f.db.withConnection(c -> Jdbc.queryLong(c, sql));
        return n;
    }

    @Test
    void wordingNamesTheShopAndTheMentionAndIsVersionedNotEdited() {
        ConsentWording w1 = consent.currentWording();
        assertThat(w1.version()).isEqualTo(1);
        assertThat(w1.language()).isEqualTo("fr");
        assertThat(w1.text()).isEqualTo("J’accepte de recevoir par SMS les offres et promotions de Léa Fleurs. "
                + "Je peux me désinscrire à tout moment en répondant STOP au 36180 ou en le demandant en magasin.");
        assertThat(consent.currentWording()).isEqualTo(w1);

        f.settings.set("shop.name", "Léa & Fils");
        ConsentWording w2 = consent.currentWording();
        assertThat(w2.version()).isEqualTo(2);
        assertThat(w2.text()).contains("Léa & Fils");
        assertThat(consent.wording(w1.id())).contains(w1); // the old version is kept as it was

        // the owner's UI language is not the customers' (ConsentLanguageTest); the shop's consent language is
        f.settings.set("ui.language", "en");
        assertThat(consent.currentWording()).isEqualTo(w2);
        f.settings.set(ConsentSettings.LANGUAGES, "en");
        assertThat(consent.currentWording().text()).startsWith("I agree to receive offers and promotions from Léa & Fils");
    }

    @Test
    void wordingNeedsAShopName() {
        f.db.withConnection(c -> Jdbc.update(c, "DELETE FROM setting WHERE setting_key = 'shop.name'"));
        assertThatThrownBy(consent::currentWording).isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).userMessage().key()).isEqualTo("consent.error.no.shop.name");
    }

    @Test
    void optInCreatesTheContactAndAllowsMarketing() {
        assertThat(consent.lookup(marie)).isEmpty();
        ConsentWording w = consent.currentWording();
        ContactStatus s = consent.recordOptIn(marie, " Marie ", w.id(), Channel.TILL, "Léa");
        assertThat(s.contactId()).isNotNull();
        assertThat(s.number()).isEqualTo(marie);
        assertThat(s.firstName()).isEqualTo("Marie");
        assertThat(s.status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(s.since()).isEqualTo(Instant.parse("2026-11-29T10:15:30.123456Z")); // microseconds kept
        assertThat(consent.lookup(marie)).contains(s);
        assertThat(consent.allowsMarketing(marie)).isTrue();

        f.settings.set(ConsentSettings.DOUBLE_OPTIN, "true");
        assertThat(consent.allowsMarketing(marie)).isFalse();
        consent.recordConfirmation(marie, Channel.SMS_KEYWORD, "OUI");
        assertThat(consent.allowsMarketing(marie)).isTrue();
        assertThat(consent.verify().intact()).isTrue();
    }

    @Test
    void optInThenOptOutThenOptInAgain() {
        long w = consent.currentWording().id();
        consent.recordOptIn(marie, "Marie", w, Channel.TILL, "Léa");
        f.clock.advance(Duration.ofDays(3));
        ContactStatus out = consent.recordOptOut(marie, Channel.SMS_KEYWORD, null, "STOP");
        assertThat(out.status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(out.firstName()).isEqualTo("Marie"); // still a contact, just suppressed
        assertThat(consent.allowsMarketing(marie)).isFalse();
        f.clock.advance(Duration.ofDays(30));
        ContactStatus back = consent.recordOptIn(marie, null, w, Channel.TILL, "Paul");
        assertThat(back.status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(back.firstName()).isEqualTo("Marie"); // no name given: the stored one stays
        assertThat(back.contactId()).isEqualTo(out.contactId());

        List<ConsentEventView> history = consent.history(marie);
        assertThat(history).extracting(ConsentEventView::kind)
                .containsExactly(ConsentKind.OPT_IN, ConsentKind.OPT_OUT, ConsentKind.OPT_IN);
        assertThat(history.get(0).wordingVersion()).isEqualTo(1);
        assertThat(history.get(0).wordingText()).contains("Léa Fleurs");
        assertThat(history.get(0).staff()).isEqualTo("Léa");
        assertThat(history.get(1).evidence()).isEqualTo("STOP");
        assertThat(history.get(1).wordingVersion()).isNull();
        assertThat(history).extracting(ConsentEventView::seq).containsExactly(1L, 2L, 3L);
        assertThat(consent.verify()).satisfies(r -> {
            assertThat(r.intact()).isTrue();
            assertThat(r.rowsChecked()).isEqualTo(3);
        });
    }

    @Test
    void refusalKeepsNoContactButIsRemembered() {
        long w = consent.currentWording().id();
        ContactStatus s = consent.recordRefusal(marie, w, Channel.TILL, "Léa");
        assertThat(s.contactId()).isNull();
        assertThat(s.status()).isEqualTo(ConsentStatus.REFUSED);
        assertThat(count("SELECT COUNT(*) FROM contact")).isZero();
        assertThat(consent.lookup(marie).orElseThrow().status()).isEqualTo(ConsentStatus.REFUSED);
        assertThat(consent.allowsMarketing(marie)).isFalse();
    }

    @Test
    void eraseRemovesPersonalDataKeepsTheLedgerAndSuppresses() {
        long w = consent.currentWording().id();
        ContactStatus in = consent.recordOptIn(marie, "Marie", w, Channel.TILL, "Léa");
        f.contacts.setTags(in.contactId(), Set.of("vip"));
        consent.recordOptIn(number("+33698765432"), "Jean", w, Channel.TILL, "Léa");

        ContactStatus erased = consent.erase(marie, "owner");
        assertThat(erased).isEqualTo(new ContactStatus(null, null, null, ConsentStatus.ERASED, erased.since()));
        assertThat(consent.lookup(marie).orElseThrow().status()).isEqualTo(ConsentStatus.ERASED);
        assertThat(consent.allowsMarketing(marie)).isFalse();
        // no trace of the number or the name anywhere in the database
        String dump = f.db.withConnection(c -> String.join("\n", Jdbc.query(c,
                "SELECT CONCAT_WS('|', id, phone_e164, first_name) FROM contact "
                        + "UNION ALL SELECT CONCAT_WS('|', contact_id, tag) FROM contact_tag "
                        + "UNION ALL SELECT CONCAT_WS('|', actor, action, detail) FROM audit "
                        + "UNION ALL SELECT CONCAT_WS('|', subject, kind, staff, evidence) FROM consent_event",
                rs -> rs.getString(1))));
        assertThat(dump).doesNotContain("612345678").doesNotContain("Marie").doesNotContain("vip").contains("Jean");
        assertThat(count("SELECT COUNT(*) FROM audit WHERE action = 'ERASE' AND actor = 'owner'")).isEqualTo(1);
        assertThat(consent.history(marie)).extracting(ConsentEventView::kind)
                .containsExactly(ConsentKind.OPT_IN, ConsentKind.ERASED);
        assertThat(consent.verify().intact()).isTrue();

        // coming back to the till and saying yes again is a new, explicit consent
        ContactStatus again = consent.recordOptIn(marie, "Marie", w, Channel.TILL, "Léa");
        assertThat(again.status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(again.number()).isEqualTo(marie);
    }

    @Test
    void unknownWordingIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> consent.recordOptIn(marie, "Marie", 999, Channel.TILL, "Léa"))
                .isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).userMessage().key()).isEqualTo("consent.error.wording.unknown");
        assertThat(consent.lookup(marie)).isEmpty();
        assertThat(consent.verify().rowsChecked()).isZero();
    }

    @Test
    void confirmationNeedsAnOptIn() {
        assertThatThrownBy(() -> consent.recordConfirmation(marie, Channel.SMS_KEYWORD, "OUI"))
                .isInstanceOf(ComptoirException.class);
        consent.recordOptOut(marie, Channel.SMS_KEYWORD, null, "STOP");
        assertThatThrownBy(() -> consent.recordConfirmation(marie, Channel.SMS_KEYWORD, "OUI"))
                .isInstanceOf(ComptoirException.class);
    }

    @Test
    void confirmationKeepsTheWordingOfTheOptIn() {
        ConsentWording w = consent.currentWording();
        consent.recordOptIn(marie, null, w.id(), Channel.TILL, null);
        consent.recordConfirmation(marie, Channel.SMS_KEYWORD, "OUI");
        assertThat(consent.history(marie).get(1).wordingVersion()).isEqualTo(w.version());
        assertThat(consent.lookup(marie).orElseThrow().status()).isEqualTo(ConsentStatus.CONFIRMED);
    }

    @Test
    void subjectsAreStableAcrossRestartsAndTheKeyIsPrivate() throws Exception {
        String before = consent.subjectOf(marie);
        assertThat(before).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(SubjectKey.of(new byte[32]).subjectOf(marie));
        consent.recordOptIn(marie, "Marie", consent.currentWording().id(), Channel.TILL, "Léa");
        f.close();
        f = new ConsentFixture(dir);
        assertThat(f.consent.subjectOf(marie)).isEqualTo(before);
        assertThat(f.consent.lookup(marie).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        Path keyFile = dir.resolve(SubjectKey.FILE_NAME);
        assertThat(Files.size(keyFile)).isEqualTo(32);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(keyFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void aDamagedKeyIsReported() throws Exception {
        Path other = dir.resolve("other");
        try (Database db = Database.open(other)) {
            Files.write(other.resolve(SubjectKey.FILE_NAME), new byte[5]);
            assertThatThrownBy(() -> SubjectKey.forStore(db)).isInstanceOf(ComptoirException.class)
                    .extracting(e -> ((ComptoirException) e).userMessage().key()).isEqualTo("consent.key.damaged");
        }
    }

    @Test
    void statusesAllowMarketingOnlyWhenTheyShould() {
        assertThat(ConsentStatus.OPTED_IN.allowsMarketing(false)).isTrue();
        assertThat(ConsentStatus.OPTED_IN.allowsMarketing(true)).isFalse();
        assertThat(ConsentStatus.CONFIRMED.allowsMarketing(true)).isTrue();
        for (ConsentStatus s : List.of(ConsentStatus.OPTED_OUT, ConsentStatus.REFUSED, ConsentStatus.ERASED)) {
            assertThat(s.allowsMarketing(false)).as(s.name()).isFalse();
            assertThat(s.allowsMarketing(true)).as(s.name()).isFalse();
        }
    }
}
