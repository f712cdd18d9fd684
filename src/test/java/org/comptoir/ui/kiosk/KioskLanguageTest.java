package org.comptoir.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentSettings;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.TillSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A shop offering its wording in French and English: the kiosk's customer chooses, as at the till, by touch. */
@ExtendWith(ApplicationExtension.class)
class KioskLanguageTest {

    @TempDir
    static Path dir;
    final AppContext app;
    Stage kiosk;

    KioskLanguageTest() {
        // on the test thread, before @Start: @Start runs on the FX thread within TestFX's 30 s set-up timeout
        app = openShop(dir, "Chez Paul");
        app.settings().set(TillSettings.OWNER_PIN, "2468");
        app.settings().set(ConsentSettings.LANGUAGES, "fr,en");
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        kiosk = KioskWindow.open(uiContext(app, stage), stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (kiosk.isShowing()) {
                kiosk.setOnCloseRequest(null);
                kiosk.close();
            }
        });
        app.close();
    }

    @Test
    void theCustomerPicksEnglishAndIsRecordedOnTheEnglishWording(FxRobot robot) {
        CheckBox consent = robot.lookup("#kioskConsent").queryAs(CheckBox.class);
        waitUntil(() -> consent.getText().startsWith("J’accepte"));
        Node choice = robot.lookup("#kioskView #languageChoice").query();
        assertThat(choice.isVisible()).isTrue();
        assertThat(robot.lookup("#kioskView #language-en").queryAs(javafx.scene.control.ToggleButton.class).getText())
                .isEqualTo("English");
        assertThat(robot.lookup("#kioskView #language-fr").queryAs(javafx.scene.control.ToggleButton.class).getHeight())
                .as("a touch target").isGreaterThanOrEqualTo(64);

        robot.clickOn("#language-en");
        waitUntil(() -> consent.getText().startsWith("I agree"));
        for (char c : "0698765432".toCharArray()) {
            robot.clickOn("#key-" + c);
        }
        robot.clickOn("#kioskConsent");
        robot.clickOn("#kioskJoin");
        waitUntil(() -> !robot.lookup("#kioskBanner").queryAs(Label.class).getText().isEmpty());
        PhoneNumber number = new PhoneNumber("+33698765432");
        waitUntil(() -> app.consent().lookup(number).isPresent());
        assertThat(app.consent().history(number).get(0).channel()).isEqualTo(Channel.KIOSK);
        assertThat(app.consent().history(number).get(0).wordingText()).startsWith("I agree");
    }
}
