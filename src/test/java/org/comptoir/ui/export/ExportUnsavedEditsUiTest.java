package org.comptoir.ui.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.ownerWindow;
import static org.comptoir.ui.FxTesting.typePin;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.ui.FxTesting;
import org.comptoir.ui.MainView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Excel import's column mapping, adjusted by the owner, is not dropped without a word when the screen is left:
 * the sidebar asks "Enregistrer / Ne pas enregistrer / Rester", and "Enregistrer" imports with that mapping after
 * the import's own confirmation (a mapping has no other place to be kept).
 */
@ExtendWith(ApplicationExtension.class)
class ExportUnsavedEditsUiTest {

    @TempDir
    static Path dir;
    AppContext app;
    MainView main;

    @Start
    void start(Stage stage) {
        app = openShop(dir, "Léa Fleurs");
        main = ownerWindow(app, stage, "2468");
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void anAdjustedColumnMappingIsNotDroppedSilently(FxRobot robot) throws Exception {
        Path csv = Files.writeString(dir.resolve("liste-" + System.nanoTime() + ".csv"),
                "Client;Portable;Date consentement;Source\nAna;06 11 11 11 11;02/03/2025;papier\n", StandardCharsets.UTF_8);
        robot.clickOn("#nav-export");
        typePin(robot, "2468");
        prepare(robot, csv);

        // the file as recognised, nothing adjusted: leaving asks nothing
        robot.clickOn("#nav-contacts");
        waitUntil(() -> main.current().id().equals("contacts"));
        assertThat(FxTesting.find(robot, ".alert")).isEmpty();

        // "Client" mapped to the first name by the owner, then "Ne pas enregistrer": left, nothing imported
        robot.clickOn("#nav-export");
        prepare(robot, csv);
        mapFirstColumnToFirstName(robot);
        robot.clickOn("#nav-contacts");
        askedAbout(robot);
        pressIn(robot, "#choice-1", KeyCode.SPACE);
        waitUntil(() -> main.current().id().equals("contacts"));
        assertThat(app.consent().lookup(new PhoneNumber("+33611111111"))).isEmpty();

        // adjusted again; Enter stays with the mapping
        robot.clickOn("#nav-export");
        prepare(robot, csv);
        mapFirstColumnToFirstName(robot);
        robot.clickOn("#nav-contacts");
        askedAbout(robot);
        pressIn(robot, "#choice-2", KeyCode.ENTER);
        waitUntil(() -> FxTesting.find(robot, "#choice-2").isEmpty());
        assertThat(main.current().id()).isEqualTo("export");
        assertThat(robot.lookup("#map-1").queryAs(ChoiceBox.class).getValue()).isEqualTo("first-name");

        // "Enregistrer", then the import's confirmation declined (Enter keeps): still here, nothing imported
        robot.clickOn("#nav-contacts");
        askedAbout(robot);
        pressIn(robot, "#choice-0", KeyCode.SPACE);
        waitUntil(() -> importConfirmation(robot) != null);
        robot.targetWindow(importConfirmation(robot).getScene().getWindow()).type(KeyCode.ENTER);
        waitUntil(() -> importConfirmation(robot) == null);
        assertThat(main.current().id()).isEqualTo("export");
        assertThat(app.consent().lookup(new PhoneNumber("+33611111111"))).isEmpty();

        // "Enregistrer" and the import confirmed: imported with the owner's mapping, then the contacts open
        robot.clickOn("#nav-contacts");
        askedAbout(robot);
        pressIn(robot, "#choice-0", KeyCode.SPACE);
        waitUntil(() -> importConfirmation(robot) != null);
        DialogPane confirm = importConfirmation(robot);
        robot.interact(() -> ((Button) confirm.lookupButton(confirm.getButtonTypes().get(0))).fire());
        waitUntil(() -> main.current().id().equals("contacts"));
        assertThat(app.consent().lookup(new PhoneNumber("+33611111111")).orElseThrow().firstName()).isEqualTo("Ana");
    }

    /** Chooses {@code csv} as the "Choisir un fichier…" button would, and waits for the assistant and its preview. */
    private static void prepare(FxRobot robot, Path csv) {
        waitUntil(() -> robot.lookup("#exportView").tryQuery().isPresent());
        ExportView view = robot.lookup("#exportView").queryAs(ExportView.class);
        robot.interact(() -> view.viewModel().chooseImportFile(csv));
        waitUntil(() -> robot.lookup("#map-1").tryQuery().isPresent() && view.viewModel().previewProperty().get() != null);
        assertThat(robot.lookup("#map-1").queryAs(ChoiceBox.class).getValue()).isEqualTo(ExportViewModel.IGNORE);
    }

    @SuppressWarnings("unchecked")
    private static void mapFirstColumnToFirstName(FxRobot robot) {
        ChoiceBox<String> client = robot.lookup("#map-1").queryAs(ChoiceBox.class);
        robot.interact(() -> client.setValue("first-name"));
        ExportView view = robot.lookup("#exportView").queryAs(ExportView.class);
        waitUntil(() -> !view.viewModel().busyProperty().get() && view.viewModel().previewProperty().get() != null);
    }

    private static void askedAbout(FxRobot robot) {
        waitUntil(() -> FxTesting.find(robot, "#choice-2").isPresent());
        assertThat(robot.lookup(".alert").queryAs(DialogPane.class).getContentText())
                .isEqualTo("« Export et import » a des modifications non enregistrées.");
    }

    /** The import's "Importer maintenant ?" dialog, null when not shown. */
    private static DialogPane importConfirmation(FxRobot robot) {
        return robot.lookup(".alert").queryAllAs(DialogPane.class).stream()
                .filter(p -> p.isVisible() && p.getContentText().startsWith("Importer maintenant"))
                .findFirst().orElse(null);
    }

    /** Focuses the button (as Tab would) and presses the key. */
    private static void pressIn(FxRobot robot, String query, KeyCode key) {
        Node button = robot.lookup(query).query();
        robot.interact(button::requestFocus);
        waitUntil(button::isFocused);
        robot.targetWindow(button.getScene().getWindow()).type(key);
    }
}
