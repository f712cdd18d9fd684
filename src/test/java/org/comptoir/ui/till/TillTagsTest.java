package org.comptoir.ui.till;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ContactDirectory.TagCount;
import org.comptoir.consent.ContactQuery;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The till's optional quick choice of tags, keyboard only, against a real store. */
@ExtendWith(ApplicationExtension.class)
class TillTagsTest {

    @TempDir
    static Path dir;
    AppContext app;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage; // the store is opened off the FX thread, in the test (a loaded machine is slow at it)
    }

    void open(FxRobot robot) {
        app = openShop(dir, "Fleurs de Léa");
        app.contacts().createTag("Fidèles");
        app.contacts().createTag("Mariage");
        // a customer already tagged by the owner
        long wording = app.consent().currentWording().id();
        var known = app.consent().recordOptIn(new PhoneNumber("+33611111111"), "Jeanne", wording, Channel.TILL, "caisse");
        app.contacts().setTags(known.contactId(), Set.of("Fidèles"));
        robot.interact(() -> {
            stage.setScene(new Scene(new TillView(uiContext(app, stage)), 1024, 600));
            stage.show();
        });
    }

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    List<String> tagsOf(String e164) {
        return app.contacts().search(new ContactQuery(e164, Set.of(), ContactQuery.SortKey.NAME, true, 0, 1))
                .rows().get(0).tags();
    }

    void ready(FxRobot robot) {
        open(robot);
        waitUntil(() -> robot.lookup("#tillTag-Mariage").tryQuery().isPresent()
                && !robot.lookup("#consent").queryAs(CheckBox.class).getText().isEmpty());
    }

    @Test
    void aTagTickedWithTheKeyboardIsGivenWithTheOptInAndTheFormEmpties(FxRobot robot) {
        ready(robot);
        robot.write("06 12 34 56 78").type(KeyCode.TAB).write("Marie").type(KeyCode.TAB).type(KeyCode.SPACE)
                .type(KeyCode.TAB).type(KeyCode.TAB).type(KeyCode.SPACE) // the second tag, Mariage
                .type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#banner").queryAs(Label.class).getText().startsWith("Consentement enregistré"));
        assertThat(tagsOf("+33612345678")).containsExactly("Mariage");
        assertThat(robot.lookup("#tillTag-Mariage").queryAs(CheckBox.class).isSelected()).as("next customer").isFalse();
        assertThat(app.contacts().tags()).containsExactly(new TagCount("Fidèles", 1), new TagCount("Mariage", 1));
    }

    @Test
    void aTagGivenAtTheTillIsAddedToThoseTheCustomerHas(FxRobot robot) {
        ready(robot);
        robot.write("06 11 11 11 11").type(KeyCode.TAB, KeyCode.TAB).type(KeyCode.SPACE);
        robot.clickOn("#tillTag-Mariage").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#banner").queryAs(Label.class).getText().startsWith("Consentement enregistré"));
        assertThat(tagsOf("+33611111111")).containsExactly("Fidèles", "Mariage");
    }

    @Test
    void aRefusalGivesNoTagAndKeepsNoNumber(FxRobot robot) {
        ready(robot);
        robot.write("06 99 99 99 99");
        robot.clickOn("#tillTag-Fidèles").clickOn("#refuse");
        waitUntil(() -> !robot.lookup("#banner").queryAs(Label.class).getText().isEmpty());
        assertThat(app.contacts().tags()).containsExactly(new TagCount("Fidèles", 1), new TagCount("Mariage", 0));
        assertThat(robot.lookup("#tillTag-Fidèles").queryAs(CheckBox.class).isSelected()).isFalse();
    }
}
