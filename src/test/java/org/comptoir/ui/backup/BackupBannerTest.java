package org.comptoir.ui.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openStore;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.backup.BackupSettings;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.ui.MainView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A backup that fails on the service's own thread (as the daily one does) shows on the main window whatever screen
 * is open — the till here — and goes again after a good one.
 */
@ExtendWith(ApplicationExtension.class)
class BackupBannerTest {

    @TempDir
    static Path dir;
    static AppContext app;

    /**
     * The store is opened before the window, off the FX thread: opened in {@code @Start} it counted against TestFX's
     * setup timeout, which a loaded machine (load 26-30) went past.
     */
    @BeforeAll
    static void openTheStore() {
        app = openStore(dir);
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new MainView(uiContext(app, stage), stage), 1000, 700));
        stage.show();
    }

    @AfterAll
    static void close() {
        app.close();
    }

    @Test
    void aFailedBackupShowsOverTheTillUntilOneWorks(FxRobot robot) throws Exception {
        Label banner = robot.lookup("#backupBanner").queryAs(Label.class);
        assertThat(banner.isVisible()).isFalse();
        Path unplugged = dir.resolve("usb-" + System.nanoTime());
        app.settings().set(BackupSettings.FOLDER, unplugged.toString());

        CompletableFuture.runAsync(() -> {
            try {
                app.backups().backupNow();
            } catch (ComptoirException expected) {
                // the banner is the point
            }
        }).get(60, TimeUnit.SECONDS);
        waitUntil(banner::isVisible);
        assertThat(banner.getText()).contains("a échoué").contains(unplugged.toString())
                .contains("Corrigez-le dans Sauvegardes");
        assertThat(robot.lookup("#tillView").tryQuery()).as("still on the till").isPresent();

        Files.createDirectories(unplugged);
        CompletableFuture.runAsync(() -> app.backups().backupNow()).get(60, TimeUnit.SECONDS);
        waitUntil(() -> !banner.isVisible());
    }
}
