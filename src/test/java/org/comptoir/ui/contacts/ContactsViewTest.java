package org.comptoir.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentEventView;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.ui.UiContext;
import org.comptoir.ui.contacts.ContactsViewModel.Filter;
import org.comptoir.ui.contacts.ContactsViewModel.Line;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ContactsViewTest {

    static final int CONTACTS = 230;

    @TempDir
    static Path dir;
    AppContext app;

    @Start
    void start(Stage stage) {
        app = openShop(dir, "Chez Paul");
        long wording = app.consent().currentWording().id();
        for (int i = 0; i < CONTACTS; i++) {
            PhoneNumber n = new PhoneNumber(String.format("+336%08d", 10_000_000 + i));
            app.consent().recordOptIn(n, String.format("Client%03d", i), wording, Channel.TILL, "caisse");
            if (i % 10 == 0) {
                app.consent().recordOptOut(n, Channel.TILL, "caisse", "test");
            }
        }
        UiContext ui = uiContext(app, stage);
        stage.setScene(new Scene(new ContactsView(ui), 1200, 760));
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

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void pagesSearchesFiltersAndSortsInTheDatabase(FxRobot robot) {
        waitUntil(() -> table(robot).getItems().size() == ContactsViewModel.PAGE_SIZE);
        assertThat(text(robot, "#contactCount")).isEqualTo("230 contact(s)");
        assertThat(text(robot, "#pageLabel")).isEqualTo("Page 1 sur 3");
        robot.clickOn("#nextPage").clickOn("#nextPage");
        waitUntil(() -> table(robot).getItems().size() == 30);

        robot.clickOn("#contactSearch").write("Client12");
        waitUntil(() -> table(robot).getItems().size() == 10 && text(robot, "#contactCount").startsWith("10 "));
        assertThat(table(robot).getItems()).allMatch(l -> l.row().firstName().startsWith("Client12"));

        robot.interact(() -> robot.lookup("#statusFilter").<ChoiceBox<Filter>>query().setValue(Filter.OPTED_OUT));
        waitUntil(() -> text(robot, "#contactCount").startsWith("1 "));
        assertThat(table(robot).getItems().get(0).row().firstName()).isEqualTo("Client120");

        robot.interact(() -> robot.lookup("#statusFilter").<ChoiceBox<Filter>>query().setValue(Filter.ALL));
        robot.interact(() -> robot.lookup("#contactSearch").<javafx.scene.control.TextField>query().setText(""));
        waitUntil(() -> text(robot, "#contactCount").startsWith("230 "));
        robot.clickOn(m(app, "contacts.col.name"));
        waitUntil(() -> !table(robot).getItems().isEmpty()
                && "Client000".equals(table(robot).getItems().get(0).row().firstName()));
        robot.clickOn(m(app, "contacts.col.name"));
        waitUntil(() -> "Client229".equals(table(robot).getItems().get(0).row().firstName()));
    }

    @Test
    void selectionShowsTheHistoryAndTheLedgerVerifies(FxRobot robot) {
        robot.clickOn("#contactSearch").write("Client010");
        waitUntil(() -> table(robot).getItems().size() == 1);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<ConsentEventView> history = robot.lookup("#historyList")
                .queryAs(javafx.scene.control.ListView.class);
        waitUntil(() -> history.getItems().size() == 2);
        assertThat(text(robot, "#contactDetailTitle")).startsWith("06 10 00 00 10");

        robot.clickOn("#verifyLedger");
        waitUntil(() -> text(robot, "#contactsBanner").startsWith("Les 253 enregistrements"));
    }

    private static String m(AppContext app, String key) {
        return app.messages().get(key);
    }
}
