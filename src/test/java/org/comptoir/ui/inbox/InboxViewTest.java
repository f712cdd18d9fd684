package org.comptoir.ui.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentSms;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.consent.Handling;
import org.comptoir.consent.Inbox;
import org.comptoir.dispatch.InboundStore;
import org.comptoir.dispatch.ReplySender;
import org.comptoir.gateway.InboundSms;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The owner sees what was done with each reply and decides on the doubtful ones, keyboard and mouse alike. */
@ExtendWith(ApplicationExtension.class)
class InboxViewTest {

    private static final PhoneNumber MARIE = new PhoneNumber("+33612345678");
    private static final PhoneNumber PAUL = new PhoneNumber("+33698765432");

    @TempDir
    static Path dir;
    AppContext app;
    final List<String> queued = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        app = openShop(dir, "Chez Paul");
        long wording = app.consent().currentWording().id();
        app.consent().recordOptIn(MARIE, "Marie", wording, Channel.TILL, "caisse");
        app.consent().recordOptIn(PAUL, "Paul", wording, Channel.TILL, "caisse");
        InboundStore store = new InboundStore(app.database(), "modem /dev/ttyUSB0", Clock.systemUTC());
        store.onInbound(new InboundSms(PAUL.e164(), "STOP", Instant.parse("2026-11-28T09:00:00Z")));
        store.onInbound(new InboundSms(MARIE.e164(), "je voudrais stopper ma commande",
                Instant.parse("2026-11-28T10:00:00Z")));
        store.onInbound(new InboundSms(MARIE.e164(), "Merci, à samedi", Instant.parse("2026-11-28T11:00:00Z")));
        ReplySender replies = (to, text, purpose, key) -> queued.add(to + " " + text);
        ConsentSms sms = new ConsentSms(app.database(), app.settings(), app.consent(), replies, Clock.systemUTC());
        UiContext ui = uiContext(app, stage);
        stage.setScene(new Scene(new InboxView(ui, new InboxViewModel(sms, ui.messages(), ui.executor(), "owner")),
                1024, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    TableView<Inbox.Entry> table(FxRobot robot) {
        return robot.lookup("#inboxTable").queryAs(TableView.class);
    }

    @Test
    void waitingRepliesAreListedAndADoubtfulOneTreatedAsStopOptsOut(FxRobot robot) {
        // on opening, what was not handled yet is handled: the STOP is acted on, the other two wait
        waitUntil(() -> table(robot).getItems().size() == 2);
        assertThat(robot.lookup("#inboxWaitingCount").queryAs(Label.class).getText()).isEqualTo("2 en attente de votre décision");
        assertThat(app.consent().lookup(PAUL).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(queued).singleElement().asString().isEqualTo("+33698765432 Vous ne recevrez plus de SMS de Chez Paul.");
        assertThat(robot.lookup("#inboxTreatAsStop").queryButton().isDisabled()).isTrue();

        robot.interact(() -> table(robot).getSelectionModel().select(table(robot).getItems().stream()
                .filter(e -> e.handledAs().equals(Handling.REVIEW)).findFirst().orElseThrow()));
        robot.clickOn("#inboxTreatAsStop");

        waitUntil(() -> robot.lookup("#inboxBanner").queryAs(Label.class).getText().contains("désinscrit sur votre décision"));
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(app.consent().lookup(MARIE).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(queued).hasSize(2);

        robot.clickOn("#inboxWaitingOnly");
        waitUntil(() -> table(robot).getItems().size() == 3);
        assertThat(robot.lookup("#inboxWaitingOnly").queryAs(CheckBox.class).isSelected()).isFalse();
    }
}
