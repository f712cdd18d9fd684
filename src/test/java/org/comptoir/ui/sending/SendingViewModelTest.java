package org.comptoir.ui.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.comptoir.ui.ScriptedDialogs;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sending screen's state over a real store and the real engine on a moved clock, without a toolkit. */
class SendingViewModelTest {

    private static final Messages FR = Messages.forLanguage("fr");

    @TempDir
    Path dir;
    SendingFixture f;
    SendingViewModel vm;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final List<String> finished = new ArrayList<>();

    @BeforeEach
    void open() {
        f = new SendingFixture(dir, SendingFixture.SUNDAY);
        for (int i = 0; i < 5; i++) {
            f.optIn("+3361234560" + i);
        }
        vm = new SendingViewModel(f.services(FR), FR, new CurrentThreadTaskExecutor(), dialogs);
        vm.onFinished(finished::add);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aCampaignStartedOnSundayShowsItWaitsForMondayThenFinishesWithANotification() throws Exception {
        long id = f.started("Soldes");
        f.run(); // Sunday: every row waits for Monday 08:00
        vm.reload(id);
        assertThat(vm.selectedProperty().get().id()).isEqualTo(id);
        assertThat(vm.stateProperty().get()).isEqualTo("En pause jusqu'à lundi 30 novembre à 08:00 — dimanche interdit");
        assertThat(vm.remainingProperty().get()).isEqualTo(5);
        assertThat(vm.sentProperty().get()).isZero();
        assertThat(vm.progressProperty().get()).isZero();
        assertThat(vm.timeLeftProperty().get()).isEqualTo("Temps restant : ≈ moins d'une minute en répétition (rien n'est envoyé)");
        assertThat(vm.gatewayProperty().get()).isEqualTo("Passerelle : répétition (rien n'est envoyé) — prête");
        assertThat(vm.canPauseProperty().get()).isTrue();
        assertThat(finished).isEmpty();

        f.clock.set(SendingFixture.MONDAY);
        f.run();
        vm.refresh();
        assertThat(vm.stateProperty().get()).isEqualTo("Terminée");
        assertThat(vm.sentProperty().get()).isEqualTo(5);
        assertThat(vm.remainingProperty().get()).isZero();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.timeLeftProperty().get()).isEmpty();
        assertThat(finished).containsExactly(
                "« Soldes » est terminée : 5 envoyé(s), 0 échec(s), 0 non envoyé(s), 0 au sort inconnu.");
        assertThat(vm.selectedProperty().get().status()).isEqualTo(org.comptoir.campaign.CampaignStatus.DONE);
        vm.refresh();
        assertThat(finished).hasSize(1); // told once
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void pauseResumeAndCancelWithNamedButtonsKeepWhatAlreadyLeft() throws Exception {
        long id = f.started("Soldes");
        vm.reload(id);
        assertThat(vm.stateProperty().get()).isEqualTo("Envoi en cours");

        vm.pause();
        assertThat(vm.stateProperty().get()).isEqualTo("En pause : vous l'avez arrêtée. « Reprendre » la relance.");
        assertThat(vm.canResumeProperty().get()).isTrue();
        assertThat(vm.canPauseProperty().get()).isFalse();
        f.clock.set(SendingFixture.MONDAY);
        f.run();
        vm.refresh();
        assertThat(vm.sentProperty().get()).as("a paused campaign sends nothing").isZero();

        vm.resume();
        f.run();
        vm.refresh();
        assertThat(vm.sentProperty().get()).isEqualTo(5);

        long second = f.started("Noël");
        vm.reload(second);
        dialogs.confirmAnswers.add(false);
        vm.cancel();
        assertThat(dialogs.confirmations).containsExactly("Annuler la campagne / Garder la campagne");
        assertThat(vm.stateProperty().get()).isEqualTo("Envoi en cours");
        vm.cancel();
        assertThat(dialogs.confirmed.get(1))
                .isEqualTo("Annuler « Noël » ? Les 5 message(s) qui restent ne partiront pas ; ceux déjà partis restent envoyés.");
        assertThat(vm.stateProperty().get()).isEqualTo("Annulée");
        assertThat(vm.skippedProperty().get()).isEqualTo(5);
        assertThat(vm.canCancelProperty().get()).isFalse();
        List<String> audited = f.app.database().withConnection(c -> Jdbc.query(c,
                "SELECT action FROM audit WHERE action LIKE 'CAMPAIGN_%' ORDER BY id", rs -> rs.getString(1)));
        assertThat(audited).contains("CAMPAIGN_PAUSED", "CAMPAIGN_RESUMED");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void withNoCampaignProgrammedItSaysWhereToStart() {
        vm.reload(null);
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo("Aucune campagne programmée. Programmez-en une depuis « Campagnes ».");
    }
}
