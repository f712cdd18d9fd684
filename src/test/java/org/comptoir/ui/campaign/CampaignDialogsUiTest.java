package org.comptoir.ui.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.find;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignStatus;
import org.comptoir.ui.FxTesting;
import org.comptoir.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The campaign screen's questions through the application's real dialogs: named buttons, Enter keeps what is safe. */
@ExtendWith(ApplicationExtension.class)
class CampaignDialogsUiTest {

    @TempDir
    static Path dir;
    private AppContext app;
    private Campaign soldes;

    @Start
    void start(Stage stage) {
        app = FxTesting.openShop(dir, "Léa Fleurs");
        soldes = app.campaigns().saveDraft(Campaign.draft("Soldes", CampaignKind.MARKETING, "Soldes samedi", "", null));
        app.campaigns().saveDraft(Campaign.draft("Noël", CampaignKind.MARKETING, "Joyeux Noël", "", null));
        UiContext ui = FxTesting.uiContext(app, stage);
        stage.setScene(new Scene(new CampaignsView(ui), 1176, 728));
        stage.show();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void unsavedEditsAskWithThreeNamedChoicesAndEnterKeepsEditing(FxRobot robot) {
        waitUntil(() -> robot.lookup("#campaign-list").queryListView().getItems().size() == 2);
        robot.interact(() -> robot.lookup("#campaign-list").queryListView().getSelectionModel().select(1));
        waitUntil(() -> template(robot).equals("Soldes samedi"));
        robot.clickOn("#template").type(KeyCode.END).write(" !");

        robot.clickOn(robot.lookup("#campaign-list .list-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> find(robot, "#choice-0").isPresent());
        assertThat(label(robot, "#choice-0")).isEqualTo("Continuer la modification");
        assertThat(label(robot, "#choice-1")).isEqualTo("Abandonner les modifications");
        assertThat(label(robot, "#choice-2")).isEqualTo("Enregistrer le brouillon");
        assertThat(robot.lookup("#choice-0").queryAs(Button.class).isDefaultButton()).isTrue();
        Node choice = robot.lookup("#choice-0").query();
        robot.targetWindow(choice.getScene().getWindow()).type(KeyCode.ENTER);

        waitUntil(() -> FxTesting.windows() == 1);
        assertThat(template(robot)).isEqualTo("Soldes samedi !");
        waitUntil(() -> ((Campaign) robot.lookup("#campaign-list").queryListView().getSelectionModel()
                .getSelectedItem()).name().equals("Soldes"));
        assertThat(app.campaigns().load(soldes.id()).orElseThrow().template()).isEqualTo("Soldes samedi");
    }

    @Test
    void theCancelPromptNamesBothChoicesAndEnterKeepsTheCampaign(FxRobot robot) {
        waitUntil(() -> robot.lookup("#campaign-list").queryListView().getItems().size() == 2);
        robot.interact(() -> robot.lookup("#campaign-list").queryListView().getSelectionModel().select(1));
        waitUntil(() -> template(robot).equals("Soldes samedi"));
        robot.clickOn("#cancel-campaign");
        waitUntil(() -> find(robot, ".alert").isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".alert").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(pane.getButtonTypes()).extracting(javafx.scene.control.ButtonType::getText)
                .containsExactly("Annuler la campagne", "Garder la campagne");
        robot.targetWindow(pane.getScene().getWindow()).type(KeyCode.ENTER);
        waitUntil(() -> FxTesting.windows() == 1);
        assertThat(app.campaigns().load(soldes.id()).orElseThrow().status()).isEqualTo(CampaignStatus.DRAFT);
    }

    private static String template(FxRobot robot) {
        return robot.lookup("#template").queryAs(TextArea.class).getText();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Button.class).getText();
    }
}
