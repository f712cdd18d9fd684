package org.comptoir.ui.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.cli.CliHarness;
import org.comptoir.consent.Channel;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.ui.FxTaskExecutor;
import org.comptoir.ui.ScriptedDialogs;
import org.comptoir.ui.UiContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Restaurer…" in the running application: the store it has open is closed, set aside and replaced, and the same
 * window comes back on the restored store (its main view, the till first).
 */
@ExtendWith(ApplicationExtension.class)
class BackupViewRestoreTest {

    @TempDir
    static Path dir;
    AppContext app;
    Stage stage;
    final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = openShop(dir, "Léa Fleurs");
        long w = app.consent().currentWording().id();
        app.consent().recordOptIn(new PhoneNumber("+33612345678"), "Marie", w, Channel.TILL, "caisse");
        app.backups().backupNow();
        UiContext ui = new UiContext(app, app.messages(), new FxTaskExecutor(), dialogs);
        stage.setScene(new Scene(new BackupView(ui), 1000, 700));
        stage.show();
    }

    @Test
    void restoreFromTheListReopensTheWindowOnTheRestoredStore(FxRobot robot) throws Exception {
        Path dataDir = app.dataDir();
        waitUntil(() -> robot.lookup("#backupList .list-cell").tryQuery().isPresent()
                && !robot.lookup("#backupList").queryListView().getItems().isEmpty());
        robot.interact(() -> robot.lookup("#backupList").queryListView().getSelectionModel().select(0));
        robot.clickOn("#backupRestore");

        waitUntil(() -> "mainView".equals(stage.getScene().getRoot().getId()));
        assertThat(dialogs.confirmed).singleElement().asString().contains("garde de côté avec ses clés");
        assertThat(dialogs.errors).isEmpty();
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("before-restore-"))
                    .noneMatch(n -> n.startsWith("restore-"));
        }
        robot.interact(stage::close); // closes the reopened store with its window, so the CLI may open it
        CliHarness.Result verify = CliHarness.run(dataDir, "consent", "verify");
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(CliHarness.run(dataDir, "contact", "show", "+33612345678").out()).contains("Marie");
    }
}
