package org.comptoir.ui.modem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.comptoir.AppContext;
import org.comptoir.dispatch.ModemSendLog;
import org.comptoir.dispatch.ModemSetup;
import org.comptoir.gateway.modem.ModemProbe;
import org.comptoir.gateway.modem.emulator.EmulatedModem;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assistant's ViewModel on the emulator, with the calling-thread executor and a real H2 store. */
class ModemViewModelTest {

    @TempDir
    Path dir;
    Database db;
    Settings settings;
    EmulatedModem modem;
    ModemViewModel vm;
    org.comptoir.dispatch.GatewayOwner owner;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        List<SettingDefinition> defs = AppContext.settingDefinitions();
        settings = new Settings(db, defs);
        modem = new EmulatedModem();
        java.util.function.Function<String, org.comptoir.gateway.modem.ModemGateway.LinkOpener> openers =
                port -> () -> modem.link().isOpen() ? modem.link() : plugKeepingState();
        owner = org.comptoir.dispatch.OwnerForTests.owner(db, settings, openers);
        ModemSetup setup = new ModemSetup(settings, owner,
                () -> List.of(new ModemProbe("/dev/ttyUSB0", "HUAWEI Mobile", "huawei", "E3372", "Orange F", 4, null)));
        vm = new ModemViewModel(setup, new CurrentThreadTaskExecutor(), Messages.forLanguage("fr"));
    }

    private org.comptoir.gateway.modem.SerialLink plugKeepingState() {
        var old = modem.emulator();
        modem.plug();
        modem.emulator().takeOver(old);
        return modem.link();
    }

    @AfterEach
    void close() {
        if (owner != null) {
            owner.close();
        }
        modem.close();
        db.close();
    }

    @Test
    void detectChoosesTheModemAndCheckShowsWhatItFoundWithTheFrenchWarning() {
        vm.detect();
        assertThat(vm.ports()).containsExactly("/dev/ttyUSB0");
        assertThat(vm.portProperty().get()).isEqualTo("/dev/ttyUSB0");
        vm.check();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.makerProperty().get()).isEqualTo("huawei");
        assertThat(vm.operatorProperty().get()).isEqualTo("Orange F");
        assertThat(vm.signalBarsProperty().get()).isEqualTo(4);
        assertThat(vm.frenchSimProperty().get()).isTrue();
        assertThat(vm.checkedProperty().get()).isTrue();
    }

    @Test
    void aWrongPinIsShownInWordsAndSavingStoresPortAndPinEncrypted() {
        modem.emulator().withPin("1234");
        vm.portProperty().set("/dev/ttyUSB0");
        vm.pinProperty().set("0000");
        vm.check();
        assertThat(vm.problemProperty().get()).contains("Code PIN incorrect");
        assertThat(vm.checkedProperty().get()).isFalse();

        vm.pinProperty().set("1234");
        vm.check();
        assertThat(vm.checkedProperty().get()).isTrue();
        vm.save();
        assertThat(settings.get(ModemSettings.PORT)).isEqualTo("/dev/ttyUSB0");
        assertThat(settings.get(ModemSettings.PIN)).isEqualTo("1234");
        assertThat(settings.get(ModemSettings.GATEWAY)).isEqualTo("modem");
        assertThat(vm.statusProperty().get()).isEqualTo("Réglages du modem enregistrés.");
    }

    @Test
    void theTestSmsGoesToTheOwnersNumber() {
        vm.portProperty().set("/dev/ttyUSB0");
        vm.check();
        vm.testNumberProperty().set("06 12 34 56 78");
        vm.sendTest();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(modem.emulator().sent()).singleElement().satisfies(s -> {
            assertThat(s.destination()).isEqualTo("+33612345678");
            assertThat(s.text()).isEqualTo("Essai Comptoir : le modem fonctionne.");
        });
        assertThat(vm.statusProperty().get()).startsWith("SMS d'essai envoyé");
    }

    @Test
    void anUnmeasuredSignalIsUnknownNotVeryWeak() {
        modem.emulator().rssi = 99;
        vm.portProperty().set("/dev/ttyUSB0");
        vm.check();
        assertThat(vm.checkedProperty().get()).isTrue();
        assertThat(vm.signalKnownProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Le modem est prêt à envoyer des SMS.");
    }

    @Test
    void theTestSmsCountsAgainstTheModemsDailyCap() {
        settings.set(ModemSettings.MAX_PER_DAY, "1");
        vm.portProperty().set("/dev/ttyUSB0");
        vm.testNumberProperty().set("06 12 34 56 78");
        vm.sendTest();
        assertThat(vm.problemProperty().get()).isEmpty();
        vm.sendTest();
        assertThat(vm.problemProperty().get())
                .isEqualTo("Limite du modem atteinte : 1 SMS aujourd'hui (un message long compte pour plusieurs). Reprise demain.");
        assertThat(modem.emulator().sent()).hasSize(1);
    }
}
