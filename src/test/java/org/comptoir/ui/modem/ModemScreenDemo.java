package org.comptoir.ui.modem;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.dispatch.ModemSendLog;
import org.comptoir.dispatch.ModemSetup;
import org.comptoir.gateway.modem.ModemProbe;
import org.comptoir.gateway.modem.emulator.EmulatedModem;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.ui.FxTaskExecutor;

/**
 * Not a test: shows the modem assistant on the emulator for a screenshot (docs/screenshots/modem.png).
 * Run under Xvfb: see docs/modem.md. Detects, checks, and leaves the window open.
 */
public final class ModemScreenDemo extends Application {

    private final EmulatedModem modem = new EmulatedModem();
    private Database db;

    /** Plain entry point: launching the Application subclass directly from the class path fails (STACK.md). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(ModemScreenDemo.class, args);
        }
    }

    org.comptoir.dispatch.GatewayOwner owner;

    @Override
    public void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        db = Database.open(Files.createTempDirectory("modem-demo"));
        List<SettingDefinition> defs = AppContext.settingDefinitions();
        Settings settings = new Settings(db, defs);
        // -Ddemo.rssi=99 shows a signal the modem has not measured yet
        modem.emulator().rssi = Integer.getInteger("demo.rssi", 21);
        java.util.function.Function<String, org.comptoir.gateway.modem.ModemGateway.LinkOpener> openers =
                port -> () -> {
                    // each check or test SMS opens the port anew, as on a real machine: the same modem, replugged
                    if (!modem.link().isOpen()) {
                        var old = modem.emulator();
                        modem.plug();
                        modem.emulator().takeOver(old);
                    }
                    return modem.link();
                };
        owner = org.comptoir.dispatch.OwnerForTests.owner(db, settings, openers);
        ModemSetup setup = new ModemSetup(settings, owner,
                () -> List.of(new ModemProbe("/dev/ttyUSB0", "HUAWEI Mobile Connect - 3G Modem", "huawei", "E3372",
                        "Orange F", 4, null), new ModemProbe("/dev/ttyS0", "Physical Port S0", "", "", "", 0, null)));
        ModemViewModel vm = new ModemViewModel(setup, new FxTaskExecutor(), Messages.forLanguage("fr"));
        stage.setTitle("Comptoir — Modem USB");
        stage.setScene(new Scene(new ModemView(vm, Messages.forLanguage("fr")), 900, 700));
        stage.show();
        vm.detect();
        vm.checkedProperty().addListener((o, a, b) -> {
            if (b) {
                vm.testNumberProperty().set("06 12 34 56 78");
            }
        });
        vm.portProperty().addListener((o, a, b) -> {
            if (b != null && b.startsWith("/dev/ttyUSB")) {
                Platform.runLater(vm::check);
            }
        });
    }

    @Override
    public void stop() {
        if (owner != null) {
            owner.close();
        }
        modem.close();
        if (db != null) {
            db.close();
        }
    }
}
