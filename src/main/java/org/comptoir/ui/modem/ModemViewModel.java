package org.comptoir.ui.modem;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.comptoir.dispatch.ModemSetup;
import org.comptoir.gateway.modem.ModemInfo;
import org.comptoir.gateway.modem.ModemProbe;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.TaskExecutor;

/**
 * The modem set-up assistant: detect ports, check the chosen one, save it, send a test SMS. All serial and
 * database work goes through the {@link TaskExecutor}; properties change on the calling (FX) thread only.
 */
public final class ModemViewModel {

    // Properties
    private final ObservableList<String> ports = FXCollections.observableArrayList();
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty testNumber = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty maker = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty operator = new SimpleStringProperty("");
    private final IntegerProperty signalBars = new SimpleIntegerProperty(-1);
    private final BooleanProperty signalKnown = new SimpleBooleanProperty(true);
    private final BooleanProperty frenchSim = new SimpleBooleanProperty();
    private final BooleanProperty checked = new SimpleBooleanProperty();

    private final ModemSetup setup;
    private final TaskExecutor executor;
    private final Messages messages;

    public ModemViewModel(ModemSetup setup, TaskExecutor executor, Messages messages) {
        this.setup = setup;
        this.executor = executor;
        this.messages = messages;
        port.addListener((o, a, b) -> checked.set(false));
    }

    // Commands

    /** Loads the saved port and PIN. */
    public void load() {
        run(null, () -> new String[] {setup.savedPort(), setup.savedPin()}, saved -> {
            port.set(saved[0]);
            pin.set(saved[1]);
        });
    }

    public void detect() {
        run(messages.get("modem.ui.detecting"), setup::detect, probes -> {
            ports.setAll(probes.stream().map(ModemProbe::port).toList());
            probes.stream().filter(ModemProbe::isModem).findFirst()
                    .or(() -> probes.stream().findFirst())
                    .ifPresent(p -> port.set(p.port()));
            status.set(probes.isEmpty() ? messages.get("modem.ui.ports.none") : "");
        });
    }

    public void check() {
        clearFindings();
        run(messages.get("modem.ui.checking"), () -> setup.check(port.get(), pin.get()), this::show);
    }

    public void save() {
        run(null, () -> {
            setup.save(port.get(), pin.get());
            return true;
        }, ok -> status.set(messages.get("modem.ui.saved")));
    }

    public void sendTest() {
        run(messages.get("modem.ui.test.sending"),
                () -> setup.sendTest(port.get(), pin.get(), testNumber.get(), messages.get("modem.ui.test.text")),
                refs -> status.set(messages.get("modem.ui.test.sent", String.join(", ", refs))));
    }

    private void show(ModemInfo info) {
        maker.set(info.maker());
        model.set(info.model());
        operator.set(info.operator().isEmpty() ? info.operatorNumeric() : info.operator());
        signalBars.set(info.signalBars());
        // rssi 99: the modem has not measured it yet; "very weak 0/5" would send the owner looking for a window
        signalKnown.set(info.signalKnown());
        frenchSim.set(info.frenchSim());
        checked.set(true);
        if (info.signalKnown() && info.signalBars() <= 1) {
            problem.set(messages.get("modem.error.signal.weak", info.signalBars()));
        } else {
            status.set(messages.get("modem.ui.ready"));
        }
    }

    private void clearFindings() {
        maker.set("");
        model.set("");
        operator.set("");
        signalBars.set(-1);
        signalKnown.set(true);
        frenchSim.set(false);
        checked.set(false);
    }

    private <T> void run(String working, Callable<T> work, Consumer<T> done) {
        busy.set(true);
        problem.set("");
        if (working != null) {
            status.set(working);
        }
        executor.execute(work, result -> {
            busy.set(false);
            if (working != null) {
                status.set("");
            }
            done.accept(result);
        }, failure -> {
            busy.set(false);
            status.set("");
            problem.set(failure instanceof ComptoirException ce ? messages.render(ce.userMessage())
                    : messages.get("app.error.unexpected", String.valueOf(failure.getMessage())));
        });
    }

    // Accessors

    public ObservableList<String> ports() {
        return ports;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty testNumberProperty() {
        return testNumber;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty makerProperty() {
        return maker;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    public IntegerProperty signalBarsProperty() {
        return signalBars;
    }

    /** False when the modem could not say (rssi 99): the view shows "unknown", not 0/5. */
    public BooleanProperty signalKnownProperty() {
        return signalKnown;
    }

    public BooleanProperty frenchSimProperty() {
        return frenchSim;
    }

    public BooleanProperty checkedProperty() {
        return checked;
    }
}
