package org.comptoir.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.comptoir.AppContext;
import org.comptoir.settings.HttpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The settings screen's provider section: only the chosen provider's fields, "Test" with the typed values, save. */
@ExtendWith(ApplicationExtension.class)
class HttpProviderPaneTest {

    @TempDir
    static Path dir;
    final AppContext app;
    MockWebServer server = new MockWebServer();

    HttpProviderPaneTest() {
        // on the test thread, before @Start: @Start runs on the FX thread within TestFX's 30 s set-up timeout
        app = openShop(dir, "Chez Paul");
    }

    @Start
    void start(Stage stage) throws Exception {
        server.start();
        stage.setScene(new Scene(new SettingsView(uiContext(app, stage)), 900, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        app.close();
        server.close();
    }

    /** Focus first, as Tab would: the settings screen scrolls the focused field into view. */
    private static void press(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).query().requestFocus());
        robot.clickOn(id);
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).query().getParent().isVisible();
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheChosenProvidersFieldsThenTestAndSave(FxRobot robot) {
        ChoiceBox<String> provider = robot.lookup("#setting-http-provider").queryAs(ChoiceBox.class);
        waitUntil(() -> "ovh".equals(provider.getValue()));
        assertThat(shown(robot, "#setting-http-ovh-serviceName")).isTrue();
        assertThat(shown(robot, "#setting-http-twilio-accountSid")).isFalse();

        robot.interact(() -> provider.setValue("twilio"));
        assertThat(shown(robot, "#setting-http-twilio-accountSid")).isTrue();
        assertThat(shown(robot, "#secret-http-twilio-authToken")).isTrue();
        assertThat(shown(robot, "#setting-http-ovh-serviceName")).isFalse();
        assertThat(provider.getConverter().toString("android")).isEqualTo("Téléphone Android (SMS Gateway)");

        robot.interact(() -> {
            robot.lookup("#setting-http-baseUrl").queryAs(TextField.class).setText(server.url("/").toString());
            robot.lookup("#setting-http-twilio-accountSid").queryAs(TextField.class).setText("AC7");
            robot.lookup("#secret-http-twilio-authToken").queryAs(PasswordField.class).setText("pane-t0ken-77");
            robot.lookup("#setting-http-twilio-from").queryAs(TextField.class).setText("+33700000001");
        });
        server.enqueue(new MockResponse.Builder().code(200).body("{\"balance\":\"8.00\",\"currency\":\"EUR\"}").build());
        press(robot, "#httpTest");
        Label status = robot.lookup("#httpStatus").queryAs(Label.class);
        waitUntil(() -> status.getText().contains("Crédit restant : 8.00 EUR"));
        // tested, not saved yet
        assertThat(app.settings().get(HttpSettings.PROVIDER)).isEqualTo("ovh");

        press(robot, "#settingsSave");
        waitUntil(() -> status.getText().equals("Réglages du fournisseur enregistrés."));
        assertThat(app.settings().get(HttpSettings.PROVIDER)).isEqualTo("twilio");
        assertThat(app.settings().get("http.twilio.authToken")).isEqualTo("pane-t0ken-77");
        PasswordField token = robot.lookup("#secret-http-twilio-authToken").queryAs(PasswordField.class);
        assertThat(token.getText()).isEmpty();
        assertThat(token.getPromptText()).isEqualTo("enregistré — tapez pour remplacer");
    }

    @Test
    void aBadAddressIsShownBesideTheFieldAndNothingIsTested(FxRobot robot) {
        robot.interact(() -> robot.lookup("#setting-http-baseUrl").queryAs(TextField.class).setText("ftp://x"));
        press(robot, "#httpTest");

        assertThat(robot.lookup("#error-http-baseUrl").queryAs(Label.class).getText()).contains("http://");
        assertThat(server.getRequestCount()).isZero();
    }
}
