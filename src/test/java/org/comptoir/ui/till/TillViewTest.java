package org.comptoir.ui.till;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.closeAlert;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.typePin;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentEventView;
import org.comptoir.consent.ConsentKind;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.TillSettings;
import org.comptoir.store.Jdbc;
import org.comptoir.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The till against the real consent service on a real H2 file database. */
@ExtendWith(ApplicationExtension.class)
class TillViewTest {

    static final PhoneNumber MOBILE = new PhoneNumber("+33612345678");

    @TempDir
    static Path dir;
    final AppContext app;
    UiContext ui;

    TillViewTest() {
        // on the test thread, before @Start: @Start runs on the FX thread within TestFX's 30 s set-up timeout
        app = openShop(dir, "Fleurs de Léa");
        app.settings().set(TillSettings.OWNER_PIN, "2468");
    }

    @Start
    void start(Stage stage) {
        // the application's theme, whose colour names (-color-accent-emphasis...) comptoir.css uses
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        ui = uiContext(app, stage);
        stage.setScene(new Scene(new TillView(ui), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        app.close();
    }

    void ready(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#consent").queryAs(CheckBox.class).getText().isEmpty());
    }

    String banner(FxRobot robot) {
        return robot.lookup("#banner").queryAs(Label.class).getText();
    }

    long ledgerRows() {
        return app.database().withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM consent_event"));
    }

    @Test
    void keyboardOnlyOptInIsRecordedWithTheWordingShown(FxRobot robot) {
        ready(robot);
        assertThat(robot.lookup("#consent").queryAs(CheckBox.class).isSelected()).as("never pre-ticked").isFalse();
        assertThat(robot.lookup("#consent").queryAs(CheckBox.class).getText()).contains("Fleurs de Léa");
        robot.write("06 12 34 56 78");
        waitUntil(() -> "Nouveau client".equals(robot.lookup("#status").queryAs(Label.class).getText()));
        robot.type(KeyCode.TAB).write("Marie").type(KeyCode.TAB).type(KeyCode.SPACE).type(KeyCode.ENTER);
        waitUntil(() -> banner(robot).startsWith("Consentement enregistré pour 06 12 34 56 78"));

        var status = app.consent().lookup(MOBILE).orElseThrow();
        assertThat(status.status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(status.firstName()).isEqualTo("Marie");
        ConsentEventView event = app.consent().history(MOBILE).get(0);
        assertThat(event.kind()).isEqualTo(ConsentKind.OPT_IN);
        assertThat(event.channel()).isEqualTo(Channel.TILL);
        assertThat(event.staff()).isEqualTo("caisse");
        assertThat(event.wordingText()).contains("Fleurs de Léa");

        // the form is cleared and ready for the next customer
        TextField phone = robot.lookup("#phone").queryAs(TextField.class);
        assertThat(phone.getText()).isEmpty();
        assertThat(phone.isFocused()).isTrue();
        assertThat(robot.lookup("#consent").queryAs(CheckBox.class).isSelected()).isFalse();

        robot.write("0612345678");
        waitUntil(() -> robot.lookup("#status").queryAs(Label.class).getText().startsWith("Marie · Inscrit depuis le "));
    }

    @Test
    void enterWithoutTheBoxRecordsNothing(FxRobot robot) {
        ready(robot);
        long before = ledgerRows();
        robot.write("06 12 34 56 78").type(KeyCode.ENTER);
        waitUntil(() -> banner(robot).startsWith("Rien n'est enregistré"));
        assertThat(ledgerRows()).isEqualTo(before);
        assertThat(app.consent().lookup(MOBILE).map(s -> s.status())).isEmpty();
    }

    @Test
    void landlineAndGarbageAreRefusedWithTheReasonAndNothingIsSaved(FxRobot robot) {
        ready(robot);
        long before = ledgerRows();
        for (String typed : new String[] {"01 23 45 67 89", "bonjour"}) {
            TextField phone = robot.lookup("#phone").queryAs(TextField.class);
            robot.interact(() -> phone.setText(typed));
            robot.clickOn("#consent");
            robot.clickOn("#phone").type(KeyCode.ENTER);
            Label error = robot.lookup("#phoneError").queryAs(Label.class);
            waitUntil(() -> !error.getText().isEmpty());
            assertThat(error.getText()).as(typed).doesNotStartWith("!");
            robot.interact(() -> robot.lookup("#consent").queryAs(CheckBox.class).setSelected(false));
        }
        assertThat(ledgerRows()).isEqualTo(before);
        assertThat(banner(robot)).isEmpty();
    }

    @Test
    void refusalAndOptOutButtons(FxRobot robot) {
        ready(robot);
        robot.write("06 12 34 56 78");
        robot.clickOn("#refuse");
        waitUntil(() -> banner(robot).startsWith("Refus enregistré"));
        assertThat(app.consent().lookup(MOBILE).orElseThrow().status()).isEqualTo(ConsentStatus.REFUSED);

        robot.clickOn("#phone").write("+33 6 12 34 56 78");
        robot.clickOn("#optOut");
        waitUntil(() -> banner(robot).startsWith("Désinscription enregistrée"));
        assertThat(app.consent().lookup(MOBILE).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(app.consent().history(MOBILE)).extracting(ConsentEventView::kind)
                .containsExactly(ConsentKind.REFUSED, ConsentKind.OPT_OUT);
    }

    @Test
    void erasureNeedsConfirmationAndTheOwnerPin(FxRobot robot) {
        ready(robot);
        robot.write("06 12 34 56 78").type(KeyCode.TAB).type(KeyCode.TAB).type(KeyCode.SPACE).type(KeyCode.ENTER);
        waitUntil(() -> banner(robot).startsWith("Consentement enregistré"));
        robot.clickOn("#phone").write("06 12 34 56 78");
        robot.clickOn("#erase");
        waitUntil(() -> robot.lookup(".alert").tryQuery().isPresent());
        robot.clickOn("Effacer ses données"); // Enter would keep: erasing is a deliberate choice
        typePin(robot, "1111");
        closeAlert(robot);
        assertThat(app.consent().lookup(MOBILE).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(robot.lookup("#phone").queryAs(TextField.class).getText()).as("kept for another try")
                .isEqualTo("06 12 34 56 78");

        robot.clickOn("#erase");
        waitUntil(() -> robot.lookup(".alert").tryQuery().isPresent());
        robot.clickOn("Effacer ses données");
        typePin(robot, "2468");
        waitUntil(() -> banner(robot).startsWith("Données effacées"));
        assertThat(app.consent().lookup(MOBILE).orElseThrow().status()).isEqualTo(ConsentStatus.ERASED);
    }

    @Test
    void escapeOrNewCustomerEmptiesTheFormAndRecordsNothing(FxRobot robot) {
        ready(robot);
        robot.write("06 12 34 56 78").type(KeyCode.TAB).write("Léa").type(KeyCode.TAB).type(KeyCode.SPACE);
        assertThat(robot.lookup("#consent").queryAs(CheckBox.class).isSelected()).isTrue();

        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> robot.lookup("#phone").queryAs(TextField.class).getText().isEmpty());
        assertThat(robot.lookup("#firstName").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#consent").queryAs(CheckBox.class).isSelected()).as("never left ticked").isFalse();
        assertThat(robot.lookup("#phone").queryAs(TextField.class).isFocused()).isTrue();
        assertThat(ledgerRows()).isZero();

        robot.write("06 12 34 56 78");
        robot.clickOn("#clearForm");
        waitUntil(() -> robot.lookup("#phone").queryAs(TextField.class).getText().isEmpty());
        assertThat(ledgerRows()).isZero();
    }

    @Test
    void theConsentBoxIsRingedWhenTabReachesIt(FxRobot robot) {
        ready(robot);
        javafx.scene.layout.Region box = (javafx.scene.layout.Region) robot.lookup("#consent").query().getParent();
        assertThat(visibleBorder(box)).as("no ring before").isFalse();

        robot.type(KeyCode.TAB).type(KeyCode.TAB); // phone → first name → consent box

        waitUntil(() -> robot.lookup("#consent").query().isFocused());
        waitUntil(() -> visibleBorder(box));
    }

    private static boolean visibleBorder(javafx.scene.layout.Region region) {
        return region.getBorder() != null && region.getBorder().getStrokes().stream()
                .anyMatch(s -> s.getTopStroke() instanceof javafx.scene.paint.Color c && c.getOpacity() > 0);
    }

    @Test
    void atTheWidthLeftBesideTheSidebarOnA1024ScreenNoButtonNameIsCut(FxRobot robot) {
        ready(robot);
        robot.interact(() -> {
            Stage stage = (Stage) robot.lookup("#tillView").query().getScene().getWindow();
            stage.setWidth(800);
            stage.setHeight(600);
        });
        waitUntil(() -> robot.lookup("#tillView").query().getScene().getWidth() <= 800);
        for (javafx.scene.control.Button b : robot.lookup("#tillView .button").queryAllAs(javafx.scene.control.Button.class)) {
            javafx.scene.text.Text shown = (javafx.scene.text.Text) b.lookup(".text");
            assertThat(shown.getText()).as(b.getId()).isEqualTo(b.getText());
        }
    }
}
