package org.comptoir.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignServiceTest {

    @TempDir
    Path dir;
    Database db;
    Settings settings;
    CampaignService service;
    Seed seed;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        settings = Seed.settings(db);
        seed = new Seed(db);
        service = new CampaignService(db, settings, Clock.fixed(Seed.NOW, ZoneOffset.UTC));
        seed.contact("Léa", "OPTED_IN", "vip");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Campaign promo(String text) {
        return Campaign.draft("Soldes", CampaignKind.MARKETING, text, "LEAFLEURS", null);
    }

    private static String key(Throwable e) {
        return ((ComptoirException) e).userMessage().key();
    }

    @Test
    void aDraftIsInsertedThenUpdatedInPlaceWithTheMentionFrozen() {
        Campaign saved = service.saveDraft(promo("Bonjour {prenom}"));
        assertThat(saved.id()).isNotNull();
        assertThat(saved.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(saved.stopMention()).isEqualTo("STOP au 36180");
        assertThat(saved.createdAt()).isEqualTo(Seed.NOW);

        settings.set("optout.mention", "STOP au 34990");
        Campaign edited = service.saveDraft(saved.withContent("Soldes d'hiver", CampaignKind.MARKETING, "Texte 2",
                "", "vip"));
        assertThat(edited.id()).isEqualTo(saved.id());
        assertThat(edited.name()).isEqualTo("Soldes d'hiver");
        assertThat(edited.template()).isEqualTo("Texte 2");
        assertThat(edited.audienceTag()).isEqualTo("vip");
        assertThat(edited.stopMention()).isEqualTo("STOP au 34990");
        assertThat(service.list()).hasSize(1);
    }

    @Test
    void serviceDraftsHaveNoMention() {
        Campaign saved = service.saveDraft(Campaign.draft("Horaires", CampaignKind.SERVICE, "Fermé lundi", "", null));
        assertThat(saved.stopMention()).isNull();
        assertThat(service.composer(saved).render(saved.template(), (String) null)).isEqualTo("Fermé lundi");
    }

    @Test
    void badSenderOrNameIsRefusedAndNothingStored() {
        assertThatThrownBy(() -> service.saveDraft(Campaign.draft("x", CampaignKind.MARKETING, "t", "Léa-Fleurs!", null)))
                .satisfies(e -> assertThat(key(e)).isEqualTo("campaign.sender.error.character"));
        assertThatThrownBy(() -> service.saveDraft(Campaign.draft(" ", CampaignKind.MARKETING, "t", "", null)))
                .satisfies(e -> assertThat(key(e)).isEqualTo("campaign.error.name"));
        assertThat(service.list()).isEmpty();
    }

    @Test
    void listIsNewestFirstAndDuplicateIsANewDraft() {
        Campaign first = service.saveDraft(promo("Un"));
        Campaign second = service.saveDraft(promo("Deux"));
        service.schedule(first.id(), ScheduleRequest.asap());
        Campaign copy = service.duplicate(first.id());
        assertThat(copy.id()).isNotIn(first.id(), second.id());
        assertThat(copy.name()).isEqualTo("Soldes (copie)");
        assertThat(copy.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(copy.template()).isEqualTo("Un");
        assertThat(service.list()).extracting(Campaign::id).containsExactly(copy.id(), second.id(), first.id());
    }

    @Test
    void schedulingAsapRecordsNowAndAudits() {
        Campaign c = service.saveDraft(promo("Bonjour {prenom}, -20 %"));
        Campaign scheduled = service.schedule(c.id(), ScheduleRequest.asap());
        assertThat(scheduled.status()).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(scheduled.scheduledAt()).isEqualTo(Seed.NOW);
        assertThat(audits("CAMPAIGN_SCHEDULED")).isEqualTo(1);

        assertThatThrownBy(() -> service.saveDraft(scheduled.withContent("x", CampaignKind.MARKETING, "y", "", null)))
                .satisfies(e -> assertThat(key(e)).isEqualTo("campaign.error.not.draft"));
        assertThat(service.load(c.id()).orElseThrow().template()).isEqualTo("Bonjour {prenom}, -20 %");
    }

    @Test
    void schedulingAtAFutureInstantKeepsIt() {
        Campaign c = service.saveDraft(promo("Texte"));
        var at = Seed.NOW.plus(Duration.ofDays(2));
        assertThat(service.schedule(c.id(), ScheduleRequest.at(at)).scheduledAt()).isEqualTo(at);
    }

    @Test
    void everyProblemIsNamedBeforeScheduling() {
        Campaign empty = service.saveDraft(Campaign.draft("Vide", CampaignKind.MARKETING, " ", "", "nobody"));
        List<UserMessage> problems = service.problems(empty, ScheduleRequest.at(Seed.NOW.minusSeconds(60)));
        assertThat(problems).extracting(UserMessage::key).containsExactly("campaign.error.empty",
                "campaign.error.audience.empty", "campaign.error.past");
        assertThatThrownBy(() -> service.schedule(empty.id(), ScheduleRequest.asap()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("campaign.error.empty"));
        assertThat(service.load(empty.id()).orElseThrow().status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(audits("CAMPAIGN_SCHEDULED")).isZero();
    }

    @Test
    void aMentionTypedAtTheEndInAnyCaseIsAcceptedAndNotAddedAgain() {
        Campaign typed = service.saveDraft(promo("Soldes samedi\nstop au 36180"));
        assertThat(service.problems(typed, ScheduleRequest.asap())).isEmpty();
        assertThat(service.composer(typed).render(typed.template(), (String) null))
                .isEqualTo("Soldes samedi\nstop au 36180");
    }

    @Test
    void tooManyPartsIsRefusedCountingTheMention() {
        settings.set(CampaignSettings.MAX_PARTS, "1");
        Campaign fits = service.saveDraft(promo("A".repeat(146)));
        Campaign over = service.saveDraft(promo("A".repeat(147)));
        assertThat(service.problems(fits, ScheduleRequest.asap())).isEmpty();
        assertThat(service.problems(over, ScheduleRequest.asap())).containsExactly(
                UserMessage.of("campaign.error.parts", 2, 1));
    }

    @Test
    void theLongestFirstNameInTheAudienceDecidesTheParts() {
        settings.set(CampaignSettings.MAX_PARTS, "1");
        // "Bonjour Léa " + 134 A + "\nSTOP au 36180" = 160 for Léa, but Marie-Christine makes it longer
        Campaign c = service.saveDraft(promo("Bonjour {prenom} " + "A".repeat(134)));
        assertThat(service.problems(c, ScheduleRequest.asap())).isEmpty();
        seed.contact("Marie-Christine", "CONFIRMED");
        assertThat(service.problems(c, ScheduleRequest.asap())).extracting(UserMessage::key)
                .containsExactly("campaign.error.parts");
    }

    @Test
    void marketingWithoutConsentingContactsCannotBeScheduledButServiceCan() {
        settings.set(AudienceQuery.DOUBLE_OPT_IN, "true");
        Campaign promo = service.saveDraft(promo("Promo"));
        assertThat(service.problems(promo, ScheduleRequest.asap())).extracting(UserMessage::key)
                .containsExactly("campaign.error.audience.empty");
        Campaign info = service.saveDraft(Campaign.draft("Info", CampaignKind.SERVICE, "Fermé lundi", "", null));
        assertThat(service.problems(info, ScheduleRequest.asap())).isEmpty();
    }

    @Test
    void cancelIsAuditedAndFinal() {
        Campaign c = service.saveDraft(promo("Texte"));
        service.schedule(c.id(), ScheduleRequest.asap());
        assertThat(service.cancel(c.id()).status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(audits("CAMPAIGN_CANCELLED")).isEqualTo(1);
        assertThatThrownBy(() -> service.cancel(c.id()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("campaign.error.final"));
        assertThatThrownBy(() -> service.schedule(c.id(), ScheduleRequest.asap()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("campaign.error.not.draft"));
        assertThatThrownBy(() -> service.cancel(999))
                .satisfies(e -> assertThat(key(e)).isEqualTo("campaign.error.unknown"));
    }

    private long audits(String action) {
        return db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM audit WHERE action = ?", action));
    }
}
