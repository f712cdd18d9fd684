package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.comptoir.consent.ConsentFixture.number;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.comptoir.AppContext;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.AudienceQuery;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.Recipient;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.Settings;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 11, each done with SQL on a real store as a dishonest insider with a shell on the till PC
 * would, and a forger who recomputes the chain with the documented recipe ({@link DocumentedRecipe}).
 */
class LedgerAttackTest {

    static final PhoneNumber ANNE = number("+33611111111");
    static final PhoneNumber BRUNO = number("+33622222222");
    static final PhoneNumber CLAIRE = number("+33655555555");

    @TempDir
    Path dir;

    ConsentFixture f;
    long wording;

    @BeforeEach
    void ledger() {
        f = new ConsentFixture(dir);
        wording = f.consent.currentWording().id();
        f.consent.recordOptIn(ANNE, "Anne", wording, Channel.TILL, "Léa");                  // 1
        tick();
        f.consent.recordOptIn(BRUNO, "Bruno", wording, Channel.TILL, "Léa");                // 2
        tick();
        f.consent.recordOptOut(ANNE, Channel.SMS_KEYWORD, null, "STOP");                   // 3
        tick();
        f.consent.recordOptIn(CLAIRE, "Claire", wording, Channel.KIOSK, null);              // 4
        tick();
        f.consent.erase(BRUNO, "owner");                                                    // 5
        assertThat(f.consent.verify().problems()).isEmpty();
    }

    @AfterEach
    void close() {
        f.close();
    }

    void tick() {
        f.clock.advance(Duration.ofMinutes(1));
    }

    void sql(String statement, Object... params) {
        f.db.withConnection(c -> Jdbc.update(c, statement, params));
    }

    List<LedgerProblem> problems() {
        VerifyReport r = f.consent.verify();
        assertThat(r.intact()).as("verify should have found something").isFalse();
        return r.problems();
    }

    static String en(LedgerProblem p) {
        return Messages.forLanguage("en").render(p.message());
    }

    @Test
    void anOptedOutPersonPutBackInTheAudienceIsNamed() {
        sql("UPDATE consent_state SET status = 'OPTED_IN' WHERE subject = ?", f.consent.subjectOf(ANNE));
        LedgerProblem p = problems().get(0);
        assertThat(p.kind()).isEqualTo(LedgerProblem.Kind.STATE_MISMATCH);
        assertThat(p.subject()).isEqualTo(f.consent.subjectOf(ANNE));
        assertThat(p.seq()).isEqualTo(3);
        assertThat(en(p)).contains("Row 3").contains("status").contains("OPTED_IN").contains("OPTED_OUT");
    }

    @Test
    void aDoctoredStateDoesNotPutAnyoneInTheAudience() {
        Settings all = new Settings(f.db, AppContext.settingDefinitions());
        AudienceQuery audience = new AudienceQuery(f.db, all, f.clock);
        Audience marketing = new Audience(CampaignKind.MARKETING, null);
        assertThat(audience.page(marketing, 0, 10)).extracting(Recipient::subject)
                .containsExactly(f.consent.subjectOf(CLAIRE));
        // Anne's STOP (row 3) undone in the state table, pointing at her state's own row or back at her old opt-in
        sql("UPDATE consent_state SET status = 'OPTED_IN' WHERE subject = ?", f.consent.subjectOf(ANNE));
        assertThat(audience.page(marketing, 0, 10)).extracting(Recipient::subject)
                .containsExactly(f.consent.subjectOf(CLAIRE));
        sql("UPDATE consent_state SET last_seq = 1 WHERE subject = ?", f.consent.subjectOf(ANNE));
        assertThat(audience.count(marketing)).isEqualTo(1);
        assertThat(problems()).extracting(LedgerProblem::subject).containsExactly(f.consent.subjectOf(ANNE));
    }

    @Test
    void aStateMovedToAnOlderRowOrAnotherDateIsNamed() {
        sql("UPDATE consent_state SET status = 'OPTED_IN', last_seq = 1, since = DATEADD(MINUTE, -2, since), "
                + "wording_id = ? WHERE subject = ?", wording, f.consent.subjectOf(ANNE));
        assertThat(problems()).extracting(LedgerProblem::kind, LedgerProblem::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerProblem.Kind.STATE_MISMATCH,
                        f.consent.subjectOf(ANNE)));
    }

    @Test
    void aNumberThatNeverConsentedAddedWithAStateIsNamed() {
        PhoneNumber stranger = number("+33699999999");
        String subject = f.consent.subjectOf(stranger);
        sql("INSERT INTO contact (subject, phone_e164, national_digits, created_at) VALUES (?, ?, '699999999', "
                + "CURRENT_TIMESTAMP)", subject, stranger.e164());
        sql("INSERT INTO consent_state (subject, status, since, last_seq, wording_id) VALUES (?, 'OPTED_IN', "
                + "CURRENT_TIMESTAMP, 4, ?)", subject, wording);
        assertThat(problems()).extracting(LedgerProblem::kind).containsExactly(LedgerProblem.Kind.STATE_MISMATCH,
                LedgerProblem.Kind.CONTACT_MISMATCH);
        assertThat(problems()).allSatisfy(p -> assertThat(p.subject()).isEqualTo(subject));
    }

    @Test
    void aConsentingNumberSwappedForAStrangersIsNamed() {
        sql("UPDATE contact SET phone_e164 = '+33699999999' WHERE first_name = 'Claire'");
        LedgerProblem p = problems().get(0);
        assertThat(p.kind()).isEqualTo(LedgerProblem.Kind.CONTACT_MISMATCH);
        assertThat(p.subject()).isEqualTo(f.consent.subjectOf(CLAIRE));
        assertThat(en(p)).contains("its number is not the one of its ledger rows");
    }

    @Test
    void anErasedPersonsContactRowPutBackIsNamed() {
        sql("INSERT INTO contact (subject, phone_e164, national_digits, first_name, created_at) VALUES (?, ?, "
                + "'622222222', 'Bruno', CURRENT_TIMESTAMP)", f.consent.subjectOf(BRUNO), BRUNO.e164());
        assertThat(problems()).extracting(LedgerProblem::kind).containsExactly(LedgerProblem.Kind.CONTACT_MISMATCH);
        assertThat(en(problems().get(0))).contains("was erased");
    }

    @Test
    void aRowNumberedZeroIsNamedAndNeverListedAsHistory() {
        sql("INSERT INTO consent_event (seq, subject, kind, channel, occurred_at, prev_hash, hash) VALUES (0, ?, "
                + "'OPT_IN', 'TILL', CURRENT_TIMESTAMP, 'x', 'y')", f.consent.subjectOf(ANNE));
        sql("INSERT INTO consent_event (seq, subject, kind, channel, occurred_at, prev_hash, hash) VALUES (-7, ?, "
                + "'OPT_IN', 'TILL', CURRENT_TIMESTAMP, 'x', 'y')", f.consent.subjectOf(ANNE));
        LedgerProblem p = problems().get(0);
        assertThat(p.kind()).isEqualTo(LedgerProblem.Kind.INSERTED);
        assertThat(p.seq()).isEqualTo(-7);
        assertThat(f.consent.history(ANNE)).extracting(ConsentEventView::seq).containsExactly(1L, 3L);
    }

    @Test
    void rowsBeyondTheHeadAreNotListedAsHistory() {
        sql("UPDATE consent_ledger_head SET last_seq = 2");
        assertThat(f.consent.history(ANNE)).extracting(ConsentEventView::seq).containsExactly(1L);
        assertThat(problems().get(0).kind()).isEqualTo(LedgerProblem.Kind.INSERTED);
    }

    @Test
    void deletingTheLastRowsAndMovingTheHeadBackIsCaughtByTheCheckpointFile() {
        String hash3 = f.db.withConnection(c -> Jdbc.queryOne(c, "SELECT hash FROM consent_event WHERE seq = 3",
                rs -> rs.getString(1))).orElseThrow();
        sql("DELETE FROM consent_event WHERE seq > 3");
        sql("UPDATE consent_ledger_head SET last_seq = 3, last_hash = ?", hash3);
        sql("DELETE FROM consent_state WHERE last_seq > 3");
        sql("DELETE FROM contact WHERE first_name = 'Claire'");
        LedgerProblem p = problems().stream().filter(x -> x.kind() == LedgerProblem.Kind.CHECKPOINT_MISMATCH)
                .findFirst().orElseThrow();
        assertThat(en(p)).contains("row 5").contains("ends at row 3");
    }

    @Test
    void anEmptiedLedgerIsNotIntact() {
        sql("DELETE FROM contact");
        sql("DELETE FROM consent_state");
        sql("DELETE FROM consent_event");
        sql("UPDATE consent_ledger_head SET last_seq = 0, last_hash = ?", LedgerEntry.GENESIS);
        assertThat(problems()).extracting(LedgerProblem::kind).containsExactly(LedgerProblem.Kind.CHECKPOINT_MISMATCH);
    }

    @Test
    void aForgerWhoRecomputesTheChainAndTheHeadIsCaughtByACheckpointKeptElsewhere() throws Exception {
        Path usbKey = dir.resolve("usb-copy.txt");
        f.consent.checkpoint();
        Files.copy(f.consent.checkpointFile(), usbKey);
        LedgerHead printed = f.consent.head();

        // Anne's STOP becomes a yes; the forger recomputes every hash from there and moves the head, and state too
        f.db.withConnection(c -> {
            Jdbc.update(c, "UPDATE consent_event SET kind = 'OPT_IN', channel = 'TILL', evidence = NULL, wording_id = ? "
                    + "WHERE seq = 3", wording);
            Jdbc.update(c, "UPDATE consent_state SET status = 'OPTED_IN', wording_id = ? WHERE subject = ?", wording,
                    f.consent.subjectOf(ANNE));
            DocumentedRecipe.rechain(c, 3);
            return null;
        });
        // the folder's own file still knows the old head
        assertThat(problems()).extracting(LedgerProblem::kind, LedgerProblem::seq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerProblem.Kind.CHECKPOINT_MISMATCH, 5L));

        // a careful forger also deletes that file: the chain alone then looks intact (the recipe is public) ...
        Files.delete(f.consent.checkpointFile());
        assertThat(f.consent.verify().intact()).isTrue();
        // ... but not to a copy kept elsewhere, nor to the printed head, typed as seq:hash or the hash alone
        for (String kept : List.of(usbKey.toString(), printed.seq() + ":" + printed.hash(), printed.hash())) {
            VerifyReport r = f.consent.verify(List.of(ConsentService.checkpointFrom(kept)));
            assertThat(r.problems()).as(kept).extracting(LedgerProblem::kind)
                    .containsExactly(LedgerProblem.Kind.CHECKPOINT_MISMATCH);
        }
    }

    @Test
    void theLedgerExtendsAnOlderCheckpointAfterMoreConsents() {
        LedgerHead earlier = f.consent.checkpoint();
        tick();
        f.consent.recordOptIn(number("+33677777777"), null, wording, Channel.TILL, "Léa");
        VerifyReport r = f.consent.verify(List.of(earlier, LedgerHead.ofHash(earlier.hash())));
        assertThat(r.problems()).isEmpty();
        assertThat(r.checkpointsChecked()).isEqualTo(3); // the two given and the folder file's latest
        assertThat(r.head().seq()).isEqualTo(6);
    }

    @Test
    void everyWordingFieldShownToAnAuditorIsCovered() {
        for (String edit : List.of("shop_name = 'Autre boutique'", "purpose = 'Tout'", "language = 'en'",
                "version = 7", "text = 'Oui.'", "created_at = DATEADD(DAY, -1, created_at)")) {
            String before = f.db.withConnection(c -> Jdbc.queryOne(c, "SELECT shop_name || '|' || purpose || '|' || "
                    + "language || '|' || version || '|' || text || '|' || created_at FROM consent_wording",
                    rs -> rs.getString(1))).orElseThrow();
            sql("UPDATE consent_wording SET " + edit);
            List<LedgerProblem> found = problems();
            assertThat(found.get(0)).as(edit).extracting(LedgerProblem::seq, LedgerProblem::kind)
                    .containsExactly(1L, LedgerProblem.Kind.ALTERED);
            String[] v = before.split("\\|");
            f.db.withConnection(c -> Jdbc.update(c, "UPDATE consent_wording SET shop_name = ?, purpose = ?, language = ?, "
                    + "version = ?, text = ?, created_at = CAST(? AS TIMESTAMP WITH TIME ZONE)",
                    v[0], v[1], v[2], Integer.parseInt(v[3]), v[4], v[5]));
            assertThat(f.consent.verify().problems()).as("restored after " + edit).isEmpty();
        }
    }

    @Test
    void aDateMovedBeforeThePreviousRowIsNamedEvenWithTheChainRecomputed() {
        f.db.withConnection(c -> {
            Jdbc.update(c, "UPDATE consent_event SET occurred_at = DATEADD(HOUR, -1, occurred_at) WHERE seq = 4");
            Jdbc.update(c, "UPDATE consent_state SET since = DATEADD(HOUR, -1, since) WHERE last_seq = 4");
            DocumentedRecipe.rechain(c, 4);
            return null;
        });
        assertThat(problems()).extracting(LedgerProblem::kind, LedgerProblem::seq).startsWith(
                org.assertj.core.groups.Tuple.tuple(LedgerProblem.Kind.OUT_OF_ORDER, 4L));
    }

    @Test
    void aHashRecipeVersionTurnedDownIsNamed() {
        f.db.withConnection(c -> {
            Jdbc.update(c, "UPDATE consent_event SET hash_version = 1 WHERE seq = 4");
            DocumentedRecipe.rechain(c, 4);
            return null;
        });
        assertThat(problems().get(0)).extracting(LedgerProblem::seq, LedgerProblem::kind)
                .containsExactly(4L, LedgerProblem.Kind.ALTERED);
    }

    @Test
    void aClockSetBackCannotBackDateAConsent() {
        f.clock.advance(Duration.ofHours(-2));
        assertThatThrownBy(() -> f.consent.recordOptIn(number("+33688888888"), null, wording, Channel.TILL, "Léa"))
                .isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).userMessage().key()).isEqualTo("consent.error.clock.behind");
        assertThat(f.consent.head().seq()).isEqualTo(5);
        assertThat(f.consent.lookup(number("+33688888888"))).isEmpty();
        assertThat(f.consent.verify().problems()).isEmpty();
    }

    @Test
    void controlCharactersNeverReachTheLedger() {
        tick();
        f.consent.recordOptOut(CLAIRE, Channel.SMS_KEYWORD, "L\u001b[2Jéa\u202e", "STOP\r\n\u0007merci\u0085");
        ConsentEventView last = f.consent.history(CLAIRE).get(1);
        assertThat(last.staff()).isEqualTo("L [2Jéa");
        assertThat(last.evidence()).isEqualTo("STOP   merci");
        assertThat(f.consent.verify().problems()).isEmpty();
    }
}
