package org.comptoir.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.find;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.comptoir.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real dialogs, driven by the keyboard alone, as a cashier or owner uses them. */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {

    FxDialogService dialogs;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        dialogs = new FxDialogService(stage, Messages.forLanguage("fr"));
    }

    @Test
    void thePinPromptOpensWithTheFocusInTheCodeFieldSoTypingThenEnterGivesTheCode(FxRobot robot) throws Exception {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.askSecret("Mode gérant", "Code gérant")));
        waitUntil(() -> find(robot, "#secretField").isPresent());
        PasswordField field = robot.lookup("#secretField").queryAs(PasswordField.class);
        waitUntil(() -> field.getScene().getFocusOwner() == field);

        // no click: the keys go to the dialog's focus owner (TestFX writes text to its target window)
        robot.targetWindow(field.getScene().getWindow()).write("2468").type(KeyCode.ENTER);

        assertThat(answer.get(10, TimeUnit.SECONDS)).contains("2468");
    }

    @Test
    void escapeCancelsThePinPrompt(FxRobot robot) throws Exception {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.askSecret("Mode gérant", "Code gérant")));
        waitUntil(() -> find(robot, "#secretField").isPresent());
        Node field = robot.lookup("#secretField").query();
        waitUntil(() -> field.getScene().getFocusOwner() == field);

        robot.targetWindow(field.getScene().getWindow()).write("12").type(KeyCode.ESCAPE);

        assertThat(answer.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aConfirmationNamesBothChoicesInFrenchAndEnterKeepsTheSafeOne(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.confirm("Campagnes", "Annuler la campagne « Soldes » ?",
                "Annuler la campagne", "Garder la campagne")));
        waitUntil(() -> find(robot, ".alert").isPresent());
        DialogPane pane = robot.lookup(".alert").queryAs(DialogPane.class);
        assertThat(pane.getButtonTypes()).extracting(b -> b.getText())
                .containsExactly("Annuler la campagne", "Garder la campagne");
        waitUntil(() -> pane.getScene().getWindow().isFocused());

        robot.type(KeyCode.ENTER);

        assertThat(answer.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void thePinPromptsButtonsAreInTheShopsLanguageWhateverTheSystemsLocale(FxRobot robot) throws Exception {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.askSecret("Mode gérant", "Code gérant")));
        waitUntil(() -> find(robot, "#secretField").isPresent());
        DialogPane pane = robot.lookup("#secretField").query().getScene().getRoot() instanceof DialogPane p ? p : null;
        assertThat(pane).isNotNull();
        assertThat(pane.getButtonTypes()).extracting(b -> b.getText()).containsExactly("OK", "Annuler");
        robot.interact(() -> ((Button) pane.lookupButton(pane.getButtonTypes().get(1))).fire());
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEmpty();
    }
}
