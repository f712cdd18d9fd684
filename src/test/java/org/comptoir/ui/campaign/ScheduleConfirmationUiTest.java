package org.comptoir.ui.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.ModemSettings;
import org.comptoir.ui.FxTaskExecutor;
import org.comptoir.ui.FxTesting;
import org.comptoir.ui.ScriptedDialogs;
import org.comptoir.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The campaigns screen as built for the shop: "Programmer" asks through the forecast of the chosen gateway. */
@ExtendWith(ApplicationExtension.class)
class ScheduleConfirmationUiTest {

    @TempDir
    static Path dir;
    AppContext app;
    FxTaskExecutor executor;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1024, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        if (executor != null) {
            executor.shutdown();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void programmerShowsTheForecastOnTheChosenGatewayAndKeepingTheDraftKeepsIt(FxRobot robot) {
        app = FxTesting.openShop(dir, "Léa Fleurs");
        app.settings().set(ModemSettings.GATEWAY, "rehearsal");
        app.consent().recordOptIn(new PhoneNumber("+33612345678"), null, app.consent().currentWording().id(),
                Channel.TILL, "caisse");
        executor = new FxTaskExecutor();
        UiContext ui = new UiContext(app, Messages.forLanguage("fr"), executor, dialogs);
        robot.interact(() -> stage.getScene().setRoot(new CampaignsView(ui)));
        waitUntil(() -> robot.lookup("#recipients").queryLabeled().getText().equals("1 client(s)"));
        robot.interact(() -> {
            robot.lookup("#campaign-name").queryAs(javafx.scene.control.TextField.class).setText("Soldes");
            robot.lookup("#template").queryAs(TextArea.class).setText("Soldes ce samedi");
        });
        dialogs.confirmAnswers.add(false);
        robot.interact(() -> robot.lookup("#schedule").queryButton().fire());
        waitUntil(() -> !dialogs.confirmed.isEmpty());
        String[] lines = dialogs.confirmed.get(0).split("\n");
        assertThat(lines[0]).isEqualTo("1 client(s), par la répétition (rien n'est envoyé).");
        assertThat(lines[1]).startsWith("Premier envoi : ");
        assertThat(lines[2]).startsWith("Durée prévue : ≈ ").endsWith("en répétition (rien n'est envoyé)");
        assertThat(dialogs.confirmations).containsExactly("Programmer l'envoi / Revenir au brouillon");
        assertThat(app.campaigns().list()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }
}
