package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.store.Jdbc;
import org.comptoir.store.RecipientSendsTrigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frequency cap checked right before a send, on a real H2 store: it counts the subject's marketing messages sent
 * or delivered in the last 30 days (as the outbox says, through recipient_sends), never the row being checked.
 */
class EligibilityTest {

    @TempDir
    Path dir;
    EngineFixture f;
    Eligibility eligibility;
    String subject;
    long queuedRow;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, EngineFixture.SATURDAY_MORNING);
        eligibility = new Eligibility(f.db, f.settings, f.clock);
        subject = f.consent.subjectOf(f.optIn("+33612345601", "Léa"));
        long campaign = f.schedule(CampaignKind.MARKETING, "Promo");
        f.outbox.start(campaign);
        queuedRow = f.db.withConnection(c -> Jdbc.queryLong(c, "SELECT id FROM outbox WHERE campaign_id = ?", campaign));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theCapCountsMarketingSendsOfTheLastThirtyDaysOnly() {
        f.settings.set("campaign.frequency-cap", "2");
        sent("MARKETING", "SENT", daysAgo(40)); // outside the window
        sent("SERVICE", "SENT", daysAgo(1));    // not a promotion
        long delivered = sent("MARKETING", "DELIVERED", daysAgo(29));
        assertThat(check(queuedRow)).isEmpty();

        long failedLater = sent("MARKETING", "SENT", daysAgo(1));
        assertThat(check(queuedRow)).map(Eligibility.Refusal::code).contains("FREQUENCY_CAP");

        f.db.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'FAILED' WHERE id = ?", failedLater));
        assertThat(check(queuedRow)).as("a failure report gives the send back").isEmpty();

        f.clock.advance(Duration.ofDays(2)); // the delivered one leaves the window, the failed one never counted
        sent("MARKETING", "SENT", daysAgo(0));
        assertThat(check(queuedRow)).isEmpty();
        f.db.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET sent_at = ? WHERE id = ?", daysAgo(3), delivered));
        assertThat(check(queuedRow)).map(Eligibility.Refusal::code).contains("FREQUENCY_CAP");
    }

    @Test
    void theRowBeingCheckedIsNotCountedAgainstItself() {
        f.settings.set("campaign.frequency-cap", "1");
        f.db.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'SENT', sent_at = ? WHERE id = ?",
                daysAgo(0), queuedRow));
        assertThat(check(queuedRow)).isEmpty();
        sent("MARKETING", "SENT", daysAgo(2));
        assertThat(check(queuedRow)).map(Eligibility.Refusal::code).contains("FREQUENCY_CAP");
    }

    @Test
    void atTheHighestCapAFullListHoldingTheRowItselfIsCountedExactly() {
        f.settings.set("campaign.frequency-cap", String.valueOf(RecipientSendsTrigger.KEPT));
        for (int i = 0; i < RecipientSendsTrigger.KEPT - 1; i++) {
            sent("MARKETING", "SENT", daysAgo(1).minusSeconds(i));
        }
        f.db.withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'SENT', sent_at = ? WHERE id = ?",
                daysAgo(0), queuedRow));
        assertThat(check(queuedRow)).as("99 others and itself: under the cap of 100").isEmpty();
        sent("MARKETING", "SENT", daysAgo(2)); // the kept list (100) now ends before this one
        assertThat(check(queuedRow)).as("100 others").map(Eligibility.Refusal::code).contains("FREQUENCY_CAP");
    }

    private Optional<Eligibility.Refusal> check(long id) {
        OutboxRow row = f.db.withConnection(c -> Jdbc.queryOne(c, "SELECT " + Outbox.COLUMNS + " FROM outbox WHERE id = ?",
                Outbox.ROW, id)).orElseThrow();
        return eligibility.check(row);
    }

    private Instant daysAgo(int days) {
        return f.clock.instant().minus(Duration.ofDays(days));
    }

    /** A message of an earlier campaign of {@code kind} to the same person, in {@code state}, sent at {@code at}. */
    private long sent(String kind, String state, Instant at) {
        return f.db.withConnection(c -> {
            long campaign = Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, status, created_at, updated_at)"
                    + " VALUES ('earlier', ?, 'x', 'DONE', ?, ?)", kind, at, at);
            return Jdbc.insert(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding,"
                    + " parts, state, message_class, sent_at, created_at, updated_at)"
                    + " VALUES (?, ?, '+33612345601', 'x', 'GSM7', 1, ?, ?, ?, ?, ?)", campaign, subject, state, kind, at, at, at);
        });
    }
}
