package org.comptoir.ui.backup;

import javafx.application.Platform;
import javafx.scene.control.Label;
import org.comptoir.backup.BackupService;
import org.comptoir.backup.BackupStatus;
import org.comptoir.ui.UiContext;

/**
 * A red line across the top of the main window while the last backup failed (folder missing, read-only, disk
 * full), whatever screen is shown: the consent register is the shop's proof, a silent failure is not enough.
 * Gone again after the next good backup.
 */
public final class BackupBanner {

    private BackupBanner() {
    }

    /** The banner for the main window; hidden (and taking no room) while backups work. */
    public static Label create(UiContext ui) {
        Label banner = new Label();
        banner.setId("backupBanner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.getStyleClass().setAll("label", "banner", "danger");
        banner.setVisible(false);
        banner.managedProperty().bind(banner.visibleProperty());
        BackupService backups = ui.app().backups();
        var when = BackupViewModel.formatter(ui.messages());
        java.util.function.Consumer<BackupStatus> show = s -> {
            banner.setVisible(s.failed());
            banner.setText(s.failed() ? ui.messages().get("backup.ui.banner",
                    BackupViewModel.statusText(s, ui.messages(), when)) : "");
        };
        backups.onStatus(s -> Platform.runLater(() -> show.accept(s)));
        ui.executor().execute(backups::status, show, failure -> { });
        return banner;
    }
}
