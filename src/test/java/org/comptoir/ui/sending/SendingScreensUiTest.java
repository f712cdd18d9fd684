package org.comptoir.ui.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.TillSettings;
import org.comptoir.store.Jdbc;
import org.comptoir.ui.FxTaskExecutor;
import org.comptoir.ui.MainView;
import org.comptoir.ui.Shots;
import org.comptoir.ui.ScriptedDialogs;
import org.comptoir.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The week's story through the real main window on a real store: campaign list → sending view → report, and a
 * decision on a message of unknown fate made with the keyboard alone, at 1024×600.
 */
@ExtendWith(ApplicationExtension.class)
class SendingScreensUiTest {

    @TempDir
    static Path dir;
    SendingFixture f;
    FxTaskExecutor executor;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    MainView main;
    long campaign;

    Stage stage;

    @Start
    void start(Stage stage) {
        // the store and the engine's run are built by the test, off the FX thread: @Start has a short time limit
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1024, 600));
        stage.show();
    }

    private void openMainWindow(FxRobot robot) throws Exception {
        f = new SendingFixture(dir, SendingFixture.MONDAY);
        f.app.settings().set(TillSettings.OWNER_PIN, "2468");
        for (int i = 0; i < 3; i++) {
            f.optIn("+3361234560" + i);
        }
        campaign = f.started("Soldes");
        f.app.database().withConnection(c -> Jdbc.update(c, "UPDATE outbox SET state = 'SENDING' WHERE campaign_id = ?"
                + " AND recipient_e164 = ?", campaign, "+33612345602"));
        f.run(); // two sent; the third was in hand when a previous run died: unknown
        executor = new FxTaskExecutor();
        UiContext ui = new UiContext(f.app, Messages.forLanguage("fr"), executor, dialogs);
        robot.interact(() -> {
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            main = new MainView(ui, stage);
            stage.getScene().setRoot(main);
            dialogs.answers.add("2468");
            ui.owner().requireOwner(dialogs, () -> { });
        });
        waitUntil(() -> ui.owner().isUnlocked());
    }

    @AfterEach
    void stop() throws Exception {
        // leaving the screen stops its polling, before the executor it submits to goes away
        org.testfx.api.FxToolkit.setupFixture(() -> stage.getScene().setRoot(new javafx.scene.layout.Pane()));
        if (executor != null) {
            executor.shutdown();
        }
        if (f != null) {
            f.close();
        }
    }

    @Test
    void fromTheCampaignListToTheSendingViewToTheReportAndAKeyboardDecision(FxRobot robot) throws Exception {
        openMainWindow(robot);
        robot.clickOn("#nav-campaigns");
        waitUntil(() -> robot.lookup("#campaign-list .list-cell").queryAll().stream()
                .anyMatch(c -> c instanceof javafx.scene.control.ListCell<?> cell && cell.getItem() != null));
        robot.interact(() -> robot.lookup("#campaign-list").queryListView().getSelectionModel().select(0));
        Shots.take(robot, "campaigns-1024");
        robot.clickOn("#follow-sending");
        waitUntil(() -> text(robot, "#sending-state").equals("Terminée"));
        assertThat(main.current().id()).isEqualTo("sending");
        assertThat(text(robot, "#count-sent")).isEqualTo("2");
        assertThat(text(robot, "#count-unknown")).isEqualTo("1");
        assertThat(text(robot, "#sending-done")).isEqualTo("3 sur 3 message(s) traités");
        assertThat(text(robot, "#gateway-state")).isEqualTo("Passerelle : répétition (rien n'est envoyé) — prête");
        assertThat(robot.lookup("#pause").query().isDisabled()).isTrue();
        Shots.take(robot, "sending-1024");

        robot.clickOn("#open-report");
        waitUntil(() -> text(robot, "#report-headline").equals("« Soldes » : Terminée, 3 message(s)"));
        assertThat(main.current().id()).isEqualTo("report");
        waitUntil(() -> robot.lookup("#report-chart").query().isVisible());
        Shots.take(robot, "report-1024");

        // keyboard only: into the unknown list, first row, Tab to "Renvoyer", Space
        Node table = robot.lookup("#report-unknown").query();
        robot.interact(table::requestFocus);
        robot.type(KeyCode.HOME);
        waitUntil(() -> !robot.lookup("#decide-send-again").query().isDisabled());
        robot.type(KeyCode.TAB, 2);
        waitUntil(() -> robot.lookup("#decide-send-again").query().isFocused());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> text(robot, "#state-UNKNOWN").equals("Sort inconnu : 0"));
        assertThat(text(robot, "#state-QUEUED")).isEqualTo("En attente : 1");
        assertThat(dialogs.confirmations).containsExactly("Renvoyer / Ne rien changer");
        assertThat(dialogs.errors).isEmpty();

        // the larger office screen
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        Shots.take(robot, "report-1280");
        // the report links back to the sending, now that the message is queued again
        robot.interact(() -> robot.lookup("#open-sending").queryButton().fire());
        waitUntil(() -> main.current().id().equals("sending"));
        waitUntil(() -> text(robot, "#sending-state").equals("Envoi en cours"));
        assertThat(text(robot, "#count-remaining")).isEqualTo("1");

        // the engine sends it; the screen's polling sees the campaign finish and a notification says so
        f.run();
        waitUntil(() -> text(robot, "#sending-state").equals("Terminée"));
        waitUntil(() -> org.comptoir.ui.FxTesting.find(robot, ".notification-bar").isPresent());
        assertThat(robot.lookup(".notification-bar .label").queryAll().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList())
                .contains("« Soldes » est terminée : 3 envoyé(s), 0 échec(s), 0 non envoyé(s), 0 au sort inconnu.");
        Shots.take(robot, "sending-1280");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
