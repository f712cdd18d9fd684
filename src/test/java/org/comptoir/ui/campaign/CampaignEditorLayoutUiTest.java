package org.comptoir.ui.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.FxTaskExecutor;
import org.comptoir.ui.ScriptedDialogs;
import org.comptoir.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editor as the owner sees it at the application's real sizes (the content beside the 190 px sidebar of a
 * 1366×768 and of a 1024×600 screen): nothing cut to "…", and unsaved edits never dropped when another campaign is
 * opened.
 */
@ExtendWith(ApplicationExtension.class)
class CampaignEditorLayoutUiTest {

    /** The application's content area on a 1366×768 screen, and on a 1024×600 one. */
    private static final double WIDE = 1366 - 190;
    private static final double NARROW = 1024 - 190;

    private Path dir;
    private AppContext app;
    private Stage stage;
    private FxTaskExecutor executor;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Campaign first;
    private Campaign second;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("campaign-layout");
        app = AppContext.open(dir);
        app.settings().set("shop.name", "Léa Fleurs");
        app.consent().recordOptIn(new org.comptoir.phone.PhoneNumber("+33612345678"), "Léa",
                app.consent().currentWording().id(), org.comptoir.consent.Channel.TILL, "caisse");
        first = app.campaigns().saveDraft(Campaign.draft("Soldes", CampaignKind.MARKETING, "Soldes samedi", "", null));
        second = app.campaigns().saveDraft(Campaign.draft("Noël", CampaignKind.MARKETING, "Joyeux Noël", "", null));
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        executor = new FxTaskExecutor();
        UiContext ui = new UiContext(app, Messages.forLanguage("fr"), executor, dialogs);
        stage.setScene(new Scene(new CampaignsView(ui), WIDE, 768 - 40));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdown();
        app.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aSenderErrorCutsNoLabelAndLeavesTheFieldWholeAtBothSizes(FxRobot robot) throws Exception {
        for (double[] size : new double[][] {{WIDE, 768 - 40}, {NARROW, 600 - 40}}) {
            resize(robot, size[0], size[1]);
            robot.interact(() -> robot.lookup("#sender").queryAs(TextField.class).setText("LÉA FLEURS"));
            waitUntil(() -> !text(robot, "#sender-error").isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(cut(robot.lookup("#campaign-editor").query())).as("cut at %s px", size[0]).isEmpty();
            TextField sender = robot.lookup("#sender").queryAs(TextField.class);
            assertThat(sender.getWidth()).as("sender field at %s px", size[0])
                    .isGreaterThanOrEqualTo(sender.prefWidth(-1) - 1);
            assertThat(horizontalScrollNeeded(robot)).as("horizontal scroll at %s px", size[0]).isFalse();
        }
    }

    @Test
    void aLongStatusCutsNeitherButtonOnANarrowScreen(FxRobot robot) throws Exception {
        resize(robot, NARROW, 600 - 40);
        robot.clickOn("#new-campaign");
        robot.interact(() -> {
            robot.lookup("#campaign-name").queryAs(TextField.class).setText("Rien");
            robot.lookup("#template").queryAs(TextArea.class).setText("Pour personne");
            robot.lookup("#kind-service").queryAs(javafx.scene.control.RadioButton.class).setSelected(true);
        });
        // a tag nobody has: "Aucun client ne peut recevoir cette campagne (consentement, étiquette ou limite…)"
        robot.interact(() -> robot.lookup("#tag").queryAs(javafx.scene.control.ChoiceBox.class).setValue("personne"));
        robot.clickOn("#schedule");
        waitUntil(() -> text(robot, "#status").startsWith("Aucun client"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cut(robot.lookup("#editor-buttons").query())).isEmpty();
        assertThat(dialogs.errors).singleElement().asString().startsWith("Aucun client");
    }

    @Test
    void openingAnotherCampaignAsksBeforeDroppingUnsavedEdits(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#campaign-list").queryListView().getItems().size() == 2);
        robot.interact(() -> robot.lookup("#campaign-list").queryListView().getSelectionModel().select(1));
        waitUntil(() -> template(robot).equals("Soldes samedi"));
        robot.clickOn("#template").type(javafx.scene.input.KeyCode.END).write(" et dimanche");

        // "keep editing" (the safe choice, also what closing the dialog means): nothing moves
        robot.clickOn(robot.lookup("#campaign-list .list-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> dialogs.choices.size() == 1);
        assertThat(dialogs.choices).containsExactly(
                "Continuer la modification / Abandonner les modifications / Enregistrer le brouillon");
        assertThat(dialogs.confirmed).last().asString().contains("Soldes");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(template(robot)).isEqualTo("Soldes samedi et dimanche");
        waitUntil(() -> selectedName(robot).equals("Soldes"));

        // "save": the draft is stored with the edit, then the other campaign opens
        dialogs.choiceAnswers.add(2);
        robot.clickOn(robot.lookup("#campaign-list .list-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> template(robot).equals("Joyeux Noël"));
        waitUntil(() -> selectedName(robot).equals("Noël"));
        assertThat(app.campaigns().load(first.id()).orElseThrow().template()).isEqualTo("Soldes samedi et dimanche");

        // "discard": a new draft opens and the edit of the other one is gone, the stored one untouched
        robot.clickOn("#template").type(javafx.scene.input.KeyCode.END).write(" !");
        dialogs.choiceAnswers.add(1);
        robot.clickOn("#new-campaign");
        waitUntil(() -> template(robot).isEmpty());
        assertThat(app.campaigns().load(second.id()).orElseThrow().template()).isEqualTo("Joyeux Noël");
        assertThat(dialogs.choices).hasSize(3);

        // an untouched campaign opens without a question
        robot.clickOn(robot.lookup("#campaign-list .list-cell").nth(1).queryAs(Node.class));
        waitUntil(() -> template(robot).equals("Soldes samedi et dimanche"));
        assertThat(dialogs.choices).hasSize(3);
        assertThat(dialogs.errors).isEmpty();
    }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every visible label or button under {@code root} whose text is shown shortened ("Expédi…"). */
    static List<String> cut(Node root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Node shown = l.lookup(".text");
            if (shown instanceof Text t && !t.getText().replace("\n", " ").strip()
                    .equals(l.getText().replace("\n", " ").strip())) {
                cut.add(l.getText() + " → " + t.getText());
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }

    private static boolean horizontalScrollNeeded(FxRobot robot) {
        Node editor = robot.lookup("#campaign-editor").query();
        Node up = editor.getParent();
        while (!(up instanceof javafx.scene.control.ScrollPane)) {
            up = up.getParent();
        }
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) up;
        return editor.getLayoutBounds().getWidth() > scroll.getViewportBounds().getWidth() + 1;
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private static String template(FxRobot robot) {
        return robot.lookup("#template").queryAs(TextArea.class).getText();
    }

    private static String selectedName(FxRobot robot) {
        Object selected = robot.lookup("#campaign-list").queryListView().getSelectionModel().getSelectedItem();
        return selected == null ? "" : ((Campaign) selected).name();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
