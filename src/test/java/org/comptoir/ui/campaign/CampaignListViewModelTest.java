package org.comptoir.ui.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.comptoir.AppContext;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignStatus;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.comptoir.ui.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign list's commands without a toolkit, on a real store. */
class CampaignListViewModelTest {

    @TempDir
    Path dir;
    AppContext app;
    CampaignListViewModel list;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    void open() {
        app = AppContext.open(dir);
        list = new CampaignListViewModel(app.campaigns(), Messages.forLanguage("fr"), new CurrentThreadTaskExecutor(),
                dialogs);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void duplicateAddsADraftNamedInTheUiLanguageAndSelectsIt() {
        Campaign source = app.campaigns().saveDraft(
                Campaign.draft("Soldes", CampaignKind.MARKETING, "Soldes samedi", "", null));
        list.reload(null);
        assertThat(list.campaigns()).containsExactly(source);

        list.duplicate(source);
        assertThat(list.campaigns()).hasSize(2);
        Campaign copy = list.selected().get();
        assertThat(copy.name()).isEqualTo("Soldes (copie)");
        assertThat(copy.id()).isNotEqualTo(source.id());
        assertThat(list.campaigns().get(0)).isEqualTo(copy);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void cancelAfterConfirmationThenACancelledCampaignCannotBeCancelledAgain() {
        Campaign c = app.campaigns().saveDraft(Campaign.draft("Soldes", CampaignKind.MARKETING, "Texte", "", null));
        list.cancel(c);
        // the buttons name the choice: "OK" to a question about cancelling is ambiguous
        assertThat(dialogs.confirmations).containsExactly("Annuler la campagne / Garder la campagne");
        assertThat(list.selected().get().status()).isEqualTo(CampaignStatus.CANCELLED);
        list.cancel(list.selected().get());
        assertThat(dialogs.errors).singleElement().asString().contains("Soldes");
    }
}
