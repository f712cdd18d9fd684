package org.comptoir.ui.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.i18n.Messages;
import org.comptoir.store.Jdbc;
import org.comptoir.ui.ScriptedDialogs;
import org.comptoir.ui.FxTaskExecutor;
import org.comptoir.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor on a real store, headless: live counter, Unicode help, the mention counted, audience and cost. */
@ExtendWith(ApplicationExtension.class)
class CampaignEditorUiTest {

    private Path dir;
    private AppContext app;
    private FxTaskExecutor executor;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> errors = dialogs.errors;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("campaign-ui");
        app = AppContext.open(dir);
        // a real consent through the ledger (the audience is what the ledger says), then the tag
        app.settings().set("shop.name", "Léa Fleurs");
        app.consent().recordOptIn(new org.comptoir.phone.PhoneNumber("+33612345678"), "Léa",
                app.consent().currentWording().id(), org.comptoir.consent.Channel.TILL, "caisse");
        app.database().withConnection(c -> Jdbc.update(c,
                "INSERT INTO contact_tag (contact_id, tag) SELECT id, 'vip' FROM contact WHERE phone_e164 = ?", "+33612345678"));
        // the app's theme, so the editor's colour tokens resolve as they do for the shop owner
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        executor = new FxTaskExecutor();
        UiContext ui = new UiContext(app, Messages.forLanguage("fr"), executor, dialogs);
        // within Monocle's 1280×800 headless screen, or its painter overflows its buffer
        stage.setScene(new Scene(new CampaignsView(ui), 1200, 760));
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
    void counterFollowsEveryKeystrokeWithTheMentionAndTheWorstCase(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#recipients").equals("1 client(s)"));
        assertThat(text(robot, "#mention")).contains("STOP au 36180");

        robot.clickOn("#template").write("Bonjour {prenom}, soldes ce samedi !");
        // "Bonjour Léa, soldes ce samedi !" (31) + "\n" + "STOP au 36180" (13)
        waitUntil(() -> text(robot, "#counter").equals("45 / 160 · 1 SMS · GSM"));
        assertThat(text(robot, "#preview-part-0")).isEqualTo("Bonjour Léa, soldes ce samedi !\nSTOP au 36180");
        assertThat(text(robot, "#preview-caption-0")).isEqualTo("SMS 1/1 · 45/160 GSM");
        assertThat(shown(robot, "#unicode-box")).isFalse();

        robot.write("ê");
        waitUntil(() -> text(robot, "#counter").equals("46 / 70 · 1 SMS · Unicode"));
        assertThat(shown(robot, "#replace-unicode")).isTrue();
        assertThat(robot.lookup(".unicode-chip").queryAs(Label.class).getText()).contains("ê").contains("e");
        assertThat(robot.lookup(".unicode-char").queryAll()).hasSize(1);

        robot.clickOn("#replace-unicode");
        waitUntil(() -> text(robot, "#counter").equals("46 / 160 · 1 SMS · GSM"));
        assertThat(template(robot)).isEqualTo("Bonjour {prenom}, soldes ce samedi !e");
        assertThat(shown(robot, "#replace-unicode")).isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void pastOneSixtyWithTheMentionIsTwoSmsAndTheCostFollows(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#recipients").equals("1 client(s)"));
        robot.interact(() -> robot.lookup("#template").queryAs(TextArea.class).setText("A".repeat(145)));
        waitUntil(() -> text(robot, "#counter").equals("159 / 160 · 1 SMS · GSM"));
        robot.clickOn("#template").type(javafx.scene.input.KeyCode.END).write("A");
        // 146 typed + "\n" + 13 for the mention: exactly one full SMS, at the edge
        waitUntil(() -> text(robot, "#counter").equals("160 / 160 · 1 SMS · GSM"));
        assertThat(robot.lookup("#counter").queryAs(Label.class).getStyleClass()).contains("amber");
        assertThat(text(robot, "#cost")).startsWith("Coût estimé : 0,05").endsWith("(1 SMS)");

        robot.write("A");
        waitUntil(() -> text(robot, "#counter").equals("161 / 306 · 2 SMS · GSM"));
        // the preview shows where the network cuts: 153 septets, then the rest with the mention
        // the preview shows where the network cuts: 147 A, the line break and "STOP " fill the first 153 septets,
        // the rest of the mention goes in the second part
        assertThat(text(robot, "#preview-caption-0")).isEqualTo("SMS 1/2 · 153/153 GSM");
        assertThat(text(robot, "#preview-caption-1")).isEqualTo("SMS 2/2 · 8/153 GSM");
        assertThat(text(robot, "#preview-part-0") + text(robot, "#preview-part-1"))
                .isEqualTo("A".repeat(147) + "\nSTOP au 36180");
        assertThat(robot.lookup("#counter").queryAs(Label.class).getStyleClass()).doesNotContain("amber", "red");
        assertThat(text(robot, "#cost")).startsWith("Coût estimé : 0,09").endsWith("(2 SMS)");

        // a service message has no mention: the same text fits in one SMS again
        robot.clickOn("#kind-service");
        waitUntil(() -> text(robot, "#counter").equals("147 / 160 · 1 SMS · GSM"));
        assertThat(shown(robot, "#service-warning")).isTrue();
        assertThat(shown(robot, "#mention")).isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void overTheMaximumPartsTurnsRedAndASavedDraftIsListed(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#recipients").equals("1 client(s)"));
        robot.interact(() -> robot.lookup("#template").queryAs(TextArea.class).setText("B".repeat(450)));
        waitUntil(() -> text(robot, "#counter").equals("464 / 612 · 4 SMS · GSM"));
        assertThat(robot.lookup("#counter").queryAs(Label.class).getStyleClass()).contains("red");

        robot.clickOn("#campaign-name").write("Soldes");
        robot.clickOn("#sender").write("LEA-FLEURS");
        waitUntil(() -> !text(robot, "#sender-error").isEmpty());
        robot.interact(() -> robot.lookup("#sender").queryAs(javafx.scene.control.TextField.class).setText("LEAFLEURS"));
        waitUntil(() -> text(robot, "#sender-error").isEmpty());
        assertThat(text(robot, "#preview-sender")).isEqualTo("LEAFLEURS");

        robot.clickOn("#save");
        waitUntil(() -> text(robot, "#status").equals("Brouillon enregistré."));
        waitUntil(() -> robot.lookup("#campaign-list").queryListView().getItems().size() == 1);
        assertThat(app.campaigns().list()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Soldes");
            assertThat(c.sender()).isEqualTo("LEAFLEURS");
        });
        assertThat(errors).isEmpty();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Visible on screen: the node and every ancestor. */
    private static boolean shown(FxRobot robot, String query) {
        for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String template(FxRobot robot) {
        return robot.lookup("#template").queryAs(TextArea.class).getText();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
