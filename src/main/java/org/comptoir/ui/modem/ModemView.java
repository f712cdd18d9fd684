package org.comptoir.ui.modem;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.comptoir.dispatch.ModemSetup;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.UiContext;

/** The modem set-up assistant: port, PIN, check (maker, model, operator, signal), save, test SMS. */
public final class ModemView extends ScrollPane {

    private final ModemViewModel vm;
    private final Messages m;

    public ModemView(ModemViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
        setId("modemView");
        setFitToWidth(true);
        VBox content = new VBox(14);
        content.setPadding(new Insets(24));
        content.setMaxWidth(760);

        Label title = new Label(m.get("modem.ui.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label(m.get("modem.ui.intro"));
        intro.setWrapText(true);

        ComboBox<String> port = new ComboBox<>(vm.ports());
        port.setId("modemPort");
        port.setEditable(true);
        port.setPrefWidth(320);
        port.valueProperty().bindBidirectional(vm.portProperty());
        Button detect = new Button(m.get("modem.ui.detect"));
        detect.setId("modemDetect");
        detect.setOnAction(e -> vm.detect());

        PasswordField pin = new PasswordField();
        pin.setId("modemPin");
        pin.setPromptText(m.get("modem.ui.pin.prompt"));
        pin.setPrefColumnCount(8);
        pin.textProperty().bindBidirectional(vm.pinProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        form.addRow(0, new Label(m.get("modem.ui.port")), port, detect);
        form.addRow(1, new Label(m.get("modem.ui.pin")), pin);

        Button check = new Button(m.get("modem.ui.check"));
        check.setId("modemCheck");
        check.getStyleClass().add(Styles.ACCENT);
        check.setDefaultButton(true);
        check.setOnAction(e -> vm.check());
        Button save = new Button(m.get("modem.ui.save"));
        save.setId("modemSave");
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.checkedProperty().not().or(vm.busyProperty()));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("modemStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox actions = new HBox(10, check, save, progress, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        check.disableProperty().bind(vm.busyProperty());
        detect.disableProperty().bind(vm.busyProperty());

        Label problem = new Label();
        problem.setId("modemProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Node findings = findings();
        Label french = new Label(m.get("modem.french.warning"));
        french.setId("modemFrenchWarning");
        french.setWrapText(true);
        french.getStyleClass().add(Styles.WARNING);
        french.setStyle("-fx-border-color: -color-warning-emphasis; -fx-border-radius: 6; -fx-padding: 10;"
                + " -fx-background-color: -color-warning-subtle; -fx-background-radius: 6");
        french.visibleProperty().bind(vm.frenchSimProperty());
        french.managedProperty().bind(french.visibleProperty());

        TextField to = new TextField();
        to.setId("modemTestNumber");
        to.setPromptText("06 12 34 56 78");
        to.textProperty().bindBidirectional(vm.testNumberProperty());
        Button send = new Button(m.get("modem.ui.test.send"));
        send.setId("modemTestSend");
        send.setOnAction(e -> vm.sendTest());
        send.disableProperty().bind(vm.checkedProperty().not().or(vm.busyProperty())
                .or(vm.testNumberProperty().isEmpty()));
        HBox test = new HBox(10, new Label(m.get("modem.ui.test.to")), to, send);
        test.setAlignment(Pos.CENTER_LEFT);

        content.getChildren().addAll(title, intro, form, actions, problem, findings, french, new Separator(), test);
        setContent(content);
        vm.load();
    }

    private Node findings() {
        GridPane grid = new GridPane();
        grid.setId("modemFindings");
        grid.setHgap(16);
        grid.setVgap(6);
        grid.addRow(0, caption("modem.ui.maker"), value("modemMaker", vm.makerProperty()));
        grid.addRow(1, caption("modem.ui.model"), value("modemModel", vm.modelProperty()));
        grid.addRow(2, caption("modem.ui.operator"), value("modemOperator", vm.operatorProperty()));
        grid.addRow(3, caption("modem.ui.signal"), signalBars());
        grid.visibleProperty().bind(vm.checkedProperty());
        grid.managedProperty().bind(grid.visibleProperty());
        return grid;
    }

    private Label caption(String key) {
        Label l = new Label(m.get(key));
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label value(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.textProperty().bind(text);
        return l;
    }

    /** Five bars of growing height, the first {@code n} filled with the accent colour. */
    private Node signalBars() {
        HBox bars = new HBox(3);
        bars.setId("modemSignal");
        bars.setAlignment(Pos.BOTTOM_LEFT);
        for (int i = 0; i < 5; i++) {
            Region bar = new Region();
            int index = i;
            bar.setPrefSize(8, 6 + 4 * i);
            bar.setMaxHeight(6 + 4 * i);
            bar.styleProperty().bind(Bindings.createStringBinding(() -> "-fx-background-radius: 2; -fx-background-color: "
                    + (index < vm.signalBarsProperty().get() ? "-color-accent-emphasis" : "-color-border-muted"),
                    vm.signalBarsProperty()));
            bars.getChildren().add(bar);
        }
        Label count = new Label();
        count.setId("modemSignalText");
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.signalBarsProperty().get() < 0 ? ""
                : !vm.signalKnownProperty().get() ? m.get("modem.ui.signal.unknown")
                : vm.signalBarsProperty().get() + "/5", vm.signalBarsProperty(), vm.signalKnownProperty()));
        HBox box = new HBox(8, bars, count);
        box.setAlignment(Pos.BOTTOM_LEFT);
        return box;
    }

    /** The screen's factory for {@code Screens.all()}. */
    public static Node create(UiContext ui) {
        ModemSetup setup = ModemSetup.onSerialPorts(ui.app().settings(), ui.app().sending());
        return new ModemView(new ModemViewModel(setup, ui.executor(), ui.messages()), ui.messages());
    }
}
