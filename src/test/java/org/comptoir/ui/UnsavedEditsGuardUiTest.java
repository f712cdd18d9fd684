package org.comptoir.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.ownerWindow;
import static org.comptoir.ui.FxTesting.typePin;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.campaign.Campaign;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Leaving a screen with unsaved edits through the sidebar asks "Enregistrer / Ne pas enregistrer / Rester", answered
 * with the keyboard in the application's real dialog: Enter stays, the other two leave (after saving, for the first).
 */
@ExtendWith(ApplicationExtension.class)
class UnsavedEditsGuardUiTest {

    @TempDir
    static Path dir;
    AppContext app;
    MainView main;

    @Start
    void start(Stage stage) {
        app = openShop(dir, "Léa Fleurs");
        main = ownerWindow(app, stage, "2468");
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theSidebarAsksBeforeDroppingADraftAndTheKeyboardAnswers(FxRobot robot) {
        robot.clickOn("#nav-campaigns");
        typePin(robot, "2468");
        waitUntil(() -> robot.lookup("#campaign-name").tryQuery().isPresent());
        robot.clickOn("#campaign-name").write("Fête des mères");

        // Enter keeps the safe choice: stay, with the edits
        robot.clickOn("#nav-contacts");
        waitUntil(() -> FxTesting.find(robot, "#choice-2").isPresent());
        assertThat(buttons(robot)).containsExactly("Enregistrer", "Ne pas enregistrer", "Rester");
        assertThat(robot.lookup(".alert").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .isEqualTo("« Campagnes » a des modifications non enregistrées.");
        pressIn(robot, "#choice-2", KeyCode.ENTER);
        waitUntil(() -> FxTesting.find(robot, "#choice-2").isEmpty());
        assertThat(main.current().id()).isEqualTo("campaigns");
        assertThat(robot.lookup("#campaign-name").queryAs(TextField.class).getText()).isEqualTo("Fête des mères");
        assertThat(robot.lookup("#nav-campaigns").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();

        // "Enregistrer" (focused, Space): the draft is saved, then the contacts open
        robot.clickOn("#nav-contacts");
        waitUntil(() -> FxTesting.find(robot, "#choice-0").isPresent());
        pressIn(robot, "#choice-0", KeyCode.SPACE);
        waitUntil(() -> main.current().id().equals("contacts"));
        assertThat(app.campaigns().list()).extracting(Campaign::name).containsExactly("Fête des mères");

        // back, a new edit, "Ne pas enregistrer": the contacts open and the saved name is unchanged
        robot.clickOn("#nav-campaigns");
        waitUntil(() -> robot.lookup("#campaign-name").tryQuery().isPresent());
        robot.clickOn("#campaign-name").write("Soldes");
        robot.clickOn("#nav-settings");
        waitUntil(() -> FxTesting.find(robot, "#choice-1").isPresent());
        pressIn(robot, "#choice-1", KeyCode.SPACE);
        waitUntil(() -> main.current().id().equals("settings"));
        assertThat(app.campaigns().list()).extracting(Campaign::name).containsExactly("Fête des mères");

        // nothing edited: no question
        robot.clickOn("#nav-contacts");
        waitUntil(() -> main.current().id().equals("contacts"));
        assertThat(FxTesting.find(robot, ".alert")).isEmpty();
    }

    private static java.util.List<String> buttons(FxRobot robot) {
        return java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> robot.lookup("#choice-" + i).queryAs(Button.class).getText()).toList();
    }

    /** Focuses the button (as Tab would) and presses the key. */
    private static void pressIn(FxRobot robot, String query, KeyCode key) {
        Node button = robot.lookup(query).query();
        robot.interact(button::requestFocus);
        waitUntil(button::isFocused);
        robot.targetWindow(button.getScene().getWindow()).type(key);
    }
}
