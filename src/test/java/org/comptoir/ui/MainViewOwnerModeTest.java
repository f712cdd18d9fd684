package org.comptoir.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.closeAlert;
import static org.comptoir.ui.FxTesting.openStore;
import static org.comptoir.ui.FxTesting.typePin;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.settings.TillSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Cashier mode: owner-only screens ask the owner PIN, a wrong one keeps them closed, Lock closes them again. */
@ExtendWith(ApplicationExtension.class)
class MainViewOwnerModeTest {

    @TempDir
    static Path dir;
    final AppContext app;
    UiContext ui;
    MainView main;

    MainViewOwnerModeTest() {
        // on the test thread, before @Start: @Start runs on the FX thread within TestFX's 30 s set-up timeout
        app = openStore(dir);
        app.settings().set(TillSettings.OWNER_PIN, "2468");
    }

    @Start
    void start(Stage stage) {
        ui = uiContext(app, stage);
        main = new MainView(ui, stage);
        stage.setScene(new Scene(main, 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void settingsNeedTheOwnerPin(FxRobot robot) {
        assertThat(main.current().id()).isEqualTo(Screens.all().get(0).id());
        robot.clickOn("#nav-settings");
        typePin(robot, "1111");
        assertThat(closeAlert(robot)).isEqualTo(ui.messages().get("pin.error.wrong"));
        assertThat(robot.lookup("#settingsView").tryQuery()).isEmpty();
        assertThat(ui.owner().isUnlocked()).isFalse();

        robot.clickOn("#nav-settings");
        typePin(robot, "2468");
        waitUntil(() -> robot.lookup("#settingsView").tryQuery().isPresent());
        assertThat(ui.owner().isUnlocked()).isTrue();

        robot.clickOn("#lockButton");
        waitUntil(() -> robot.lookup("#settingsView").tryQuery().isEmpty());
        assertThat(main.current().ownerOnly()).isFalse();
    }

    @Test
    void everyOwnerOnlyScreenIsGuarded(FxRobot robot) {
        for (Screen screen : Screens.all()) {
            if (!screen.ownerOnly()) {
                continue;
            }
            robot.clickOn("#nav-" + screen.id());
            // each screen asks for the PIN; cancelling it leaves the screen closed (a wrong PIN per screen would
            // reach the lock-out after five, which its own test covers)
            waitUntil(() -> robot.lookup("#secretField").tryQuery().isPresent());
            javafx.scene.Node field = robot.lookup("#secretField").query();
            robot.targetWindow(field.getScene().getWindow()).type(javafx.scene.input.KeyCode.ESCAPE);
            waitUntil(() -> robot.lookup("#secretField").tryQuery().isEmpty());
            assertThat(main.current().id()).as(screen.id()).isNotEqualTo(screen.id());
        }
    }

    @Test
    void fiveWrongPinsThrottleTheSixth(FxRobot robot) {
        for (int i = 0; i < OwnerMode.FREE_TRIES; i++) {
            robot.clickOn("#unlockButton");
            typePin(robot, "0000");
            closeAlert(robot);
        }
        robot.clickOn("#unlockButton");
        String text = closeAlert(robot);
        assertThat(text).startsWith("Trop d'essais");
        assertThat(ui.owner().isUnlocked()).isFalse();
    }
}
