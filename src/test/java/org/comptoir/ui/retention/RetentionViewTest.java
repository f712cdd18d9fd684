package org.comptoir.ui.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.consent.Retention;
import org.comptoir.consent.SubjectKey;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.comptoir.ui.ScriptedDialogs;
import org.comptoir.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The owner sees who the retention rule takes now and who it will take within 90 days (and on which day), and erases
 * the first only through a confirmation that names how many; a "no" erases nothing.
 */
@ExtendWith(ApplicationExtension.class)
class RetentionViewTest {

    private static final PhoneNumber ANNE = new PhoneNumber("+33612345001");
    private static final PhoneNumber BRUNO = new PhoneNumber("+33612345002");
    private static final PhoneNumber CLAIRE = new PhoneNumber("+33612345003");

    @TempDir
    static Path dir;
    AppContext app;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    Instant brunoSeen;

    @Start
    void start(Stage stage) {
        app = openShop(dir, "Léa Fleurs");
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // the store keeps microseconds
        // Anne was last seen 40 months ago, Bruno 36 months less 20 days ago (past the period in 20 days), Claire yesterday
        signedUpAt(ANNE, "Anne", now.atOffset(ZoneOffset.UTC).minusMonths(40).toInstant());
        brunoSeen = now.atOffset(ZoneOffset.UTC).minusMonths(36).plusDays(20).toInstant();
        signedUpAt(BRUNO, "Bruno", brunoSeen);
        signedUpAt(CLAIRE, "Claire", now.minus(Duration.ofDays(1)));
        UiContext ui = uiContext(app, stage).withDialogs(dialogs);
        stage.setScene(new Scene(new RetentionView(ui), 1024, 600));
        stage.show();
    }

    void signedUpAt(PhoneNumber n, String name, Instant at) {
        ConsentService then = new ConsentService(app.database(), app.settings(), SubjectKey.forStore(app.database()),
                Clock.fixed(at, ZoneOffset.UTC));
        then.recordOptIn(n, name, then.currentWording().id(), Channel.TILL, "caisse");
    }

    @AfterEach
    void close() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    TableView<Retention.Candidate> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void showsWhoIsTakenNowAndWhoNextThenErasesOnlyAfterANamedConfirmation(FxRobot robot) {
        waitUntil(() -> table(robot, "#retentionDue").getItems().size() == 1);
        assertThat(table(robot, "#retentionDue").getItems()).extracting(Retention.Candidate::number).containsExactly(ANNE);
        assertThat(table(robot, "#retentionUpcoming").getItems()).extracting(Retention.Candidate::number)
                .containsExactly(BRUNO);
        assertThat(text(robot, "#retentionRule")).startsWith("Les contacts sans aucune interaction depuis 36 mois");
        assertThat(text(robot, "#retentionDueTitle")).startsWith("À effacer maintenant : 1 contact(s)");
        assertThat(text(robot, "#retentionUpcomingTitle")).isEqualTo(
                "Dans les 90 prochains jours : 1 contact(s) dépasseront la durée");
        Retention retention = app.consentSms().retention();
        assertThat(retention.dueAt(table(robot, "#retentionUpcoming").getItems().get(0).lastInteraction()))
                .isEqualTo(brunoSeen.atOffset(ZoneOffset.UTC).plusMonths(36).toInstant());

        // first the owner changes their mind: nothing is erased
        dialogs.confirmAnswers.add(false);
        robot.clickOn("#retentionErase");
        waitUntil(() -> text(robot, "#retentionBanner").equals("Rien n'a été effacé."));
        assertThat(dialogs.confirmations).containsExactly("Effacer 1 contact(s) / Ne rien effacer");
        assertThat(app.consent().lookup(ANNE).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);

        // then, from the keyboard, yes
        dialogs.confirmAnswers.add(true);
        Button erase = robot.lookup("#retentionErase").queryButton();
        robot.interact(erase::requestFocus);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> text(robot, "#retentionBanner").startsWith("1 contact(s) effacé(s) le "));
        waitUntil(() -> table(robot, "#retentionDue").getItems().isEmpty());
        assertThat(dialogs.confirmed.get(1)).startsWith("1 contact(s) sans interaction depuis 36 mois vont être effacés");
        assertThat(erase.isDisabled()).as("nothing left to erase").isTrue();
        assertThat(app.consent().lookup(ANNE).orElseThrow().status()).isEqualTo(ConsentStatus.ERASED);
        assertThat(app.consent().lookup(BRUNO).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(app.consent().lookup(CLAIRE).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        java.util.List<String> audit = app.database().withConnection(c -> Jdbc.query(c,
                "SELECT actor || ': ' || detail FROM audit WHERE action = 'RETENTION_ERASE'", rs -> rs.getString(1)));
        assertThat(audit).containsExactly("owner: 1 contact(s) silent for 36 months");
        assertThat(table(robot, "#retentionUpcoming").getItems()).extracting(Retention.Candidate::number)
                .containsExactly(BRUNO);
    }
}
