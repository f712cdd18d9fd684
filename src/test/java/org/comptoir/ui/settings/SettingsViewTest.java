package org.comptoir.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.settings.CoreSettings;
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
class SettingsViewTest {

    @TempDir
    static Path dir;
    AppContext app;

    @Start
    void start(Stage stage) {
        app = openShop(dir, "Chez Paul");
        UiContext ui = uiContext(app, stage);
        stage.setScene(new Scene(new SettingsView(ui), 900, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void everyPlainSettingIsEditableAndSecretsAreNot(FxRobot robot) {
        for (var d : app.settings().definitions()) {
            assertThat(robot.lookup("#setting-" + d.key().replace('.', '-')).tryQuery().isPresent()).as(d.key()).isEqualTo(!d.secret());
        }
    }

    @Test
    void invalidValueShowsTheCheckAndIsNotSaved(FxRobot robot) {
        waitUntil(() -> "Chez Paul".equals(robot.lookup("#setting-shop-name").queryAs(TextField.class).getText()));
        TextField mention = robot.lookup("#setting-optout-mention").queryAs(TextField.class);
        robot.interact(() -> mention.setText("Répondez NON"));
        assertThat(robot.lookup("#error-optout-mention").queryAs(Label.class).getText()).contains("STOP");
        robot.clickOn("#settingsSave");
        assertThat(app.settings().get(CoreSettings.OPTOUT_MENTION)).isEqualTo("STOP au 36180");

        robot.interact(() -> mention.setText("STOP au 36111"));
        TextField staff = robot.lookup("#setting-till-staff").queryAs(TextField.class);
        robot.interact(() -> staff.setText("Marie"));
        robot.clickOn("#settingsSave");
        waitUntil(() -> robot.lookup("#settingsBanner").queryAs(Label.class).getText().startsWith("Réglages enregistrés (2)"));
        assertThat(app.settings().get(CoreSettings.OPTOUT_MENTION)).isEqualTo("STOP au 36111");
        assertThat(app.settings().get(TillSettings.TILL_STAFF)).isEqualTo("Marie");
    }

    @Test
    @SuppressWarnings("unchecked")
    void labelsAreWordsNotKeys(FxRobot robot) {
        Label label = (Label) robot.lookup("#setting-shop-name").query().getParent().getChildrenUnmodifiable().get(0);
        assertThat(label.getText()).isEqualTo("Nom de la boutique");
        ChoiceBox<?> language = robot.lookup("#setting-ui-language").queryAs(ChoiceBox.class);
        assertThat(language.getConverter()).isNotNull();
        assertThat(((ChoiceBox<String>) language).getConverter().toString("fr")).isEqualTo("Français");
        ChoiceBox<String> preset = robot.lookup("#setting-schedule-preset").queryAs(ChoiceBox.class);
        assertThat(preset.getItems()).containsExactly("france", "france-22h", "us", "custom");
        assertThat(preset.getConverter().toString("france")).isEqualTo("France : lun–sam 08:00–20:00");
        Label presetLabel = (Label) preset.getParent().getChildrenUnmodifiable().get(0);
        assertThat(presetLabel.getText()).isEqualTo("Horaires des SMS promotionnels");
    }

    @Test
    void theSendingHoursAreChosenFromTheListAndSaved(FxRobot robot) {
        waitUntil(() -> "france".equals(robot.lookup("#setting-schedule-preset").queryAs(ChoiceBox.class).getValue()));
        robot.interact(() -> robot.lookup("#setting-schedule-preset").queryAs(ChoiceBox.class).setValue("france-22h"));
        robot.clickOn("#settingsSave");
        waitUntil(() -> robot.lookup("#settingsBanner").queryAs(Label.class).getText().startsWith("Réglages enregistrés (1)"));
        assertThat(app.settings().get(org.comptoir.settings.ScheduleSettings.PRESET)).isEqualTo("france-22h");
    }

    @Test
    void changesThePin(FxRobot robot) {
        // the PIN form is below twenty settings: focusing it must scroll it into view, as Tab would
        robot.interact(() -> robot.lookup("#newPin").query().requestFocus());
        robot.clickOn("#newPin").write("13579");
        robot.clickOn("#newPinAgain").write("13579");
        robot.clickOn("#changePin");
        waitUntil(() -> "Code propriétaire changé.".equals(robot.lookup("#settingsBanner").queryAs(Label.class).getText()));
        assertThat(app.ownerPin().check("13579")).isTrue();
    }
}
