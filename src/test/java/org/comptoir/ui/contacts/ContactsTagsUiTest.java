package org.comptoir.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ContactDirectory.TagCount;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.comptoir.ui.contacts.ContactsViewModel.Filter;
import org.comptoir.ui.contacts.ContactsViewModel.Line;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Tags, the people whose number is not kept, and the ledger check's full list, through the real contacts screen. */
@ExtendWith(ApplicationExtension.class)
class ContactsTagsUiTest {

    @TempDir
    static Path dir;
    AppContext app;

    @Start
    void start(Stage stage) {
        app = openShop(dir, "Chez Paul");
        long wording = app.consent().currentWording().id();
        app.consent().recordOptIn(new PhoneNumber("+33611111111"), "Alice", wording, Channel.TILL, "caisse");
        app.consent().recordOptIn(new PhoneNumber("+33622222222"), "Bruno", wording, Channel.TILL, "caisse");
        app.consent().recordOptIn(new PhoneNumber("+33633333333"), "Chloé", wording, Channel.TILL, "caisse");
        // never opted in: a refusal at the till and a STOP by SMS; neither keeps the number
        app.consent().recordRefusal(new PhoneNumber("+33644444444"), wording, Channel.TILL, "caisse");
        app.consent().recordOptOut(new PhoneNumber("+33655555555"), Channel.SMS_KEYWORD, null, "STOP");
        stage.setScene(new Scene(new ContactsView(uiContext(app, stage)), 1024, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    TableView<Line> table(FxRobot robot) {
        return robot.lookup("#contactTable").queryAs(TableView.class);
    }

    void select(FxRobot robot, String firstName) {
        waitUntil(() -> table(robot).getItems().stream().anyMatch(l -> firstName.equals(l.row().firstName())));
        robot.interact(() -> table(robot).getItems().stream().filter(l -> firstName.equals(l.row().firstName()))
                .findFirst().ifPresent(l -> table(robot).getSelectionModel().select(l)));
    }

    @Test
    void theOwnerCreatesATagGivesItToAContactAndTheAudienceByTagIsNoLongerEmpty(FxRobot robot) {
        waitUntil(() -> table(robot).getItems().size() == 3);
        // keyboard: type the name in the field, Enter creates it
        robot.clickOn("#newTag").write("Fidèles").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#tag-Fidèles").tryQuery().isPresent());
        assertThat(app.contacts().tags()).containsExactly(new TagCount("Fidèles", 0));
        assertThat(robot.lookup("#tag-Fidèles").queryAs(CheckBox.class).isDisabled()).as("no contact chosen").isTrue();

        select(robot, "Bruno");
        waitUntil(() -> !robot.lookup("#tag-Fidèles").queryAs(CheckBox.class).isDisabled());
        robot.clickOn("#tag-Fidèles");
        waitUntil(() -> app.contacts().tags().equals(java.util.List.of(new TagCount("Fidèles", 1))));
        // the count shows in the tag filter, and the filter keeps only Bruno
        @SuppressWarnings("unchecked")
        ChoiceBox<String> tagFilter = robot.lookup("#tagFilter").queryAs(ChoiceBox.class);
        waitUntil(() -> "Fidèles (1)".equals(tagFilter.getConverter().toString("Fidèles")));
        robot.interact(() -> tagFilter.setValue("Fidèles"));
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems().get(0).row().firstName()).isEqualTo("Bruno");
        assertThat(table(robot).getItems().get(0).row().tags()).containsExactly("Fidèles");
        // what the campaign editor's "audience by tag" counts
        assertThat(app.campaigns().audience().count(new Audience(CampaignKind.MARKETING, "Fidèles"))).isEqualTo(1);

        // untick: the tag stays (the owner made it), carried by nobody
        select(robot, "Bruno");
        waitUntil(() -> robot.lookup("#tag-Fidèles").queryAs(CheckBox.class).isSelected());
        robot.clickOn("#tag-Fidèles");
        waitUntil(() -> app.contacts().tags().equals(java.util.List.of(new TagCount("Fidèles", 0))));
    }

    @Test
    void aTooLongTagIsRefusedWithTheReasonAndNothingIsCreated(FxRobot robot) {
        waitUntil(() -> table(robot).getItems().size() == 3);
        robot.interact(() -> robot.lookup("#newTag").queryAs(javafx.scene.control.TextField.class).setText("x".repeat(51)));
        robot.clickOn("#createTag");
        Label banner = robot.lookup("#contactsBanner").queryAs(Label.class);
        waitUntil(() -> banner.getText().contains("50"));
        assertThat(app.contacts().tags()).isEmpty();
    }

    @Test
    void refusalsAndStopsOfPeopleNeverOptedInAreListedUnderTheirStatus(FxRobot robot) {
        waitUntil(() -> table(robot).getItems().size() == 3);
        @SuppressWarnings("unchecked")
        ChoiceBox<Filter> status = robot.lookup("#statusFilter").queryAs(ChoiceBox.class);
        robot.interact(() -> status.setValue(Filter.REFUSED));
        waitUntil(() -> table(robot).getItems().size() == 1);
        Line refused = table(robot).getItems().get(0);
        assertThat(refused.phone()).isEqualTo("Numéro non conservé");
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#notKeptDetail").query().isVisible());
        assertThat(robot.lookup("#eraseContact").query().isDisabled()).isTrue();

        robot.interact(() -> status.setValue(Filter.OPTED_OUT));
        waitUntil(() -> table(robot).getItems().size() == 1
                && robot.lookup("#contactCount").queryAs(Label.class).getText().startsWith("1 "));
        assertThat(table(robot).getItems().get(0).row().kept()).isFalse();
    }

    @Test
    void theLedgerCheckListsEveryProblemNotOnlyTheFirst(FxRobot robot) {
        waitUntil(() -> table(robot).getItems().size() == 3);
        // two rows edited behind Comptoir's back
        app.database().withConnection(c -> Jdbc.update(c, "UPDATE consent_event SET staff = 'x' WHERE seq IN (1, 3)"));
        robot.clickOn("#verifyLedger");
        @SuppressWarnings("unchecked")
        ListView<String> problems = robot.lookup("#verifyProblems").queryAs(ListView.class);
        waitUntil(() -> problems.getItems().size() >= 2);
        assertThat(problems.isVisible()).isTrue();
        assertThat(robot.lookup("#contactsBanner").queryAs(Label.class).getText())
                .startsWith(problems.getItems().size() + " problème(s)");
        assertThat(Set.copyOf(problems.getItems())).hasSizeGreaterThanOrEqualTo(2);
    }
}
