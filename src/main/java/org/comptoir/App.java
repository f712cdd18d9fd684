package org.comptoir;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.store.DataDirectory;
import org.comptoir.ui.DefaultExceptionHandler;
import org.comptoir.ui.FxDialogService;
import org.comptoir.ui.FxTaskExecutor;
import org.comptoir.ui.MainView;
import org.comptoir.ui.UiContext;

/**
 * The JavaFX application. The store is opened on a background thread while a small "opening" screen shows;
 * a locked or damaged store gets a readable dialog instead of a stack trace.
 */
public class App extends Application {

    private AppContext context;
    private FxTaskExecutor executor;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        Messages bootMessages = Messages.forDefaultLocale();
        Thread.setDefaultUncaughtExceptionHandler(new DefaultExceptionHandler(bootMessages));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executor = new FxTaskExecutor();
        Path dataDir = DataDirectory.resolve(dataDirParameter());

        VBox loading = new VBox(12, new ProgressIndicator(), new Label(bootMessages.get("app.loading")));
        loading.setId("loading");
        loading.setStyle("-fx-alignment: center; -fx-padding: 40");
        stage.setTitle(bootMessages.get("app.title"));
        stage.setScene(new Scene(loading, 1100, 720));
        stage.show();

        executor.execute(() -> AppContext.open(dataDir), opened -> {
            context = opened;
            UiContext ui = new UiContext(opened, opened.messages(), executor, new FxDialogService(stage));
            stage.getScene().setRoot(new MainView(ui, stage));
        }, failure -> {
            String text = failure instanceof ComptoirException ce
                    ? bootMessages.render(ce.userMessage())
                    : bootMessages.get("app.error.unexpected", failure.getMessage());
            new FxDialogService(stage).showError(bootMessages.get("app.error.title"), text);
            Platform.exit();
        });
    }

    private Path dataDirParameter() {
        String named = getParameters().getNamed().get("data-dir");
        if (named != null) {
            return Path.of(named);
        }
        var raw = getParameters().getRaw();
        int i = raw.indexOf("--data-dir");
        return i >= 0 && i + 1 < raw.size() ? Path.of(raw.get(i + 1)) : null;
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
        if (context != null) {
            context.close();
        }
    }
}
