package org.comptoir.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.MutableClock;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.dispatch.GatewayOwner;
import org.comptoir.dispatch.ReviewRouter;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.ScheduleSettings;
import org.comptoir.settings.TillSettings;
import org.comptoir.ui.FxTaskExecutor;
import org.comptoir.ui.MainView;
import org.comptoir.ui.ScriptedDialogs;
import org.comptoir.ui.UiContext;
import org.comptoir.ui.contacts.ContactsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The owner's home on a real store: contacts by status, the last campaign's results (sent by the real engine on the
 * rehearsal gateway, an opt-out the next hour), the next programmed send and when it really leaves (a Sunday send
 * waits for Monday 08:00), the gateway; each figure opens its screen, with the keyboard alone.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewUiTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Monday 30 November 2026, 10:00 in Paris. */
    static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    static Path dir;
    AppContext app;
    GatewayOwner owner;
    FxTaskExecutor executor;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    Stage stage;
    MainView main;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1024, 600));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(() -> stage.getScene().setRoot(new javafx.scene.layout.Pane()));
        if (executor != null) {
            executor.shutdown();
        }
        if (owner != null) {
            owner.close();
        }
        if (app != null) {
            app.close();
        }
    }

    /** Three said yes, one refused; "Soldes" went to the three on Monday, one sent STOP an hour later. */
    private void weekOfTheShop() {
        app = AppContext.open(dir.resolve("store-" + System.nanoTime()));
        app.settings().set("shop.name", "Léa Fleurs");
        app.settings().set(ModemSettings.GATEWAY, "rehearsal");
        app.settings().set(TillSettings.OWNER_PIN, "2468");
        MutableClock clock = new MutableClock(MONDAY);
        ConsentService consent = new ConsentService(app.database(), app.settings(), SubjectKey.forStore(app.database()), clock);
        CampaignService campaigns = new CampaignService(app.database(), app.settings(), clock);
        owner = new GatewayOwner(app.database(), app.settings(), consent, campaigns,
                () -> ScheduleSettings.sendingRules(app.settings()), ReviewRouter::new, clock);
        long wording = consent.currentWording().id();
        for (int i = 0; i < 3; i++) {
            consent.recordOptIn(new PhoneNumber("+3361234560" + i), "Client" + i, wording, Channel.TILL, "caisse");
        }
        consent.recordRefusal(new PhoneNumber("+33612345609"), wording, Channel.TILL, "caisse");
        Campaign soldes = campaigns.saveDraft(Campaign.draft("Soldes", CampaignKind.MARKETING, "Soldes ce lundi", "", null));
        long id = campaigns.schedule(soldes.id(), ScheduleRequest.asap()).id();
        owner.outbox().start(id);
        owner.sendDue(Duration.ofSeconds(60));
        clock.advance(Duration.ofHours(1));
        consent.recordOptOut(new PhoneNumber("+33612345602"), Channel.SMS_KEYWORD, "sms", "STOP");
        // the next one, programmed for a Sunday far ahead: it cannot leave before the Monday at 08:00
        Campaign noel = campaigns.saveDraft(Campaign.draft("Noël", CampaignKind.MARKETING, "Joyeux Noël", "", null));
        campaigns.schedule(noel.id(), ScheduleRequest.at(sunday().atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant()));
    }

    /** A Sunday in 2031 without a public holiday on the Monday after. */
    static LocalDate sunday() {
        return LocalDate.of(2031, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }

    private void openMainWindow(FxRobot robot) {
        executor = new FxTaskExecutor();
        UiContext ui = new UiContext(app, Messages.forLanguage("fr"), executor, dialogs);
        robot.interact(() -> {
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            main = new MainView(ui, stage);
            stage.getScene().setRoot(main);
            dialogs.answers.add("2468");
            ui.owner().requireOwner(dialogs, () -> { });
        });
        waitUntil(() -> ui.owner().isUnlocked());
    }

    @Test
    void theHomeTellsTheWeekAndEachFigureOpensItsScreenWithTheKeyboard(FxRobot robot) {
        weekOfTheShop();
        openMainWindow(robot);
        // keyboard only: focus the sidebar's "Accueil" and press Space
        Node nav = robot.lookup("#nav-overview").query();
        robot.interact(nav::requestFocus);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> robot.lookup("#overviewContacts-SUBSCRIBED").tryQuery().isPresent());
        assertThat(main.current().id()).isEqualTo("overview");

        assertThat(text(robot, "#overviewContacts-SUBSCRIBED")).isEqualTo("Inscrits : 2");
        assertThat(text(robot, "#overviewContacts-OPTED_OUT")).isEqualTo("Désinscrits : 1");
        assertThat(text(robot, "#overviewContacts-REFUSED")).isEqualTo("Refus : 1");
        assertThat(text(robot, "#overviewContacts-ALL")).isEqualTo("Tous les contacts : 3");
        assertThat(text(robot, "#overviewLastName")).isEqualTo("« Soldes » — Terminée");
        assertThat(text(robot, "#overviewLastSent")).isEqualTo("Envoyés : 3");
        assertThat(text(robot, "#overviewLastFailed")).isEqualTo("Échecs : 0");
        assertThat(text(robot, "#overviewLastOptOuts")).isEqualTo("Désinscriptions sous 7 jours : 1");
        assertThat(text(robot, "#overviewNextName")).startsWith("« Noël », programmée pour dimanche");
        assertThat(text(robot, "#overviewNextFirst")).contains("lundi").contains("08:00");
        assertThat(text(robot, "#overviewGatewayState")).startsWith("Passerelle : répétition");

        // "Désinscrits : 1" opens the contacts on that filter
        activate(robot, "#overviewContacts-OPTED_OUT");
        waitUntil(() -> main.current().id().equals("contacts"));
        waitUntil(() -> robot.lookup("#statusFilter").tryQuery().isPresent());
        assertThat(robot.lookup("#statusFilter").<javafx.scene.control.ChoiceBox<?>>query().getValue())
                .isEqualTo(ContactsViewModel.Filter.OPTED_OUT);

        // back home, the last campaign's figure opens its report, the next send its sending view
        robot.interact(() -> robot.lookup("#nav-overview").<javafx.scene.control.ToggleButton>query().fire());
        waitUntil(() -> robot.lookup("#overviewLastSent").tryQuery().isPresent());
        activate(robot, "#overviewLastSent");
        waitUntil(() -> main.current().id().equals("report"));
        waitUntil(() -> text(robot, "#report-headline").startsWith("« Soldes »"));
        robot.interact(() -> robot.lookup("#nav-overview").<javafx.scene.control.ToggleButton>query().fire());
        waitUntil(() -> robot.lookup("#overviewNextFollow").tryQuery().isPresent());
        activate(robot, "#overviewNextFollow");
        waitUntil(() -> main.current().id().equals("sending"));
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aNewShopSaysThereIsNothingYetAndLinksToTheCampaigns(FxRobot robot) {
        app = AppContext.open(dir.resolve("store-" + System.nanoTime()));
        app.settings().set("shop.name", "Léa Fleurs");
        app.settings().set(TillSettings.OWNER_PIN, "2468");
        openMainWindow(robot);
        robot.interact(() -> robot.lookup("#nav-overview").<javafx.scene.control.ToggleButton>query().fire());
        waitUntil(() -> robot.lookup("#overviewLastNone").tryQuery().isPresent());
        assertThat(text(robot, "#overviewContacts-ALL")).isEqualTo("Tous les contacts : 0");
        assertThat(text(robot, "#overviewLastNone")).isEqualTo("Aucune campagne envoyée pour l'instant.");
        assertThat(text(robot, "#overviewNextNone")).isEqualTo("Aucun envoi programmé.");
        assertThat(text(robot, "#overviewGatewayState")).startsWith("Passerelle : aucune choisie");
        activate(robot, "#overviewNextCreate");
        waitUntil(() -> main.current().id().equals("campaigns"));
    }

    /** Focuses the link and presses Space, as a keyboard user does after Tab. */
    private static void activate(FxRobot robot, String query) {
        Node link = robot.lookup(query).query();
        robot.interact(link::requestFocus);
        waitUntil(link::isFocused);
        robot.type(KeyCode.SPACE);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }
}
