package org.comptoir.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openStore;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.OwnerPin;
import org.comptoir.settings.TillSettings;
import org.comptoir.ui.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SetupViewTest {

    @TempDir
    static Path dir;
    AppContext app;
    final AtomicBoolean done = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        app = openStore(dir);
        SetupViewModel vm = new SetupViewModel(app.settings(), app.messages(), new FxTaskExecutor());
        stage.setScene(new Scene(new SetupView(vm, app.messages(), () -> done.set(true)), 900, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void savesTheSettingsAndOnlyTheHashOfThePin(FxRobot robot) {
        assertThat(app.settings().isSet(CoreSettings.SHOP_NAME)).isFalse();
        robot.clickOn("#shopName").write("Fleurs de Léa");
        robot.interact(() -> robot.lookup("#shopCountry").<javafx.scene.control.ComboBox<String>>query().setValue("BE"));
        robot.clickOn("#pin").write("4711");
        robot.clickOn("#pinAgain").write("4711");
        robot.clickOn("#setupSave");
        waitUntil(done::get);
        assertThat(app.settings().get(CoreSettings.SHOP_NAME)).isEqualTo("Fleurs de Léa");
        assertThat(app.settings().get(CoreSettings.SHOP_COUNTRY)).isEqualTo("BE");
        assertThat(app.settings().get(CoreSettings.OPTOUT_MENTION)).isEqualTo("STOP au 36180");
        String stored = app.settings().get(TillSettings.OWNER_PIN);
        assertThat(stored).doesNotContain("4711");
        assertThat(OwnerPin.matches("4711", stored)).isTrue();
    }

    @Test
    void refusesAMentionWithoutStopAndMismatchedPinsAndSavesNothing(FxRobot robot) {
        robot.clickOn("#shopName").write("Chez Paul");
        TextField mention = robot.lookup("#optOutMention").queryAs(TextField.class);
        robot.interact(() -> mention.setText("Désinscription au 36180"));
        robot.clickOn("#pin").write("1234");
        robot.clickOn("#pinAgain").write("1243");
        robot.clickOn("#setupSave");
        waitUntil(() -> !robot.lookup("#optOutError").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#optOutError").queryAs(Label.class).getText()).contains("STOP");
        assertThat(robot.lookup("#pinError").queryAs(Label.class).getText()).isEqualTo("Les deux codes ne sont pas identiques.");
        assertThat(done).isFalse();
        assertThat(app.settings().isSet(CoreSettings.SHOP_NAME)).isFalse();
        assertThat(app.ownerPin().isSet()).isFalse();
    }
}
