package org.comptoir.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.typePin;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.comptoir.AppContext;
import org.comptoir.MutableClock;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.dispatch.ModemSetup;
import org.comptoir.gateway.modem.ModemProbe;
import org.comptoir.gateway.modem.emulator.EmulatedModem;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.TillSettings;
import org.comptoir.store.Jdbc;
import org.comptoir.ui.kiosk.KioskForShots;
import org.comptoir.ui.modem.ModemView;
import org.comptoir.ui.modem.ModemViewModel;
import org.comptoir.ui.setup.SetupView;
import org.comptoir.ui.sending.CampaignReportView;
import org.comptoir.ui.sending.CampaignReportViewModel;
import org.comptoir.ui.sending.SendingFixture;
import org.comptoir.ui.sending.SendingServices;
import org.comptoir.ui.sending.SendingView;
import org.comptoir.ui.sending.SendingViewModel;
import org.comptoir.ui.setup.SetupViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every screen the user guides show, from the real views on a seeded store, in French: each is rendered at 1280×800
 * and at 1024×600 and no label may be cut to "…" at either size. With {@code -Dcomptoir.shots=FOLDER} the PNGs are
 * written there ({@code name.png}, {@code name-1024.png}); the guides' screenshots are regenerated with
 * {@code mvn -B -o test -Dtest=GuideScreenshotsUiTest -Dcomptoir.shots=$PWD/docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class GuideScreenshotsUiTest {

    /** Monday 30 November 2026, 10:00 in Paris: the seeded week happens then, inside the sending windows. */
    static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    static Path dir;
    Stage stage;
    /** The seeded shop's store, engine and clock. */
    SendingFixture shop;
    AppContext app;
    AppContext fresh;
    long autumnSale;
    long roseDelivery;
    org.comptoir.dispatch.GatewayOwner modemOwner;
    final EmulatedModem modem = new EmulatedModem();
    FxTaskExecutor executor;
    /** Per screen, the labels cut short at each size; all must be empty. */
    final Map<String, List<String>> clipped = new LinkedHashMap<>();

    @Start
    void start(Stage stage) {
        // the stores open in the test, off the FX thread: @Start has a short time limit
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(() -> stage.getScene().setRoot(new javafx.scene.layout.Pane()));
        if (executor != null) {
            executor.shutdown();
        }
        for (AutoCloseable c : new AutoCloseable[] {modemOwner, shop, modem::close, fresh}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void everyScreenOfTheGuidesRendersUncutAt1280And1024(FxRobot robot) throws Exception {
        Messages fr = Messages.forLanguage("fr");
        seedTheShop();
        executor = new FxTaskExecutor();
        UiContext ui = new UiContext(app, fr, executor, new FxDialogService(stage, fr));
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));

        // first start, on a store of its own: the shop's name typed, the rest still to fill
        fresh = AppContext.open(dir.resolve("fresh"));
        robot.interact(() -> {
            SetupViewModel setup = new SetupViewModel(fresh.settings(), fr, executor);
            setup.shopNameProperty().set("Fleurs de Léa");
            stage.getScene().setRoot(new SetupView(setup, fr, () -> { }));
        });
        screen(robot, "setup");

        // the till, in cashier mode: a known customer's number typed, then a landline
        AtomicReference<MainView> main = new AtomicReference<>();
        robot.interact(() -> {
            main.set(new MainView(ui, stage));
            stage.getScene().setRoot(main.get());
        });
        waitUntil(() -> robot.lookup("#phone").query().isFocused());
        robot.write("06 12 34 56 01");
        waitUntil(() -> !text(robot, "#status").isEmpty());
        robot.type(KeyCode.TAB).write("Léa");
        screen(robot, "till");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#phone").query().isFocused());
        robot.write("01 23 45 67 89").type(KeyCode.ENTER);
        waitUntil(() -> !text(robot, "#phoneError").isEmpty());
        screen(robot, "till-invalid");
        robot.type(KeyCode.ESCAPE);

        // an owner-only screen asks the owner PIN (the real dialog, over the till)
        robot.clickOn("#nav-contacts");
        waitUntil(() -> FxTesting.find(robot, "#secretField").isPresent());
        Node secret = robot.lookup("#secretField").query();
        waitUntil(() -> secret.getScene().getFocusOwner() == secret);
        pin(robot, secret.getScene().getWindow());
        typePin(robot, "2468");

        // contacts, one chosen with its history
        waitUntil(() -> main.get().current().id().equals("contacts"));
        robot.interact(() -> stage.getScene().getRoot().requestFocus());
        TableView<?> table = robot.lookup("#contactTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() >= 8);
        robot.interact(() -> table.getSelectionModel().select(0));
        waitUntil(() -> !robot.lookup("#historyList").queryAs(ListView.class).getItems().isEmpty());
        screen(robot, "contacts");

        open(robot, "overview");
        waitUntil(() -> robot.lookup("#overviewLastSent").tryQuery().isPresent()
                && robot.lookup("#overviewNextName").tryQuery().isPresent());
        screen(robot, "overview");

        // the editor on the winter sale, then on a draft with a character outside the GSM alphabet
        open(robot, "campaigns");
        ListView<?> campaigns = robot.lookup("#campaign-list").queryAs(ListView.class);
        waitUntil(() -> campaigns.getItems().size() >= 3);
        editor(robot, campaigns, "Soldes d'hiver");
        screen(robot, "campaign-editor");
        editor(robot, campaigns, "Fête des mères");
        waitUntil(() -> text(robot, "#counter").contains("Unicode"));
        screen(robot, "campaign-editor-unicode");

        // the rose delivery going out, paused until 08:00 in Réunion; then the autumn sale's report. The screens read
        // the fixture's clock (the seeded Monday), as the app's read the system clock
        open(robot, "sending");
        SendingServices services = SendingServices.of(app, fr, shop.clock);
        SendingViewModel sending = new SendingViewModel(services, fr, executor, ui.dialogs());
        robot.interact(() -> {
            main.get().setCenter(new SendingView(sending, fr));
            sending.reload(roseDelivery);
        });
        waitUntil(() -> text(robot, "#sending-state").startsWith("En pause jusqu'à")
                && text(robot, "#sending-done").startsWith("9 sur 11"));
        screen(robot, "sending");
        open(robot, "report");
        CampaignReportViewModel report = new CampaignReportViewModel(services, fr, executor, ui.dialogs());
        robot.interact(() -> {
            main.get().setCenter(new CampaignReportView(report, fr));
            report.reload(autumnSale);
        });
        waitUntil(() -> text(robot, "#report-headline").startsWith("« Soldes d'automne » : Terminée")
                && robot.lookup("#report-chart").query().isVisible());
        screen(robot, "report");

        // the modem assistant on the emulated modem: detected, checked, a test number typed
        open(robot, "modem");
        ModemViewModel modemVm = modemAssistant(fr);
        robot.interact(() -> {
            main.get().setCenter(new ModemView(modemVm, fr));
            modemVm.detect();
        });
        waitUntil(() -> modemVm.portProperty().get() != null && !modemVm.busyProperty().get());
        robot.interact(() -> {
            // the port the owner picks (detection fills the list; the choice box may clear the value as it refills)
            modemVm.portProperty().set("/dev/ttyUSB0");
            modemVm.check();
        });
        // a check is a dozen AT exchanges, slow on a loaded machine: up to 30 s, and a problem says which
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () ->
                modemVm.checkedProperty().get() || !blank(modemVm.problemProperty().get()));
        assertThat(modemVm.problemProperty().get()).as("modem check").satisfiesAnyOf(p -> assertThat(p).isNull(),
                p -> assertThat(p).isEmpty());
        waitUntil(() -> modemVm.checkedProperty().get());
        robot.interact(() -> modemVm.testNumberProperty().set("06 12 34 56 78"));
        screen(robot, "modem");

        open(robot, "settings");
        screen(robot, "settings");

        // the customer's kiosk (its own full-screen window in the shop), then its thank-you
        robot.interact(() -> stage.getScene().setRoot(KioskForShots.view(ui)));
        screen(robot, "kiosk");
        robot.clickOn("#kioskPhone").write("0612345699");
        robot.clickOn("#kioskConsent");
        robot.clickOn("#kioskJoin");
        waitUntil(() -> robot.lookup("#kioskBanner").query().isVisible() && !text(robot, "#kioskBanner").isEmpty());
        screen(robot, "kiosk-thanks");

        assertThat(clipped).hasSize(14);
        assertThat(clipped).allSatisfy((name, cut) -> assertThat(cut).as(name).isEmpty());
    }

    /**
     * Fleurs de Léa's week, on the sending screens' fixture (real store, real engine on the rehearsal gateway, a clock
     * from Monday 10:00): ten customers (one refused, one sent STOP), a "Fidèles" tag, a sale sent on Monday, two
     * customers in Réunion added later, a rose delivery announced at 18:20 that waits for Tuesday 08:00 in Réunion
     * (21:20 there), one programmed for Christmas, drafts for the winter sale and Mother's Day.
     */
    private void seedTheShop() {
        shop = new SendingFixture(dir, MONDAY);
        app = shop.app;
        app.settings().set("shop.name", "Fleurs de Léa");
        app.settings().set(TillSettings.OWNER_PIN, "2468");
        MutableClock clock = shop.clock;
        ConsentService consent = shop.consent;
        CampaignService campaigns = shop.campaigns;
        long wording = consent.currentWording().id();
        String[] names = {"Léa", "Hugo", "Chloé", "Louis", "Inès", "Gabriel", "Jade", "Raphaël", "Manon", "Arthur"};
        for (int i = 0; i < names.length; i++) {
            consent.recordOptIn(new PhoneNumber("+336123456" + String.format("%02d", i + 1)), names[i], wording,
                    i % 3 == 0 ? Channel.KIOSK : Channel.TILL, "caisse");
            clock.advance(Duration.ofMinutes(37));
        }
        consent.recordRefusal(new PhoneNumber("+33612345690"), wording, Channel.TILL, "caisse");
        app.database().withConnection(c -> {
            Jdbc.update(c, "INSERT INTO tag (name, created_at) VALUES ('Fidèles', CURRENT_TIMESTAMP)");
            Jdbc.update(c, "INSERT INTO contact_tag (contact_id, tag) SELECT id, 'Fidèles' FROM contact"
                    + " WHERE phone_e164 IN ('+33612345601', '+33612345602', '+33612345605', '+33612345607')");
            return null;
        });
        Campaign sale = campaigns.saveDraft(Campaign.draft("Soldes d'automne", CampaignKind.MARKETING,
                "Bonjour {prenom}, -20 % sur les bouquets ce lundi !", "LEAFLEURS", null));
        autumnSale = sale.id();
        shop.owner.outbox().start(campaigns.schedule(sale.id(), ScheduleRequest.asap()).id());
        shop.run();
        clock.advance(Duration.ofHours(1));
        consent.recordOptOut(new PhoneNumber("+33612345604"), Channel.SMS_KEYWORD, "sms", "STOP");
        consent.recordOptIn(new PhoneNumber("+262692123401"), "Maëlle", wording, Channel.TILL, "caisse");
        consent.recordOptIn(new PhoneNumber("+262692123402"), "Noah", wording, Channel.TILL, "caisse");
        clock.advance(Duration.ofMinutes(70));
        Campaign roses = campaigns.saveDraft(Campaign.draft("Arrivage de roses", CampaignKind.MARKETING,
                "Bonjour {prenom}, les roses de Noël sont arrivées !", "LEAFLEURS", null));
        roseDelivery = roses.id();
        shop.owner.outbox().start(campaigns.schedule(roses.id(), ScheduleRequest.asap()).id());
        shop.run(); // 18:20 in Paris: the nine in France get it, Réunion (21:20) waits for 08:00 there
        Campaign christmas = campaigns.saveDraft(Campaign.draft("Noël", CampaignKind.MARKETING,
                "Bonjour {prenom}, nos sapins sont arrivés !", "LEAFLEURS", null));
        campaigns.schedule(christmas.id(), ScheduleRequest.at(Instant.parse("2031-12-15T09:00:00Z")));
        campaigns.saveDraft(Campaign.draft("Soldes d'hiver", CampaignKind.MARKETING,
                "Bonjour {prenom}, les soldes d'hiver commencent mercredi : -30 % sur les plantes vertes et les pots !"
                        + " Venez vite, quantités limitées.", "LEAFLEURS", "Fidèles"));
        campaigns.saveDraft(Campaign.draft("Fête des mères", CampaignKind.MARKETING,
                "Bonjour {prenom}, pour la fête des mères, une rose offerte pour tout bouquet acheté.", "LEAFLEURS",
                null));
    }

    /** The assistant's model on the emulated modem, as ModemScreenDemo builds it (a Huawei on /dev/ttyUSB0). */
    private ModemViewModel modemAssistant(Messages fr) {
        modem.emulator().rssi = 21;
        modemOwner = org.comptoir.dispatch.OwnerForTests.owner(app.database(), app.settings(), port -> () -> {
            if (!modem.link().isOpen()) {
                var old = modem.emulator();
                modem.plug();
                modem.emulator().takeOver(old);
            }
            return modem.link();
        });
        ModemSetup setup = new ModemSetup(app.settings(), modemOwner, () -> List.of(
                new ModemProbe("/dev/ttyUSB0", "HUAWEI Mobile Connect - 3G Modem", "huawei", "E3372", "Orange F", 4,
                        null)));
        return new ModemViewModel(setup, executor, fr);
    }

    /** Opens a screen from the sidebar, as a click does. */
    private void open(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup("#nav-" + id).queryAs(ToggleButton.class).fire());
        waitUntil(() -> robot.lookup("#nav-" + id).queryAs(ToggleButton.class).isSelected());
        // the focus on the screen, not left ringed on the sidebar entry clicked before
        robot.interact(() -> stage.getScene().getRoot().requestFocus());
    }

    private static void editor(FxRobot robot, ListView<?> list, String name) {
        robot.interact(() -> {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (((Campaign) list.getItems().get(i)).name().equals(name)) {
                    list.getSelectionModel().select(i);
                }
            }
        });
        waitUntil(() -> text(robot, "#recipients").endsWith("client(s)")
                && !robot.lookup("#template").queryAs(javafx.scene.control.TextArea.class).getText().isEmpty());
    }

    /** The PIN prompt over the till, at both sizes. */
    private void pin(FxRobot robot, Window dialog) {
        List<String> cut = new java.util.ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {1024, 600}}) {
            size(robot, size[0], size[1]);
            WritableImage base = Shots.snapshot(robot, stage);
            WritableImage prompt = Shots.snapshot(robot, dialog);
            Shots.write(Shots.over(base, prompt), size[0] == 1280 ? "pin" : "pin-1024");
            robot.interact(() -> cut.addAll(Shots.clipped(dialog.getScene().getRoot())));
        }
        size(robot, 1280, 800);
        clipped.put("pin", cut);
    }

    /** {@code name}.png at 1280×800 and {@code name}-1024.png at 1024×600; records the labels cut at each. */
    private void screen(FxRobot robot, String name) {
        List<String> cut = new java.util.ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {1024, 600}}) {
            size(robot, size[0], size[1]);
            WritableImage image = Shots.snapshot(robot, stage);
            assertThat(image.getWidth()).as(name).isEqualTo(size[0]);
            assertThat(image.getHeight()).as(name).isEqualTo(size[1]);
            Shots.write(image, size[0] == 1280 ? name : name + "-1024");
            Parent root = stage.getScene().getRoot();
            robot.interact(() -> cut.addAll(Shots.clipped(root).stream().map(s -> size[0] + ": " + s).toList()));
        }
        size(robot, 1280, 800);
        clipped.put(name, cut);
    }

    private void size(FxRobot robot, int width, int height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(FxRobot robot, String query) {
        String text = robot.lookup(query).queryAs(Labeled.class).getText();
        return text == null ? "" : text;
    }
}
