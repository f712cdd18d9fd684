package org.comptoir.ui;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.comptoir.AppContext;
import org.comptoir.StoreTemplate;
import org.comptoir.settings.CoreSettings;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Opening a store for a screen, waiting on conditions (never sleeping) and finding dialogs, for TestFX tests. */
public final class FxTesting {

    private FxTesting() {
    }

    /**
     * A new store (a copy of {@link StoreTemplate}'s) in its own folder under {@code dir} (TestFX tests keep a static
     * {@code @TempDir} and open one store per test). Blocks on H2: call it before {@code @Start}, from a field's
     * initialiser or the constructor. {@code @Start} runs on the FX thread within TestFX's set-up timeout (30 s), which
     * a store's opening overran on a loaded CI runner.
     */
    public static AppContext openStore(Path dir) {
        return AppContext.open(StoreTemplate.into(dir.resolve("store-" + System.nanoTime())));
    }

    /** {@link #openStore} with the shop already named, as after the first-run set-up. */
    public static AppContext openShop(Path dir, String shopName) {
        AppContext app = openStore(dir);
        app.settings().set(CoreSettings.SHOP_NAME, shopName);
        return app;
    }

    /** What the application hands a screen: the background executor, and dialogs owned by {@code stage}. */
    public static UiContext uiContext(AppContext app, Stage stage) {
        return new UiContext(app, app.messages(), new FxTaskExecutor(), new FxDialogService(stage, app.messages()));
    }

    /**
     * The owner's whole window on {@code app} at 1024×600 (the small screen the sidebar guard is checked on), owner PIN
     * {@code pin}, shown in {@code stage}. Call from {@code @Start}.
     */
    public static MainView ownerWindow(AppContext app, Stage stage, String pin) {
        app.settings().set(org.comptoir.settings.TillSettings.OWNER_PIN, pin);
        MainView main = new MainView(uiContext(app, stage), stage);
        stage.setScene(new javafx.scene.Scene(main, 1024, 600));
        stage.show();
        return main;
    }

    /** Polls {@code condition} until true (10 s at most), letting the FX thread run in between. */
    public static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return Boolean.TRUE.equals(condition.call());
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }

    /** The first visible node matching {@code query} in any window (dialogs included). */
    public static <T extends Node> Optional<T> find(FxRobot robot, String query) {
        return robot.lookup(query).<T>queryAll().stream().filter(Node::isVisible).findFirst();
    }

    /**
     * Waits for the PIN dialog and its focus in the code field, types {@code pin} and confirms with Enter — without
     * clicking the field, as a cashier does: a prompt that opens with the focus elsewhere fails here.
     */
    public static void typePin(FxRobot robot, String pin) {
        waitUntil(() -> find(robot, "#secretField").isPresent());
        Node field = robot.lookup("#secretField").query();
        waitUntil(() -> field.getScene().getFocusOwner() == field);
        robot.targetWindow(field.getScene().getWindow()).write(pin).type(javafx.scene.input.KeyCode.ENTER);
    }

    /** Waits for an alert (error or information) and closes it with its OK button; returns its text. */
    public static String closeAlert(FxRobot robot) {
        waitUntil(() -> find(robot, ".alert").isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".alert").queryAs(javafx.scene.control.DialogPane.class);
        String text = pane.getContentText();
        robot.interact(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
        WaitForAsyncUtils.waitForFxEvents();
        return text;
    }

    public static long windows() {
        return Window.getWindows().stream().filter(Window::isShowing).count();
    }
}
