package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.gateway.SendResult;
import org.comptoir.i18n.ComptoirException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's one owner: the rehearsal route end to end (send-due's routine), one-off sends, refusals. */
@Timeout(120)
class GatewayOwnerTest {

    @TempDir
    Path dir;
    EngineFixture f;
    GatewayOwner owner;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, Instant.parse("2026-12-01T09:00:00Z")); // Tuesday 10:00 Paris
        owner = new GatewayOwner(f.db, f.settings, f.consent, f.campaigns, () -> f.rules, ReviewRouter::new, f.clock);
    }

    @AfterEach
    void close() {
        owner.close();
        f.close();
    }

    void chooseGateway(String kind) {
        f.settings.set("gateway", kind); // what `config set gateway rehearsal` does
    }

    @Test
    void aRehearsalRunsTheWholeCampaignAndLogsWhatWouldHaveLeftAndWhen() {
        chooseGateway("rehearsal");
        f.optIn("+33612345601", "Léa");
        f.optIn("+33612345602", null);
        long id = f.schedule(CampaignKind.MARKETING, "Bonjour {prenom}");

        SendingEngine.Summary s = owner.sendDue(Duration.ofMinutes(1));

        assertThat(s.sent()).isEqualTo(2);
        assertThat(new RehearsalLog(f.db).entries()).hasSize(2).allSatisfy(e -> {
            assertThat(e.at()).isEqualTo(f.clock.instant());
            assertThat(e.validUntil()).isEqualTo(Instant.parse("2026-12-01T18:59:00Z"));
            assertThat(e.text()).endsWith("STOP au 36180");
        }).extracting(RehearsalLog.Entry::text).contains("Bonjour Léa\nSTOP au 36180");
        OutboxReport.Summary report = owner.report().of(id).orElseThrow();
        assertThat(report.counts()).containsEntry("SENT", 2L).containsEntry("QUEUED", 0L);
        assertThat(report.status()).isEqualTo("DONE");
    }

    @Test
    void aCampaignScheduledForLaterIsNotStartedYet() {
        chooseGateway("rehearsal");
        f.optIn("+33612345601", null);
        long id = f.campaigns.saveDraft(org.comptoir.campaign.Campaign.draft("Plus tard", CampaignKind.MARKETING, "x", "", null)).id();
        f.campaigns.schedule(id, org.comptoir.campaign.ScheduleRequest.at(f.clock.instant().plus(Duration.ofDays(1))));
        assertThat(owner.sendDue(Duration.ofMinutes(1)).sent()).isZero();
        assertThat(f.campaignStatus(id)).isEqualTo("SCHEDULED");
    }

    @Test
    void pauseHoldsACampaignAndResumeLetsItGo() {
        chooseGateway("rehearsal");
        f.optIn("+33612345601", null);
        long id = f.schedule(CampaignKind.MARKETING, "x");
        owner.outbox().start(id);
        owner.control().pause(id);
        assertThat(owner.sendDue(Duration.ofMinutes(1)).sent()).isZero();
        owner.control().resume(id);
        assertThat(owner.sendDue(Duration.ofMinutes(1)).sent()).isEqualTo(1);
        assertThat(f.audit("CAMPAIGN_PAUSED")).hasSize(1);
    }

    @Test
    void cancellingSkipsWhatIsStillQueued() {
        chooseGateway("rehearsal");
        f.optIn("+33612345601", null);
        long id = f.schedule(CampaignKind.MARKETING, "x");
        owner.outbox().start(id);
        owner.control().cancel(id);
        assertThat(owner.sendDue(Duration.ofMinutes(1)).sent()).isZero();
        assertThat(owner.report().of(id).orElseThrow().counts()).containsEntry("SKIPPED", 1L);
        assertThat(f.reasonOf(id, "+33612345601")).isEqualTo("CANCELLED");
    }

    @Test
    void aOneOffGoesThroughTheHeldGateway() throws Exception {
        chooseGateway("rehearsal");
        SendResult r = owner.sendTest(null, null, "+33612345601", "Test", Duration.ZERO, step -> { }).result();
        assertThat(r).isInstanceOf(SendResult.Sent.class);
        assertThat(owner.gateway()).isSameAs(owner.gateway());
        assertThat(new RehearsalLog(f.db).entries()).singleElement().satisfies(e -> assertThat(e.messageId()).startsWith("test-"));
    }

    @Test
    void noGatewayChosenIsAClearRefusal() {
        assertThatThrownBy(() -> owner.sendDue(Duration.ofMinutes(1))).isInstanceOf(ComptoirException.class)
                .satisfies(e -> assertThat(((ComptoirException) e).userMessage().key()).isEqualTo("dispatch.error.no.gateway"));
    }

    @Test
    void theShopsTimeZoneComesFromItsCountry() {
        assertThat(owner.shopZone()).hasToString("Europe/Paris");
        f.settings.set("shop.country", "RE");
        assertThat(owner.shopZone()).hasToString("Indian/Reunion");
    }
}
