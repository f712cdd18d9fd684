package org.comptoir.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openStore;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.TillSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The sidebar with the keyboard alone: Up/Down move the focus through every entry in order and wrap at the ends
 * (as a JavaFX context menu does) without changing the open screen, Enter or Space opens the focused entry, and the
 * focused entry shows a ring whether it is the selected one or not.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewKeyboardUiTest {

    @TempDir
    static Path dir;
    AppContext app;
    UiContext ui;
    MainView main;
    final ScriptedDialogs dialogs = new ScriptedDialogs();

    Stage stage;

    @Start
    void start(Stage stage) {
        // the store opens in the test, off the FX thread: @Start has a short time limit and Flyway is slow on a busy machine
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1280, 800));
        stage.show();
    }

    @BeforeEach
    void openMainWindow() throws Exception {
        app = openStore(dir);
        app.settings().set(TillSettings.OWNER_PIN, "2468");
        ui = new UiContext(app, Messages.forLanguage("fr"), new FxTaskExecutor(), dialogs);
        org.testfx.api.FxToolkit.setupFixture(() -> {
            // the theme the application runs with: the focus ring is drawn on top of it
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            main = new MainView(ui, stage);
            stage.getScene().setRoot(main);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(() -> stage.getScene().setRoot(new javafx.scene.layout.Pane()));
        app.close();
    }

    @Test
    void upAndDownReachEveryEntryInOrderAndWrapWithoutLeavingTheOpenScreen(FxRobot robot) {
        List<String> order = Screens.all().stream().map(s -> "nav-" + s.id()).toList();
        focus(robot, "#nav-till");
        List<String> down = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            robot.type(KeyCode.DOWN);
            down.add(focusedId());
            // moving the focus is not opening: the till stays open and stays the selected entry
            assertThat(main.current().id()).isEqualTo("till");
            assertThat(selected()).as("selected entry after Down to " + focusedId()).isEqualTo("nav-till");
        }
        List<String> expected = new ArrayList<>(order.subList(1, order.size()));
        expected.add(order.get(0)); // past the last entry: the first again
        assertThat(down).isEqualTo(expected);

        List<String> up = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            robot.type(KeyCode.UP);
            up.add(focusedId());
        }
        // from the first entry, Up goes to the last and on up to the first again
        List<String> reversed = new ArrayList<>(order);
        java.util.Collections.reverse(reversed);
        assertThat(up).isEqualTo(reversed);
        // End and Home: the last and the first entry
        robot.type(KeyCode.END);
        assertThat(focusedId()).isEqualTo(order.get(order.size() - 1));
        robot.type(KeyCode.HOME);
        assertThat(focusedId()).isEqualTo(order.get(0));
        assertThat(selected()).isEqualTo("nav-till");
    }

    /** Enter and Space already opened the focused entry before the arrow keys were changed: this keeps them so. */
    @Test
    void enterAndSpaceOpenTheFocusedEntry(FxRobot robot) {
        dialogs.answers.add("2468");
        focus(robot, "#nav-till");
        robot.type(KeyCode.DOWN, 2); // Contacts, owner-only: the PIN is asked
        robot.type(KeyCode.ENTER);
        waitUntil(() -> "contacts".equals(main.current().id()));
        assertThat(selected()).isEqualTo("nav-contacts");

        focus(robot, "#nav-contacts");
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> "campaigns".equals(main.current().id()));
        assertThat(selected()).isEqualTo("nav-campaigns");
        // Space on the entry already open keeps it open and selected (a toggle would unselect it)
        focus(robot, "#nav-campaigns");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> "campaigns".equals(main.current().id()));
        assertThat(selected()).isEqualTo("nav-campaigns");
    }

    @Test
    void theFocusedEntryShowsARingWhetherSelectedOrNot(FxRobot robot) {
        ToggleButton till = robot.lookup("#nav-till").queryAs(ToggleButton.class);
        ToggleButton contacts = robot.lookup("#nav-contacts").queryAs(ToggleButton.class);
        Node elsewhere = robot.lookup("#lockButton").query().isVisible()
                ? robot.lookup("#lockButton").query() : robot.lookup("#unlockButton").query();
        focus(robot, "#nav-till");
        WritableImage selectedFocused = snapshot(robot, till);
        WritableImage unselectedUnfocused = snapshot(robot, contacts);
        robot.interact(elsewhere::requestFocus);
        assertThat(till.isSelected()).isTrue();
        WritableImage selectedUnfocused = snapshot(robot, till);
        focus(robot, "#nav-contacts");
        WritableImage unselectedFocused = snapshot(robot, contacts);

        assertThat(differingPixels(selectedFocused, selectedUnfocused))
                .as("pixels telling the focused selected entry from the unfocused one").isGreaterThan(100);
        assertThat(differingPixels(unselectedFocused, unselectedUnfocused))
                .as("pixels telling the focused entry from an unfocused one").isGreaterThan(100);
    }

    private void focus(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(node::requestFocus);
        waitUntil(node::isFocused);
    }

    private String focusedId() {
        Node focus = main.getScene().getFocusOwner();
        return focus == null ? null : focus.getId();
    }

    private String selected() {
        return main.lookupAll(".toggle-button").stream().filter(n -> n instanceof ToggleButton t && t.isSelected())
                .map(Node::getId).findFirst().orElse(null);
    }

    private static WritableImage snapshot(FxRobot robot, Node node) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(node.snapshot(null, null)));
        return image.get();
    }

    /** Pixels whose colour differs by more than anti-aliasing noise, over the area both images cover. */
    private static int differingPixels(WritableImage a, WritableImage b) {
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        int count = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) {
                int ca = pa.getArgb(x, y);
                int cb = pb.getArgb(x, y);
                int d = Math.abs((ca >> 16 & 255) - (cb >> 16 & 255)) + Math.abs((ca >> 8 & 255) - (cb >> 8 & 255))
                        + Math.abs((ca & 255) - (cb & 255));
                if (d > 60) {
                    count++;
                }
            }
        }
        return count;
    }
}
