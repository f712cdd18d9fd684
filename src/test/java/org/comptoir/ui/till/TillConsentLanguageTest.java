package org.comptoir.ui.till;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.consent.ConsentEventView;
import org.comptoir.consent.ConsentSettings;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.CoreSettings;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wording customers read is the shop's: an English UI shows the French wording of a French shop, and a shop
 * offering both lets the customer choose, the ledger keeping the wording actually shown.
 */
@ExtendWith(ApplicationExtension.class)
class TillConsentLanguageTest {

    @TempDir
    static Path dir;
    AppContext app;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = openShop(dir, "Fleurs de Léa");
    }

    @AfterEach
    void close() {
        app.close();
    }

    void show(FxRobot robot) {
        robot.interact(() -> {
            stage.setScene(new Scene(new TillView(uiContext(app, stage)), 1024, 600));
            stage.show();
        });
        waitUntil(() -> !robot.lookup("#consent").queryAs(CheckBox.class).getText().isEmpty());
    }

    String wordingLanguageOfLastEvent() {
        return app.database().withConnection(c -> Jdbc.queryOne(c, "SELECT w.language FROM consent_event e "
                + "JOIN consent_wording w ON w.id = e.wording_id ORDER BY e.seq DESC LIMIT 1", rs -> rs.getString(1))).orElseThrow();
    }

    @Test
    void anEnglishUiKeepsTheFrenchShopsWording(FxRobot robot) {
        app.consent().currentWording(); // the shop has shown its French wording (the UI was French)
        app.settings().set(CoreSettings.UI_LANGUAGE, "en");
        show(robot);
        assertThat(robot.lookup("#save").queryAs(javafx.scene.control.Button.class).getText()).startsWith("Save");
        assertThat(robot.lookup("#consent").queryAs(CheckBox.class).getText()).startsWith("J’accepte");
        assertThat(robot.lookup("#languageChoice").query().isVisible()).as("one language: no choice").isFalse();
        robot.clickOn("#phone").write("06 12 34 56 78").type(KeyCode.TAB).type(KeyCode.TAB).type(KeyCode.SPACE)
                .type(KeyCode.ENTER);
        waitUntil(() -> app.consent().lookup(new PhoneNumber("+33612345678")).isPresent());
        assertThat(wordingLanguageOfLastEvent()).isEqualTo("fr");
    }

    @Test
    void aFrenchCustomerChoosesFrenchAndIsRecordedOnTheFrenchWording(FxRobot robot) {
        app.settings().set(CoreSettings.UI_LANGUAGE, "en");
        app.settings().set(ConsentSettings.LANGUAGES, "en,fr");
        show(robot);
        CheckBox consent = robot.lookup("#consent").queryAs(CheckBox.class);
        assertThat(consent.getText()).startsWith("I agree");
        robot.clickOn("#language-fr");
        waitUntil(() -> consent.getText().startsWith("J’accepte"));
        robot.clickOn("#phone").write("06 12 34 56 79");
        robot.clickOn("#consent").type(KeyCode.ENTER);
        waitUntil(() -> app.consent().lookup(new PhoneNumber("+33612345679")).isPresent());
        assertThat(wordingLanguageOfLastEvent()).isEqualTo("fr");
        List<ConsentEventView> history = app.consent().history(new PhoneNumber("+33612345679"));
        assertThat(history.get(0).wordingText()).startsWith("J’accepte");
        // the next customer starts on the shop's first language again
        waitUntil(() -> consent.getText().startsWith("I agree"));
        assertThat(robot.lookup("#banner").queryAs(Label.class).getText()).isNotEmpty();
    }
}
