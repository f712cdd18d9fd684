package org.comptoir.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.closeAlert;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.typePin;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.TillSettings;
import org.comptoir.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class KioskWindowTest {

    @TempDir
    static Path dir;
    AppContext app;
    Stage kiosk;

    @Start
    void start(Stage stage) {
        app = openShop(dir, "Chez Paul");
        app.settings().set(TillSettings.OWNER_PIN, "2468");
        UiContext ui = uiContext(app, stage);
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        kiosk = KioskWindow.open(ui, stage);
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
    void opensFullScreenWithLargeTargets(FxRobot robot) {
        assertThat(kiosk.isShowing()).isTrue();
        assertThat(kiosk.isFullScreen()).isTrue();
        for (Button b : robot.lookup(".button").queryAllAs(Button.class)) {
            if (b.getScene().getWindow() == kiosk) {
                assertThat(Math.min(b.getHeight(), b.getWidth())).as(b.getId()).isGreaterThanOrEqualTo(64);
            }
        }
    }

    @Test
    void escapeAndCloseRequestDoNotLeaveWithoutThePin(FxRobot robot) {
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#secretField").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE); // cancels the PIN dialog
        waitUntil(() -> robot.lookup("#secretField").tryQuery().isEmpty());
        assertThat(kiosk.isShowing()).isTrue();

        robot.interact(() -> kiosk.fireEvent(new WindowEvent(kiosk, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(kiosk.isShowing()).isTrue();

        robot.interact(() -> kiosk.setFullScreen(false));
        assertThat(kiosk.isFullScreen()).as("full screen is taken back").isTrue();

        robot.clickOn("#kioskExit");
        typePin(robot, "1357");
        closeAlert(robot);
        assertThat(kiosk.isShowing()).isTrue();

        robot.type(KeyCode.ESCAPE);
        typePin(robot, "2468");
        waitUntil(() -> !kiosk.isShowing());
    }

    @Test
    void customerSignsUpWithTheKeypadOnTheKioskChannel(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#kioskConsent").queryAs(CheckBox.class).getText().isEmpty());
        for (char c : "0698765432".toCharArray()) {
            robot.clickOn("#key-" + c);
        }
        robot.clickOn("#kioskJoin");
        waitUntil(() -> robot.lookup("#kioskBanner").queryAs(Label.class).getText().startsWith("Cochez la case"));
        PhoneNumber number = new PhoneNumber("+33698765432");
        assertThat(app.consent().lookup(number).map(s -> s.status())).isEmpty();

        robot.clickOn("#kioskConsent");
        robot.clickOn("#kioskJoin");
        waitUntil(() -> robot.lookup("#kioskBanner").queryAs(Label.class).getText().startsWith("Merci"));
        assertThat(app.consent().lookup(number).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(app.consent().history(number).get(0).channel()).isEqualTo(Channel.KIOSK);
    }

    @Test
    void aTouchOnlyKioskClosesWithThePinKeypad(FxRobot robot) {
        robot.clickOn("#kioskExit");
        waitUntil(() -> robot.lookup("#pin-key-2").tryQuery().isPresent());
        for (String key : new String[] {"2", "4", "9", "back", "6", "8"}) {
            robot.clickOn("#pin-key-" + key);
        }
        robot.clickOn("OK");
        waitUntil(() -> !kiosk.isShowing());
    }

    @Test
    void theNumberBoxHasAVisibleLabelAndKeepsItsHintWhileFocused(FxRobot robot) {
        TextField phone = robot.lookup("#kioskPhone").queryAs(TextField.class);
        Label label = robot.lookup(".field-label").queryAllAs(Label.class).stream()
                .filter(l -> l.getLabelFor() == phone).findFirst().orElseThrow();
        assertThat(label.getText()).isEqualTo("Numéro de portable");
        robot.interact(phone::requestFocus);
        waitUntil(phone::isFocused);
        // the skin draws the hint as a Text node, shown only while its fill is not transparent
        Text hint = robot.from(phone).lookup((Node n) -> n instanceof Text t && t.getText().equals(phone.getPromptText()))
                .queryAs(Text.class);
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getFill()).isNotEqualTo(Color.TRANSPARENT);
    }
}
