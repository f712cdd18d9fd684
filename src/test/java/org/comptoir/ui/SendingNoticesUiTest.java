package org.comptoir.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real engine on the rehearsal gateway, on a clock the test moves, while the main window shows the till (not the
 * sending screen): a campaign started on a Sunday says it pauses until Monday 08:00, then that it has finished.
 */
@ExtendWith(ApplicationExtension.class)
class SendingNoticesUiTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Sunday 29 November 2026, 10:00 in Paris. */
    static final Instant SUNDAY = Instant.parse("2026-11-29T09:00:00Z");
    /** Monday 30 November 2026, 10:00 in Paris. */
    static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    static Path dir;
    AppContext app;
    GatewayOwner owner;
    FxTaskExecutor executor;
    Stage stage;

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

    @Test
    void aPauseAtTheWindowEdgeAndTheEndAreToldOnTheTillScreen(FxRobot robot) {
        app = AppContext.open(dir.resolve("store-" + System.nanoTime()));
        app.settings().set("shop.name", "Léa Fleurs");
        app.settings().set(ModemSettings.GATEWAY, "rehearsal");
        MutableClock clock = new MutableClock(SUNDAY);
        ConsentService consent = new ConsentService(app.database(), app.settings(), SubjectKey.forStore(app.database()), clock);
        CampaignService campaigns = new CampaignService(app.database(), app.settings(), clock);
        owner = new GatewayOwner(app.database(), app.settings(), consent, campaigns,
                () -> ScheduleSettings.sendingRules(app.settings()), ReviewRouter::new, clock);
        for (int i = 0; i < 3; i++) {
            consent.recordOptIn(new PhoneNumber("+3361234560" + i), null, consent.currentWording().id(), Channel.TILL, "caisse");
        }
        executor = new FxTaskExecutor();
        UiContext ui = new UiContext(app, Messages.forLanguage("fr"), executor, new ScriptedDialogs());
        MainView[] main = new MainView[1];
        robot.interact(() -> {
            main[0] = new MainView(ui, stage);
            main[0].listenTo(owner, PARIS, stage, javafx.util.Duration.millis(200));
            stage.getScene().setRoot(main[0]);
        });
        assertThat(main[0].current().id()).isEqualTo("till");

        Campaign draft = campaigns.saveDraft(Campaign.draft("Soldes", CampaignKind.MARKETING, "Soldes ce lundi", "", null));
        long id = campaigns.schedule(draft.id(), ScheduleRequest.asap()).id();
        owner.outbox().start(id);
        owner.sendDue(Duration.ofSeconds(30)); // Sunday: nothing may leave, the campaign waits for Monday 08:00
        waitUntil(() -> notices(robot).stream().anyMatch(t -> t.startsWith("« Soldes » est en pause")));
        assertThat(notices(robot)).contains("« Soldes » est en pause jusqu'à lundi 30 novembre à 08:00 "
                + "(pas d'envoi le dimanche) ; 3 message(s) partiront alors d'eux-mêmes.");

        clock.set(MONDAY);
        owner.sendDue(Duration.ofSeconds(30));
        waitUntil(() -> notices(robot).contains(
                "« Soldes » est terminée : 3 envoyé(s), 0 échec(s), 0 non envoyé(s), 0 au sort inconnu."));
        assertThat(main[0].current().id()).isEqualTo("till");
    }

    private static List<String> notices(FxRobot robot) {
        return robot.lookup(".notification-bar .label").queryAll().stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }
}
