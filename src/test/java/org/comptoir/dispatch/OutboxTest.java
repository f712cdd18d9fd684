package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real H2 file store: queueing, the atomic claim, crash recovery and the owner's decisions. */
class OutboxTest {

    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, EngineFixture.SATURDAY_MORNING);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void startingQueuesOneRenderedRowPerAllowedRecipientOnce() {
        f.optIn("+33612345601", "Léa");
        f.optIn("+33612345602", null);
        f.optIn("+33612345603", "Ana");
        f.optOut("+33612345603");
        long id = f.schedule(CampaignKind.MARKETING, "Bonjour {prenom} ! -20 % samedi");

        assertThat(f.outbox.start(id)).isEqualTo(2);
        assertThat(f.campaignStatus(id)).isEqualTo("SENDING");
        assertThat(f.outbox.start(id)).as("a second start adds nothing").isEqualTo(2);
        List<String> texts = f.db.withConnection(c -> Jdbc.query(c,
                "SELECT rendered_text FROM outbox WHERE campaign_id = ? ORDER BY recipient_e164", rs -> rs.getString(1), id));
        assertThat(texts).containsExactly("Bonjour Léa ! -20 % samedi\nSTOP au 36180", "Bonjour ! -20 % samedi\nSTOP au 36180");
        assertThat(f.states(id)).containsExactly(java.util.Map.entry("QUEUED", 2L));
        assertThat(f.audit("CAMPAIGN_STARTED")).singleElement().asString().contains("2 recipients");
    }

    @Test
    void eachRowGetsItsOwnNamesTextAndPartsAndItsNumbersWindowKey() {
        f.optIn("+33612345601", "Léa");        // GSM: é is in the GSM alphabet
        f.optIn("+33712345602", "Łucja");      // Ł is not: UCS-2
        f.optIn("+262692123456", "Léa");        // Réunion/Mayotte mobile
        f.optIn("+262262123456", null);         // Réunion fixed line
        f.optIn("+596696123456", "Łucja");      // Martinique
        long id = f.schedule(CampaignKind.MARKETING, "Bonjour {prenom} ! " + "x".repeat(120));

        assertThat(f.outbox.start(id)).isEqualTo(5);
        record Row(String to, String text, String encoding, int parts, String key) {
        }
        List<Row> rows = f.db.withConnection(c -> Jdbc.query(c, "SELECT recipient_e164, rendered_text, encoding, parts,"
                + " window_key FROM outbox WHERE campaign_id = ? ORDER BY recipient_e164", rs -> new Row(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)), id));
        assertThat(rows).hasSize(5).allSatisfy(r -> {
            assertThat(r.encoding()).isEqualTo(org.comptoir.sms.SmsText.analyze(r.text()).encoding().name());
            assertThat(r.parts()).isEqualTo(org.comptoir.sms.SmsText.analyze(r.text()).parts());
            assertThat(r.key()).isEqualTo(Outbox.windowKey(r.to()));
        });
        assertThat(rows).extracting(Row::key).containsExactly("+262 262", "+262 692", "+33 612", "+33 712", "+596 696");
        assertThat(rows.get(3).text()).startsWith("Bonjour Łucja !");
        assertThat(rows.get(3).encoding()).isEqualTo("UCS2");
        assertThat(rows.get(2).encoding()).isEqualTo("GSM7");
        assertThat(rows.get(0).text()).startsWith("Bonjour ! ");
    }

    /**
     * The rows take their ids in the order of the subject (the keyed hash of the number), not of the contacts: the
     * outbox's indexes on the subject then fill in key order while the campaign's one transaction lasts, which is
     * what keeps queueing 100,000 recipients from rewriting those indexes' pages again and again
     * (docs/performance.md, "Sending engine"). Twenty contacts whose hashes come in the contacts' order would be a
     * one-in-20! accident.
     */
    @Test
    void rowsAreQueuedInTheOrderOfTheSubjectNotOfTheContacts() {
        for (int i = 10; i < 30; i++) {
            f.optIn("+336123456" + i, "Client" + i);
        }
        long id = f.schedule(CampaignKind.MARKETING, "Bonjour {prenom} ! -20 % samedi");

        assertThat(f.outbox.start(id)).isEqualTo(20);
        List<String> byId = f.db.withConnection(c -> Jdbc.query(c,
                "SELECT subject FROM outbox WHERE campaign_id = ? ORDER BY id", rs -> rs.getString(1), id));
        List<String> byContact = f.db.withConnection(c -> Jdbc.query(c, "SELECT o.subject FROM outbox o"
                + " JOIN contact k ON k.subject = o.subject WHERE o.campaign_id = ? ORDER BY k.id", rs -> rs.getString(1), id));
        assertThat(byId).hasSize(20).isSorted().isNotEqualTo(byContact);
    }

    @Test
    void aDraftCannotStart() {
        long id = f.campaigns.saveDraft(org.comptoir.campaign.Campaign.draft("x", CampaignKind.MARKETING, "t", "", null)).id();
        assertThatThrownBy(() -> f.outbox.start(id)).isInstanceOf(ComptoirException.class);
        assertThat(f.outbox.count(id)).isZero();
    }

    @Test
    void twoClaimersOfOneRowHaveOneWinner() throws Exception {
        for (int i = 0; i < 40; i++) {
            f.optIn(String.format("+336123450%02d", i), null);
        }
        long id = f.schedule(CampaignKind.MARKETING, "Promo");
        f.outbox.start(id);
        List<Long> rows = f.outbox.candidates(f.clock.instant(), 100);
        assertThat(rows).hasSize(40);
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "claimer"));
        try {
            Callable<Integer> claimAll = () -> (int) rows.stream().filter(r -> f.outbox.claim(r, "g").isPresent()).count();
            Future<Integer> a = pool.submit(claimAll);
            Future<Integer> b = pool.submit(claimAll);
            assertThat(a.get() + b.get()).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.states(id)).containsExactly(java.util.Map.entry("SENDING", 40L));
    }

    @Test
    void rowsLeftSendingBecomeUnknownAndTheOwnersDecisionIsAudited() {
        f.optIn("+33612345601", null);
        f.optIn("+33612345602", null);
        f.optIn("+33612345603", null);
        long id = f.schedule(CampaignKind.MARKETING, "Promo");
        f.outbox.start(id);
        List<Long> rows = f.outbox.candidates(f.clock.instant(), 10);
        rows.forEach(r -> f.outbox.claim(r, "g")); // a crash right after handing them to the gateway

        assertThat(f.outbox.recoverInterrupted()).isEqualTo(3);
        assertThat(f.states(id)).containsExactly(java.util.Map.entry("UNKNOWN", 3L));
        assertThat(f.outbox.candidates(f.clock.instant(), 10)).as("never resent by itself").isEmpty();

        f.outbox.decide(rows.get(0), Outbox.Decision.MARK_SENT, "owner");
        f.outbox.decide(rows.get(1), Outbox.Decision.SEND_AGAIN, "owner");
        f.outbox.decide(rows.get(2), Outbox.Decision.DROP, "owner");
        assertThat(f.states(id)).containsOnlyKeys("SENT", "QUEUED", "SKIPPED");
        assertThat(f.outbox.candidates(f.clock.instant(), 10)).containsExactly(rows.get(1));
        assertThat(f.audit("OUTBOX_DECISION")).containsExactly("outbox " + rows.get(0) + " MARK_SENT",
                "outbox " + rows.get(1) + " SEND_AGAIN", "outbox " + rows.get(2) + " DROP");
        assertThatThrownBy(() -> f.outbox.decide(rows.get(0), Outbox.Decision.DROP, "owner"))
                .isInstanceOf(ComptoirException.class);
    }
}
