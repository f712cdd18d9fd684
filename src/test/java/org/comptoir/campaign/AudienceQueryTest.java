package org.comptoir.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audience rules against a real migrated H2 store: consent, double opt-in, tags, frequency cap. */
class AudienceQueryTest {

    @TempDir
    Path dir;
    Database db;
    Settings settings;
    Seed seed;
    AudienceQuery query;

    String optedIn;
    String confirmed;
    String optedOut;
    String erased;
    String refused;
    String unknown;
    String capped;

    @BeforeEach
    void seed() {
        db = Database.open(dir);
        settings = Seed.settings(db);
        seed = new Seed(db);
        query = new AudienceQuery(db, settings, Clock.fixed(Seed.NOW, ZoneOffset.UTC));
        optedIn = seed.contact("Léa", "OPTED_IN", "vip");
        confirmed = seed.contact("Marie-Christine", "CONFIRMED");
        optedOut = seed.contact("Olivier", "OPTED_OUT", "vip");
        erased = seed.contact(null, "ERASED");
        refused = seed.contact("Rémi", "REFUSED", "vip");
        unknown = seed.contact("Ugo", null, "vip");
        capped = seed.contact("Anaïs", "OPTED_IN", "vip");
        Duration day = Duration.ofDays(1);
        seed.sent(capped, CampaignKind.MARKETING, Seed.NOW.minus(day), Seed.NOW.minus(day.multipliedBy(5)),
                Seed.NOW.minus(day.multipliedBy(12)), Seed.NOW.minus(day.multipliedBy(29)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> subjects(Audience audience) {
        return query.page(audience, 0, 100).stream().map(Recipient::subject).toList();
    }

    @Test
    void marketingReachesOnlyConsentWithinTheCap() {
        Audience all = new Audience(CampaignKind.MARKETING, null);
        assertThat(subjects(all)).containsExactly(optedIn, confirmed);
        assertThat(query.count(all)).isEqualTo(2);
    }

    @Test
    void doubleOptInLeavesOnlyConfirmed() {
        settings.set(AudienceQuery.DOUBLE_OPT_IN, "true");
        assertThat(subjects(new Audience(CampaignKind.MARKETING, null))).containsExactly(confirmed);
    }

    @Test
    void theCapCountsOnlyMarketingSentInTheLast30Days() {
        String busy = seed.contact("Bea", "OPTED_IN");
        Duration day = Duration.ofDays(1);
        // three recent marketing, one 31 days old, two service: under the cap of 4
        seed.sent(busy, CampaignKind.MARKETING, Seed.NOW.minus(day), Seed.NOW.minus(day.multipliedBy(2)),
                Seed.NOW.minus(day.multipliedBy(3)), Seed.NOW.minus(day.multipliedBy(31)));
        seed.sent(busy, CampaignKind.SERVICE, Seed.NOW.minus(day), Seed.NOW.minus(day));
        assertThat(subjects(new Audience(CampaignKind.MARKETING, null))).contains(busy).doesNotContain(capped);

        settings.set(CampaignSettings.FREQUENCY_CAP, "3");
        assertThat(subjects(new Audience(CampaignKind.MARKETING, null))).doesNotContain(busy);
        settings.set(CampaignSettings.FREQUENCY_CAP, "5");
        assertThat(subjects(new Audience(CampaignKind.MARKETING, null))).contains(busy, capped);
    }

    @Test
    void theHighestCapTheSettingsAcceptIsWhatTheStoreKeepsPerRecipient() {
        settings.set(CampaignSettings.FREQUENCY_CAP, String.valueOf(org.comptoir.store.RecipientSendsTrigger.KEPT));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.set(CampaignSettings.FREQUENCY_CAP,
                String.valueOf(org.comptoir.store.RecipientSendsTrigger.KEPT + 1)))
                .isInstanceOf(org.comptoir.i18n.ComptoirException.class);
    }

    @Test
    void aSendThatFailsAfterwardsNoLongerCountsTowardsTheCap() {
        assertThat(subjects(new Audience(CampaignKind.MARKETING, null))).doesNotContain(capped);
        db.withConnection(c -> org.comptoir.store.Jdbc.update(c,
                "UPDATE outbox SET state = 'FAILED' WHERE subject = ? AND sent_at = ?", capped, Seed.NOW.minus(Duration.ofDays(1))));
        assertThat(subjects(new Audience(CampaignKind.MARKETING, null))).contains(capped);
    }

    @Test
    void serviceReachesEveryContactNotOptedOutOrErased() {
        Audience service = new Audience(CampaignKind.SERVICE, null);
        assertThat(subjects(service)).containsExactly(optedIn, confirmed, refused, unknown, capped);
    }

    @Test
    void aTagNarrowsEitherKind() {
        assertThat(subjects(new Audience(CampaignKind.MARKETING, "vip"))).containsExactly(optedIn);
        assertThat(subjects(new Audience(CampaignKind.SERVICE, "vip"))).containsExactly(optedIn, refused, unknown,
                capped);
        assertThat(query.count(new Audience(CampaignKind.MARKETING, "nobody"))).isZero();
        assertThat(query.tags()).containsExactly("vip");
    }

    @Test
    void pagesFollowContactOrder() {
        Audience service = new Audience(CampaignKind.SERVICE, null);
        assertThat(query.page(service, 1, 2)).extracting(Recipient::subject).containsExactly(confirmed, refused);
        assertThat(query.page(service, 0, 1).get(0).phoneE164()).startsWith("+336");
    }

    @Test
    void worstCaseNamesComeFromTheAudienceOnly() {
        // Anaïs is capped out of marketing: only GSM names remain, the longest first
        assertThat(query.worstCaseFirstNames(new Audience(CampaignKind.MARKETING, null)))
                .containsExactly("Marie-Christine");
        // for service she is in, and her ï forces Unicode: she is a candidate too
        assertThat(query.worstCaseFirstNames(new Audience(CampaignKind.SERVICE, null)))
                .containsExactlyInAnyOrder("Marie-Christine", "Anaïs");
    }

    @Test
    void theSampleHasAFirstNameWhenOneExists() {
        assertThat(query.sample(new Audience(CampaignKind.MARKETING, null))).map(Recipient::firstName).get()
                .isIn("Léa", "Marie-Christine");
        seed.contact(null, "OPTED_IN", "anonymous");
        assertThat(query.sample(new Audience(CampaignKind.MARKETING, "anonymous")))
                .hasValueSatisfying(r -> assertThat(r.firstName()).isNull());
        assertThat(query.sample(new Audience(CampaignKind.MARKETING, "nobody"))).isEmpty();
    }

    @Test
    void theSummaryAgreesWithTheSeparateQueries() {
        for (Audience a : List.of(new Audience(CampaignKind.MARKETING, null), new Audience(CampaignKind.SERVICE, "vip"),
                new Audience(CampaignKind.MARKETING, "nobody"))) {
            AudienceQuery.AudienceSummary summary = query.summary(a);
            assertThat(summary.count()).isEqualTo(query.count(a));
            assertThat(summary.worstCaseFirstNames()).containsExactlyInAnyOrderElementsOf(query.worstCaseFirstNames(a));
            assertThat(summary.sample().isPresent()).isEqualTo(summary.count() > 0);
        }
    }

    @Test
    void candidatesCoverGsmLengthUtf16LengthAndUnicode() {
        assertThat(AudienceQuery.worstCaseOf(List.of("Al", "Jean-François", "Zoë", "{[€]}")))
                .containsExactly("{[€]}", "Jean-François");
    }
}
