package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.comptoir.AppContext;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignStatus;
import org.comptoir.campaign.ScheduleMode;
import org.comptoir.cli.CliHarness.Result;
import org.comptoir.consent.Channel;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code campaign create} and {@code campaign list} over a real data folder, with the editor's checks. */
class CampaignCliTest {

    @TempDir
    Path dir;

    Result run(String... args) {
        return CliHarness.run(dir, args);
    }

    @BeforeEach
    void twoCustomersSaidYes() {
        try (AppContext ctx = AppContext.open(dir)) {
            ctx.settings().set("shop.name", "Léa Fleurs");
            long w = ctx.consent().currentWording().id();
            ctx.consent().recordOptIn(new PhoneNumber("+33612345678"), "Marie", w, Channel.TILL, "Léa");
            ctx.consent().recordOptIn(new PhoneNumber("+596696123456"), "Joël", w, Channel.TILL, "Léa");
        }
    }

    private List<Campaign> stored() {
        try (AppContext ctx = AppContext.open(dir)) {
            return ctx.campaigns().list();
        }
    }

    @Test
    void createSchedulesAMarketingCampaignWithTheMentionAndSaysWhenItLeaves() {
        // Sunday 28 November 2027, 10:00 in Paris: the first promotion may leave on Monday at 08:00 in Paris
        Result r = run("campaign", "create", "--name", "Soldes d'hiver", "--text", "Bonjour {prenom}, -20 % samedi !",
                "--at", "2027-11-28T10:00");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\\R");
        long id = Long.parseLong(lines[0]);
        assertThat(r.out()).contains("Message : Bonjour, -20 % samedi !").contains("STOP au 36180")
                .contains("Premier envoi : lundi 29 novembre à 08:00 — dimanche interdit");
        Campaign c = stored().get(0);
        assertThat(c.id()).isEqualTo(id);
        assertThat(c.status()).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(c.kind()).isEqualTo(CampaignKind.MARKETING);
        assertThat(c.scheduleMode()).isEqualTo(ScheduleMode.AT);
        assertThat(c.stopMention()).isEqualTo("STOP au 36180");
        assertThat(c.scheduledAt()).isEqualTo(java.time.Instant.parse("2027-11-28T09:00:00Z"));
    }

    @Test
    void aServiceMessageHasNoMentionAndItsOwnWindow() {
        Result r = run("campaign", "create", "--name", "Fermeture", "--kind", "SERVICE",
                "--text", "La boutique ferme lundi.", "--at", "2027-11-28T10:00+01:00");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("STOP").contains("Premier envoi : dimanche 28 novembre à 10:00");
        assertThat(stored().get(0).stopMention()).isNull();
    }

    @Test
    void everyProblemIsSaidAndNothingIsSaved() {
        Result r = run("campaign", "create", "--name", "Vide", "--text", "", "--tag", "personne",
                "--sender", "Léa!", "--at", "2020-01-01T10:00");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("Le texte du SMS est vide.")
                .contains("Le nom d'expéditeur ne peut contenir que des lettres sans accent")
                .contains("Aucun client ne peut recevoir cette campagne")
                .contains("La date d'envoi choisie est déjà passée.");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aTextTooLongForTheMaximumPartsIsRefused() {
        Result r = run("campaign", "create", "--name", "Long", "--text", "x".repeat(500));
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("Le message demande 4 SMS pour certains clients ; le maximum est 3");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aDateThatIsNotIsoIsRefusedInWords() {
        Result r = run("campaign", "create", "--name", "X", "--text", "Bonjour", "--at", "samedi 10h");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("« samedi 10h » n'est pas une date et heure ISO");
        assertThat(stored()).isEmpty();
    }

    @Test
    void listShowsEveryCampaignNewestFirst() {
        assertThat(run("campaign", "list").out()).contains("Aucune campagne.");
        assertThat(run("campaign", "create", "--name", "Premiere", "--text", "Bonjour", "--at", "2027-11-29T10:00").code()).isZero();
        assertThat(run("campaign", "create", "--name", "Seconde", "--kind", "SERVICE", "--text", "Info").code()).isZero();
        Result r = run("campaign", "list");
        assertThat(r.code()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("Programmée").contains("Information client").contains("dès que possible").endsWith("Seconde");
        assertThat(lines[1]).contains("Programmée").contains("Promotion").contains("2027-11-29 10:00").endsWith("Premiere");
    }
}
