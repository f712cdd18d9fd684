package org.comptoir.ui.backup;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.comptoir.AppContext;
import org.comptoir.backup.Restore;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.ui.FxDialogService;
import org.comptoir.ui.MainView;
import org.comptoir.ui.UiContext;

/**
 * The end of a restore in the running application: the store is closed (its daily backups stop), the restored
 * one swapped in, then opened and shown in the same window. The store opened here is closed with the window.
 */
final class AppReopen implements BackupViewModel.Reopener {

    private final UiContext ui;
    private final Stage stage;

    AppReopen(UiContext ui, Stage stage) {
        this.ui = ui;
        this.stage = stage;
    }

    @Override
    public void reopen(Restore prepared) {
        Path dataDir = ui.app().dataDir();
        ui.executor().execute(() -> {
            ui.app().close();
            ComptoirException swapFailed = null;
            Restore.Swapped swapped = null;
            try {
                swapped = prepared.swap();
            } catch (ComptoirException e) {
                swapFailed = e; // the data folder is opened again whatever it holds: the message says where
            }
            AppContext reopened = AppContext.open(dataDir);
            reopened.backups().startDaily();
            return new Outcome(reopened, swapped, swapFailed);
        }, outcome -> {
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> outcome.context().close());
            UiContext next = new UiContext(outcome.context(), ui.messages(), ui.executor(), ui.dialogs());
            stage.getScene().setRoot(new MainView(next, stage));
            if (outcome.swapFailed() != null) {
                next.dialogs().showError(ui.messages().get("backup.ui.restore.title"),
                        ui.messages().render(outcome.swapFailed().userMessage()));
            } else {
                Restore r = outcome.swapped().restore();
                String aside = outcome.swapped().setAside().map(p -> ui.messages().get("backup.ui.restore.aside", p))
                        .orElse("");
                next.dialogs().showInformation(ui.messages().get("backup.ui.restore.title"),
                        ui.messages().get("backup.ui.restore.done", r.rowsVerified(), r.restoredHeadShown().seq(),
                                BackupViewModel.when(ui.messages(), r.restoredHeadShown().at())) + aside);
            }
        }, failure -> {
            String text = failure instanceof ComptoirException ce ? ui.messages().render(ce.userMessage())
                    : ui.messages().get("app.error.unexpected", failure.getMessage());
            new FxDialogService(stage).showError(ui.messages().get("backup.ui.restore.title"), text);
            Platform.exit();
        });
    }

    private record Outcome(AppContext context, Restore.Swapped swapped, ComptoirException swapFailed) {
    }
}
