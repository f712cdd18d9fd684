package org.comptoir.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.ownerWindow;
import static org.comptoir.ui.FxTesting.typePin;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.backup.BackupSettings;
import org.comptoir.settings.HttpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The backup screen's folder and days, and the settings screen's SMS provider section, ask "Enregistrer / Ne pas
 * enregistrer / Rester" before being left with unsaved edits, as the campaign editor and the other settings do:
 * before, the sidebar dropped them without a word.
 */
@ExtendWith(ApplicationExtension.class)
class UnsavedEditsScreensUiTest {

    @TempDir
    static Path dir;
    final AppContext app;
    MainView main;

    UnsavedEditsScreensUiTest() {
        // on the test thread, before @Start: @Start runs on the FX thread within TestFX's 30 s set-up timeout
        app = openShop(dir, "Léa Fleurs");
    }

    @Start
    void start(Stage stage) {
        main = ownerWindow(app, stage, "2468");
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theBackupFolderAndDaysAreNotDroppedSilently(FxRobot robot) {
        robot.clickOn("#nav-backup");
        typePin(robot, "2468");
        waitUntil(() -> robot.lookup("#backupKeepDays").tryQuery().isPresent());
        waitUntil(() -> "30".equals(text(robot, "#backupKeepDays")));
        replaceText(robot, "#backupKeepDays", "45");

        // Enter stays, with the edit
        robot.clickOn("#nav-contacts");
        askedAbout(robot, "Sauvegardes");
        pressIn(robot, "#choice-2", KeyCode.ENTER);
        waitUntil(() -> FxTesting.find(robot, "#choice-2").isEmpty());
        assertThat(main.current().id()).isEqualTo("backup");
        assertThat(text(robot, "#backupKeepDays")).isEqualTo("45");

        // "Enregistrer": saved, then the contacts open
        robot.clickOn("#nav-contacts");
        askedAbout(robot, "Sauvegardes");
        pressIn(robot, "#choice-0", KeyCode.SPACE);
        waitUntil(() -> main.current().id().equals("contacts"));
        assertThat(app.settings().get(BackupSettings.KEEP_DAYS)).isEqualTo("45");

        // a folder typed, "Ne pas enregistrer": left, nothing saved
        robot.clickOn("#nav-backup");
        waitUntil(() -> "45".equals(text(robot, "#backupKeepDays")));
        replaceText(robot, "#backupFolder", dir.toString());
        robot.clickOn("#nav-contacts");
        askedAbout(robot, "Sauvegardes");
        pressIn(robot, "#choice-1", KeyCode.SPACE);
        waitUntil(() -> main.current().id().equals("contacts"));
        assertThat(app.settings().get(BackupSettings.FOLDER)).isEmpty();

        // nothing edited: no question
        robot.clickOn("#nav-backup");
        waitUntil(() -> "45".equals(text(robot, "#backupKeepDays")));
        robot.clickOn("#nav-contacts");
        waitUntil(() -> main.current().id().equals("contacts"));
        assertThat(FxTesting.find(robot, ".alert")).isEmpty();
    }

    @Test
    void theSmsProviderFieldsAreNotDroppedSilently(FxRobot robot) {
        robot.clickOn("#nav-settings");
        typePin(robot, "2468");
        waitUntil(() -> robot.lookup("#setting-http-baseUrl").tryQuery().isPresent());
        // the settings load in the background: an edit typed before would be overwritten
        waitUntil(() -> !robot.lookup("#settingsSave").queryAs(Button.class).isDisabled());
        replaceText(robot, "#setting-http-baseUrl", "https://sms.example.test/api");

        robot.clickOn("#nav-contacts");
        askedAbout(robot, "Réglages");
        pressIn(robot, "#choice-2", KeyCode.ENTER);
        waitUntil(() -> FxTesting.find(robot, "#choice-2").isEmpty());
        assertThat(main.current().id()).isEqualTo("settings");
        assertThat(text(robot, "#setting-http-baseUrl")).isEqualTo("https://sms.example.test/api");

        robot.clickOn("#nav-contacts");
        askedAbout(robot, "Réglages");
        pressIn(robot, "#choice-0", KeyCode.SPACE);
        waitUntil(() -> main.current().id().equals("contacts"));
        assertThat(app.settings().get(HttpSettings.BASE_URL)).isEqualTo("https://sms.example.test/api");

        // saved: coming back and leaving asks nothing
        robot.clickOn("#nav-settings");
        waitUntil(() -> "https://sms.example.test/api".equals(text(robot, "#setting-http-baseUrl")));
        robot.clickOn("#nav-contacts");
        waitUntil(() -> main.current().id().equals("contacts"));
        assertThat(FxTesting.find(robot, ".alert")).isEmpty();
    }

    private static void askedAbout(FxRobot robot, String screen) {
        waitUntil(() -> FxTesting.find(robot, "#choice-2").isPresent());
        assertThat(robot.lookup(".alert").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .isEqualTo("« " + screen + " » a des modifications non enregistrées.");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextInputControl.class).getText();
    }

    /** Focuses the field (as Tab would, which also scrolls it into view), selects all and types over it. */
    private static void replaceText(FxRobot robot, String query, String typed) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        waitUntil(field::isFocused);
        robot.write(typed);
        waitUntil(() -> typed.equals(field.getText()));
    }

    /** Focuses the button (as Tab would) and presses the key. */
    private static void pressIn(FxRobot robot, String query, KeyCode key) {
        Node button = robot.lookup(query).query();
        robot.interact(button::requestFocus);
        waitUntil(button::isFocused);
        robot.targetWindow(button.getScene().getWindow()).type(key);
    }
}
