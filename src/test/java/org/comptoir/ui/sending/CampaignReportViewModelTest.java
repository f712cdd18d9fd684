package org.comptoir.ui.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.comptoir.consent.Channel;
import org.comptoir.dispatch.Outbox;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.comptoir.ui.ScriptedDialogs;
import org.comptoir.ui.sending.CampaignReportViewModel.Line;
import org.comptoir.ui.sending.CampaignReportViewModel.StateCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report over a real store and the real engine: a STOP before the send (not sent, with its reason), a message a
 * crash left in hand (unknown fate, decided by the owner and audited), opt-outs within and beyond seven days.
 */
class CampaignReportViewModelTest {

    private static final Messages FR = Messages.forLanguage("fr");

    @TempDir
    Path dir;
    SendingFixture f;
    CampaignReportViewModel vm;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    long campaign;

    @BeforeEach
    void open() throws Exception {
        f = new SendingFixture(dir, SendingFixture.MONDAY);
        for (int i = 0; i < 4; i++) {
            f.optIn("+3361234560" + i);
        }
        campaign = f.started("Soldes");
        // a STOP before the engine reaches the row: not sent, with the reason
        f.consent.recordOptOut(new PhoneNumber("+33612345603"), Channel.SMS_KEYWORD, null, "STOP");
        // a previous run died with this row in hand: the engine's start-up makes it UNKNOWN, never resends it
        f.app.database().withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'SENDING' WHERE campaign_id = ?"
                + " AND recipient_e164 = ?", campaign, "+33612345602"));
        f.run();
        // opt-outs after the send: one two days later (counted), one eleven days later (not)
        f.clock.advance(Duration.ofDays(2));
        f.consent.recordOptOut(new PhoneNumber("+33612345600"), Channel.SMS_KEYWORD, null, "STOP");
        f.clock.advance(Duration.ofDays(9));
        f.consent.recordOptOut(new PhoneNumber("+33612345601"), Channel.SMS_KEYWORD, null, "STOP");
        vm = new CampaignReportViewModel(f.services(FR), FR, new CurrentThreadTaskExecutor(), dialogs);
        vm.reload(campaign);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void countsFailuresOptOutsAndTheChartComeFromTheStore() {
        assertThat(vm.headlineProperty().get()).isEqualTo("« Soldes » : Terminée, 4 message(s)");
        assertThat(vm.counts()).extracting(StateCount::state, StateCount::count).contains(
                org.assertj.core.groups.Tuple.tuple("SENT", 2L), org.assertj.core.groups.Tuple.tuple("SKIPPED", 1L),
                org.assertj.core.groups.Tuple.tuple("UNKNOWN", 1L), org.assertj.core.groups.Tuple.tuple("QUEUED", 0L));
        assertThat(vm.problems()).extracting(Line::number, Line::state, Line::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("+33612345603", "Non envoyé",
                        "Non envoyé : la personne a demandé STOP."));
        assertThat(vm.unknown()).extracting(Line::number, Line::reason).containsExactly(org.assertj.core.groups.Tuple.tuple(
                "+33612345602", "interrompu pendant l'envoi (arrêt, coupure, débranchement)"));
        assertThat(vm.optOutSummaryProperty().get())
                .isEqualTo("1 désinscription(s) dans les 7 jours après l'envoi, pour 2 message(s) envoyé(s) (50,0 %)");
        assertThat(vm.optOuts()).hasSize(1);
        assertThat(vm.optOuts().get(0).state()).isEqualTo("SMS");
        assertThat(vm.timeline()).hasSize(1);
        assertThat(vm.timeline().get(0).sent()).isEqualTo(2);
        assertThat(vm.stepLabel(vm.timeline().get(0))).isEqualTo("10:00");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void sendAgainIsConfirmedWithNamedButtonsAuditedAndSent() throws Exception {
        Line unknown = vm.unknown().get(0);
        dialogs.confirmAnswers.add(false);
        vm.decide(unknown, Outbox.Decision.SEND_AGAIN);
        assertThat(vm.unknown()).hasSize(1);
        assertThat(dialogs.confirmations).containsExactly("Renvoyer / Ne rien changer");
        assertThat(dialogs.confirmed.get(0))
                .isEqualTo("Renvoyer le message à +33612345602 ? S'il était déjà parti, le client le recevra deux fois.");

        vm.decide(unknown, Outbox.Decision.SEND_AGAIN);
        assertThat(vm.unknown()).isEmpty();
        assertThat(vm.headlineProperty().get()).isEqualTo("« Soldes » : En cours d'envoi, 4 message(s)");
        List<String> audit = f.app.database().withConnection(c -> Jdbc.query(c,
                "SELECT actor || ' ' || detail FROM audit WHERE action = 'OUTBOX_DECISION'", rs -> rs.getString(1)));
        assertThat(audit).containsExactly("owner outbox " + unknown.outboxId() + " SEND_AGAIN");
        f.run();
        vm.reload(null);
        assertThat(vm.counts()).extracting(StateCount::state, StateCount::count)
                .contains(org.assertj.core.groups.Tuple.tuple("SENT", 3L), org.assertj.core.groups.Tuple.tuple("UNKNOWN", 0L));
    }

    @Test
    void dropAndMarkSentAreTheOtherTwoDecisions() {
        Line unknown = vm.unknown().get(0);
        vm.decide(unknown, Outbox.Decision.DROP);
        assertThat(dialogs.confirmations).containsExactly("Abandonner ce message / Ne rien changer");
        assertThat(vm.problems()).extracting(Line::number, Line::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("+33612345602", "abandonné par vous"));
        // a second decision on the same row is refused with a clear message, nothing changes
        vm.decide(unknown, Outbox.Decision.MARK_SENT);
        assertThat(dialogs.errors).containsExactly("Le message " + unknown.outboxId() + " n'est pas en attente d'une décision.");
    }
}
