package org.comptoir.ui;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting on conditions (never sleeping) and finding dialogs, for the TestFX tests of the screens. */
public final class FxTesting {

    private FxTesting() {
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

    /** Waits for the PIN dialog, types {@code pin} and confirms with Enter. */
    public static void typePin(FxRobot robot, String pin) {
        waitUntil(() -> find(robot, "#secretField").isPresent());
        robot.clickOn("#secretField").write(pin).type(javafx.scene.input.KeyCode.ENTER);
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
