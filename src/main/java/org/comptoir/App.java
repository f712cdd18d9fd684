package org.comptoir;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.comptoir.consent.TillJoin;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.CoreSettings;
import org.comptoir.store.DataDirectory;
import org.comptoir.store.LanguageHint;
import org.comptoir.ui.DefaultExceptionHandler;
import org.comptoir.ui.FxDialogService;
import org.comptoir.ui.FxTaskExecutor;
import org.comptoir.ui.MainView;
import org.comptoir.ui.UiContext;
import org.comptoir.ui.setup.JoinStoreView;
import org.comptoir.ui.setup.JoinStoreViewModel;
import org.comptoir.ui.setup.SetupView;
import org.comptoir.ui.setup.SetupViewModel;

/**
 * The JavaFX application. The store is opened on a background thread while a small "opening" screen shows;
 * a locked or damaged store gets a readable dialog instead of a stack trace. Until the shop name is set, the
 * first-run set-up comes before the main window.
 *
 * <p>{@code -Dcomptoir.startupProbe=true} prints {@code startup-ms=N} (since JVM start) once the first screen
 * has been laid out, then exits: the cold-start harness in {@code docs/performance.md} uses it.
 */
public class App extends Application {

    /** Started by the Launcher before the toolkit, so opening the store overlaps JavaFX's own start-up. */
    private static volatile CompletableFuture<Opened> early;
    private static volatile Path earlyDir;
    private static volatile long openedAtMillis;
    /** The shop's language as last seen (read by the Launcher, off the FX thread), for the screens before the store. */
    private static volatile String bootLanguage;

    /** The store in use; replaced when a new till joins a shared store from its first-run screen. */
    private volatile AppContext context;
    private volatile Opened current;
    private FxTaskExecutor executor;
    private Path dataDir;

    /**
     * Starts opening the store in {@code dataDir} on a named background thread, before {@link #main}. Cold start
     * is dominated by H2 and Flyway, which need no toolkit.
     */
    public static void openEarly(Path dataDir) {
        earlyDir = dataDir;
        early = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                early.complete(openStore(dataDir));
            } catch (Throwable e) {
                early.completeExceptionally(e);
            }
        }, "store-open");
        t.setDaemon(true);
        t.start();
    }

    /** The language to show before the store is open; {@code null}: the system's. Call before {@link #main}. */
    public static void bootLanguage(String language) {
        bootLanguage = language;
    }

    private static Opened openStore(Path dataDir) {
        AppContext opened = AppContext.open(dataDir);
        LanguageHint.remember(dataDir, opened.messages().locale().getLanguage());
        opened.backups().startDaily(); // the daily backup runs while the window is open (the CLI takes none)
        // due campaigns go out while the window is open (the CLI sends with send-due); the engine runs on its own threads
        opened.sending().startSending();
        // A store set up from the command line may lack the owner PIN: without one, nothing guards export,
        // sending or erasure, so the set-up comes back (filled with what is already known) until there is one.
        boolean needsSetup = needsSetup(opened);
        SetupViewModel.Known known = needsSetup ? SetupViewModel.Known.readFrom(opened.settings()) : null;
        // a new till's empty store may be left for the shop's shared one, from the first-run screen
        boolean mayJoin = needsSetup && TillJoin.mayJoin(opened.database());
        Opened result = new Opened(opened, needsSetup, known, mayJoin);
        openedAtMillis = System.currentTimeMillis();
        return result;
    }

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        Messages bootMessages = bootLanguage != null ? Messages.forLanguage(bootLanguage) : Messages.forDefaultLocale();
        Thread.setDefaultUncaughtExceptionHandler(new DefaultExceptionHandler(bootMessages));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executor = new FxTaskExecutor();
        dataDir = DataDirectory.resolve(dataDirParameter());

        VBox loading = new VBox(12, new ProgressIndicator(), new Label(bootMessages.get("app.loading")));
        loading.setId("loading");
        loading.setStyle("-fx-alignment: center; -fx-padding: 40");
        stage.setTitle(bootMessages.get("app.title"));
        try (var icon = App.class.getResourceAsStream("/org/comptoir/ui/icon-64.png")) {
            stage.getIcons().add(new Image(icon));
        } catch (java.io.IOException | NullPointerException e) {
            // a missing icon is cosmetic
        }
        // at most the preferred size, never more than the screen (a 1024×600 till screen cut off the sidebar)
        Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(loading, Math.min(1100, screen.getWidth()), Math.min(720, screen.getHeight())));
        if (screen.getWidth() < 1100 || screen.getHeight() < 720) {
            // a small till screen: the whole screen, title bar included, rather than a window that overflows it
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setMaximized(true);
        }
        stage.show();

        executor.execute(() -> {
            if (early != null && dataDir.equals(earlyDir)) {
                try {
                    return early.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
            return openStore(dataDir);
        }, opened -> show(stage, opened), failure -> {
            String text = failure instanceof ComptoirException ce
                    ? bootMessages.render(ce.userMessage())
                    : bootMessages.get("app.error.unexpected", failure.getMessage());
            new FxDialogService(stage).showError(bootMessages.get("app.error.title"), text);
            Platform.exit();
        });
    }

    /** Shows the till (or the first-run form) on {@code opened}'s store. FX thread. */
    private void show(Stage stage, Opened opened) {
        current = opened;
        context = opened.context();
        Messages messages = context.messages();
        // JavaFX names the dialog buttons (OK, Cancel) from the default locale when it first needs them.
        java.util.Locale.setDefault(messages.locale());
        stage.setTitle(messages.get("app.title"));
        UiContext ui = new UiContext(context, messages, executor, new FxDialogService(stage, messages));
        Runnable showMain = () -> {
            stage.getScene().setRoot(new MainView(ui, stage));
            probeStartup(stage);
        };
        if (opened.needsSetup()) {
            SetupViewModel vm = new SetupViewModel(context.settings(), messages, executor);
            vm.prefill(opened.known());
            stage.getScene().setRoot(new SetupView(vm, messages, showMain,
                    opened.mayJoin() ? () -> showJoin(stage, messages) : null));
            probeStartup(stage);
        } else {
            showMain.run();
        }
    }

    /**
     * The first-run screen's "join another till's store". Joining closes this till's empty store, points the till
     * at the shared one ({@link TillJoin#join}) and opens it; a join that fails opens this till's own store again.
     */
    private void showJoin(Stage stage, Messages messages) {
        JoinStoreViewModel vm = new JoinStoreViewModel(messages, executor, (shared, passphrase) -> {
            current.context().close();
            try {
                TillJoin.join(dataDir, shared, passphrase);
            } catch (RuntimeException e) {
                Opened own = openStore(dataDir);
                current = own;
                context = own.context();
                throw e;
            }
            Opened joined = openStore(dataDir);
            current = joined;
            context = joined.context();
            return () -> show(stage, joined);
        });
        stage.getScene().setRoot(new JoinStoreView(vm, messages, () -> show(stage, current)));
    }

    /** True while the shop has no name or no owner PIN. Blocks on the database. */
    static boolean needsSetup(AppContext context) {
        return !context.settings().isSet(CoreSettings.SHOP_NAME) || !context.ownerPin().isSet();
    }

    private record Opened(AppContext context, boolean needsSetup, SetupViewModel.Known known, boolean mayJoin) {
    }

    private static void probeStartup(Stage stage) {
        if (!Boolean.getBoolean("comptoir.startupProbe")) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(once[0]);
            long start = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("startup-ms=" + (System.currentTimeMillis() - start)
                    + " screen=" + stage.getScene().getRoot().getId() + " store-open-ms=" + (openedAtMillis - start));
            System.out.flush();
            Platform.exit();
        };
        stage.getScene().addPostLayoutPulseListener(once[0]);
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
