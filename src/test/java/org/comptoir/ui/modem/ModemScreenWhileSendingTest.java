package org.comptoir.ui.modem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.comptoir.AppContext;
import org.comptoir.campaign.CampaignService;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.dispatch.GatewayOwner;
import org.comptoir.dispatch.InboundStore;
import org.comptoir.dispatch.ModemOneOff;
import org.comptoir.dispatch.ModemSetup;
import org.comptoir.dispatch.ReviewRouter;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.gateway.modem.PtyModem;
import org.comptoir.gateway.modem.emulator.Pdus;
import org.comptoir.i18n.Messages;
import org.comptoir.schedule.WindowDecision;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modem screen while the application's sending engine holds the port (a real pseudo-terminal through socat, the
 * project's modem emulator behind it, jSerialComm in front): the check and the test SMS go through the engine's modem
 * (a second open of the port would fail), and a message arriving during the test is stored by the engine's listener.
 */
@Timeout(120)
class ModemScreenWhileSendingTest {

    @TempDir
    Path dir;
    Database db;
    Settings settings;
    PtyModem modem;
    GatewayOwner owner;
    ModemViewModel vm;

    @BeforeEach
    void open() throws Exception {
        PtyModem.assumeSocat();
        java.nio.file.Files.createDirectories(dir.resolve("pty"));
        modem = new PtyModem(dir.resolve("pty"));
        db = Database.open(dir.resolve("data"));
        settings = new Settings(db, AppContext.settingDefinitions());
        settings.set("shop.name", "Léa Fleurs");
        settings.setAll(java.util.Map.of(ModemSettings.GATEWAY, "modem", ModemSettings.PORT, modem.socat.app.toString()));
        Clock clock = Clock.systemUTC();
        owner = new GatewayOwner(db, settings, new ConsentService(db, settings, SubjectKey.forStore(db), clock),
                new CampaignService(db, settings, clock),
                () -> (kind, to, at) -> new WindowDecision(true, at, at.plus(Duration.ofHours(8)), WindowDecision.Reason.OPEN, ""),
                ReviewRouter::new, clock);
        vm = new ModemViewModel(ModemSetup.onSerialPorts(settings, owner), new CurrentThreadTaskExecutor(),
                Messages.forLanguage("fr"));
        owner.startSending(); // what the application does once the store is open
        PtyModem.await("the engine holds the modem, ready",
                () -> owner.held().map(g -> g.state() == GatewayState.READY).orElse(false));
    }

    @AfterEach
    void close() throws Exception {
        if (owner != null) {
            owner.close();
        }
        if (modem != null) {
            modem.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void theTestSmsGoesThroughTheEnginesModemAndWhatArrivesMeanwhileIsStored() throws Exception {
        SmsGateway held = owner.held().orElseThrow();
        vm.portProperty().set(modem.socat.app.toString());
        vm.check();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.makerProperty().get()).isEqualTo("huawei");

        modem.emulator.arriveDuringNextSend(List.of(Pdus.deliver("+33698765432", "STOP", 0).get(0)));
        vm.testNumberProperty().set("06 12 34 56 78");
        vm.sendTest();

        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("SMS d'essai envoyé");
        assertThat(modem.emulator.sent()).singleElement().satisfies(s -> {
            assertThat(s.destination()).isEqualTo("+33612345678");
            assertThat(s.text()).isEqualTo("Essai Comptoir : le modem fonctionne.");
        });
        InboundStore inbound = new InboundStore(db, held.name(), Clock.systemUTC());
        PtyModem.await("the STOP that arrived during the test is stored and routed",
                () -> inbound.latest(10).stream().anyMatch(r -> r.sender().equals("+33698765432") && r.handledAs() != null));
        assertThat(owner.held()).as("still the engine's modem, still ready").containsSame(held);
        assertThat(held.state()).isEqualTo(GatewayState.READY);
    }

    @Test
    void aOneOffWaitingForItsReportHearsItWhileTheEngineKeepsItsListener() throws Exception {
        modem.emulator.reportFor = s -> Pdus.statusReport(s.mr(), s.destination(), 0, java.time.Instant.now());
        modem.emulator.arriveDuringNextSend(List.of(Pdus.deliver("+33698765433", "Bonjour", 0).get(0)));
        ModemOneOff.Outcome outcome = owner.sendTest(modem.socat.app.toString(), null, "+33612345678", "Essai",
                Duration.ofSeconds(30), step -> { });
        assertThat(outcome.succeeded()).as("every part reported delivered").isTrue();
        assertThat(outcome.fates()).singleElement().satisfies(p -> assertThat(p.fate()).isEqualTo(ModemOneOff.Fate.DELIVERED));
        InboundStore inbound = new InboundStore(db, owner.held().orElseThrow().name(), Clock.systemUTC());
        PtyModem.await("the message that arrived meanwhile is stored",
                () -> inbound.latest(10).stream().anyMatch(r -> r.sender().equals("+33698765433")));
    }
}
