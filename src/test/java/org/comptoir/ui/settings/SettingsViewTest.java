package org.comptoir.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.ModemSettings;
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

    @Test
    @SuppressWarnings("unchecked")
    void eachSettingHasTheControlOfItsKind(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#settingsSave").queryAs(Button.class).isDisabled());
        ChoiceBox<String> gateway = robot.lookup("#setting-gateway").queryAs(ChoiceBox.class);
        assertThat(gateway.getItems()).containsExactly("none", "modem", "http", "rehearsal");
        assertThat(gateway.getItems().stream().map(gateway.getConverter()::toString))
                .containsExactly("Pas encore choisi (rien n'est envoyé)", "Modem USB GSM", "Prestataire SMS par Internet",
                        "Répétition : rien n'est envoyé");
        assertThat(gateway.getValue()).isEqualTo("none");

        Node reports = robot.lookup("#setting-modem-status-reports").query();
        Node doubleOptIn = robot.lookup("#setting-consent-double-optin").query();
        assertThat(reports).isInstanceOf(CheckBox.class);
        assertThat(doubleOptIn).isInstanceOf(CheckBox.class);

        TextField parts = robot.lookup("#setting-campaign-max-parts").queryAs(TextField.class);
        assertThat(rangeBeside(parts)).isEqualTo("De 1 à 6");
        assertThat(rangeBeside(robot.lookup("#setting-modem-gap-min-seconds").queryAs(TextField.class)))
                .isEqualTo("De 0 à 3600");
        // a number field takes no letters: the typed "a" is dropped, the digit kept
        robot.interact(() -> {
            parts.clear();
            parts.requestFocus();
        });
        robot.write("a4");
        assertThat(parts.getText()).isEqualTo("4");

        robot.interact(() -> gateway.setValue("rehearsal"));
        robot.clickOn("#settingsSave");
        waitUntil(() -> robot.lookup("#settingsBanner").queryAs(Label.class).getText().startsWith("Réglages enregistrés (2)"));
        assertThat(app.settings().get(ModemSettings.GATEWAY)).isEqualTo("rehearsal");
        assertThat(app.settings().get("campaign.max-parts")).isEqualTo("4");
    }

    @Test
    void noSettingKeyNorRawValueIsShownToTheOwner(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#settingsSave").queryAs(Button.class).isDisabled());
        List<String> shown = new ArrayList<>();
        for (Node n : robot.lookup(node -> true).queryAll()) {
            if (n instanceof Labeled l && l.getText() != null) {
                shown.add(l.getText());
            }
            n.getProperties().values().stream().filter(Tooltip.class::isInstance)
                    .forEach(t -> shown.add(((Tooltip) t).getText()));
        }
        assertThat(shown).contains("Moyen d’envoi", "Accusés de réception");
        for (String text : shown) {
            assertThat(text).as("shown text").doesNotContain("true ou false").doesNotContain("config set");
            for (var d : app.settings().definitions()) {
                assertThat(Pattern.compile("(?<![\\w.-])" + Pattern.quote(d.key()) + "(?![\\w.-])").matcher(text).find())
                        .as("key %s in \"%s\"", d.key(), text).isFalse();
            }
        }
    }

    @Test
    void aShortestPauseAboveTheLongestIsRefusedAndNothingIsSaved(FxRobot robot) {
        waitUntil(() -> "20".equals(robot.lookup("#setting-modem-gap-max-seconds").queryAs(TextField.class).getText()));
        TextField min = robot.lookup("#setting-modem-gap-min-seconds").queryAs(TextField.class);
        TextField max = robot.lookup("#setting-modem-gap-max-seconds").queryAs(TextField.class);
        TextField staff = robot.lookup("#setting-till-staff").queryAs(TextField.class);
        robot.interact(() -> {
            min.setText("30");
            staff.setText("Marie");
        });
        String both = "La pause minimale entre deux SMS (30 s) dépasse la pause maximale (20 s)";
        assertThat(robot.lookup("#error-modem-gap-min-seconds").queryAs(Label.class).getText()).contains(both);
        assertThat(robot.lookup("#error-modem-gap-max-seconds").queryAs(Label.class).getText()).contains(both);
        robot.clickOn("#settingsSave");
        waitUntil(() -> robot.lookup("#settingsBanner").queryAs(Label.class).getText().equals("Corrigez les champs signalés en rouge."));
        assertThat(app.settings().isSet(ModemSettings.GAP_MIN_SECONDS)).isFalse();
        assertThat(app.settings().get(TillSettings.TILL_STAFF)).isEqualTo("caisse");

        // raising the longest pause fixes both fields, and the pair is saved together
        robot.interact(() -> max.setText("40"));
        assertThat(robot.lookup("#error-modem-gap-min-seconds").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#error-modem-gap-max-seconds").queryAs(Label.class).getText()).isEmpty();
        robot.clickOn("#settingsSave");
        waitUntil(() -> robot.lookup("#settingsBanner").queryAs(Label.class).getText().startsWith("Réglages enregistrés (3)"));
        assertThat(app.settings().getInt(ModemSettings.GAP_MIN_SECONDS)).isEqualTo(30);
        assertThat(app.settings().getInt(ModemSettings.GAP_MAX_SECONDS)).isEqualTo(40);
    }

    private static String rangeBeside(TextField field) {
        return ((Label) ((HBox) field.getParent()).getChildren().get(1)).getText();
    }
}
