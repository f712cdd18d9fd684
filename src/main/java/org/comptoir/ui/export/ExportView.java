package org.comptoir.ui.export;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.comptoir.export.ImportReport;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.Styles;
import org.comptoir.ui.UiContext;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Export and import (owner only): three sections (the register, one customer's proof, contact import with its
 * mapping assistant and preview) above one progress bar with a cancel button, and "open the file" once a file
 * is written. Files are chosen with the system's dialogs; the work runs on the UI executor.
 */
public final class ExportView extends BorderPane implements org.comptoir.ui.UnsavedEdits {

    private final ExportViewModel vm;
    private final Messages m;
    private final UiContext ui;

    public ExportView(UiContext ui) {
        this(ui, new ExportViewModel(ui.app().exports(), ui.app().imports(), ui.app()::phoneNumbers, ui.messages(),
                ui.executor()));
    }

    ExportView(UiContext ui, ExportViewModel vm) {
        this.ui = ui;
        this.vm = vm;
        this.m = ui.messages();
        setId("exportView");
        getStylesheets().addAll(Styles.CSS, ExportView.class.getResource("/org/comptoir/ui/export/export.css").toExternalForm());
        Label title = new Label(m.get("export.ui.title"));
        title.getStyleClass().add("screen-title");
        // the job's progress, cancel and result stay in view above the sections, whichever one started it
        VBox top = new VBox(8, title, jobBar());
        top.setPadding(new Insets(16, 16, 8, 16));
        setTop(top);
        VBox page = new VBox(14, registerSection(), proofSection(), importSection());
        page.setPadding(new Insets(8, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    private TitledPane registerSection() {
        DatePicker from = new DatePicker();
        from.setId("exportFrom");
        from.setPromptText(m.get("export.ui.from"));
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("exportTo");
        to.setPromptText(m.get("export.ui.to"));
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button export = new Button(m.get("export.ui.register.button"), new FontIcon("mdi2f-file-excel-outline"));
        export.setId("exportRegister");
        export.setDefaultButton(false);
        export.disableProperty().bind(vm.busyProperty());
        export.setOnAction(e -> save(vm.registerFileName()).ifPresent(vm::exportRegister));
        Label help = wrapped(m.get("export.ui.register.help"));
        FlowPane row = new FlowPane(10, 8, new Label(m.get("export.ui.period")), from, to, export);
        row.setAlignment(Pos.CENTER_LEFT);
        return section("registerSection", m.get("export.ui.register.title"), new VBox(8, help, row));
    }

    private TitledPane proofSection() {
        TextField number = new TextField();
        number.setId("proofNumber");
        number.setPromptText(m.get("export.ui.proof.prompt"));
        number.setPrefColumnCount(16);
        number.textProperty().bindBidirectional(vm.proofNumberProperty());
        Button export = new Button(m.get("export.ui.proof.button"), new FontIcon("mdi2f-file-certificate-outline"));
        export.setId("exportProof");
        export.disableProperty().bind(vm.busyProperty().or(number.textProperty().isEmpty()));
        export.setOnAction(e -> save(vm.proofFileName()).ifPresent(vm::exportProof));
        number.setOnAction(e -> export.fire());
        FlowPane row = new FlowPane(10, 8, new Label(m.get("export.ui.proof.number")), number, export);
        row.setAlignment(Pos.CENTER_LEFT);
        return section("proofSection", m.get("export.ui.proof.title"),
                new VBox(8, wrapped(m.get("export.ui.proof.help")), row));
    }

    private TitledPane importSection() {
        Button choose = new Button(m.get("export.ui.import.choose"), new FontIcon("mdi2f-file-upload-outline"));
        choose.setId("importChoose");
        choose.disableProperty().bind(vm.busyProperty());
        choose.setOnAction(e -> open().ifPresent(vm::chooseImportFile));
        Label file = new Label();
        file.setId("importFile");
        vm.importFileProperty().addListener((o, was, now) -> file.setText(now == null ? "" : now.getFileName().toString()));
        GridPane assistant = new GridPane();
        assistant.setId("importMapping");
        assistant.setHgap(10);
        assistant.setVgap(6);
        vm.headers().addListener((ListChangeListener<String>) c -> fillAssistant(assistant));
        TableView<ImportReport.RowFate> table = new TableView<>(vm.sample());
        table.setId("importPreview");
        table.setPrefHeight(220);
        table.setPlaceholder(new Label(m.get("export.ui.import.empty")));
        table.getColumns().add(column(m.get("export.refusals.col.line"), 70, f -> String.valueOf(f.line())));
        table.getColumns().add(column(m.get("export.col.number"), 140, f -> f.number() == null ? "" : f.number()));
        table.getColumns().add(column(m.get("export.col.first.name"), 120, f -> f.firstName() == null ? "" : f.firstName()));
        TableColumn<ImportReport.RowFate, String> fate = column(m.get("export.ui.import.fate"), 420,
                f -> m.render(f.fate()));
        table.getColumns().add(fate);
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ImportReport.RowFate item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("refused-row");
                if (!empty && item != null && item.refused()) {
                    getStyleClass().add("refused-row");
                }
            }
        });
        Button run = new Button(m.get("export.ui.import.run"), new FontIcon("mdi2a-account-multiple-plus-outline"));
        run.setId("importRun");
        run.disableProperty().bind(vm.busyProperty().or(vm.previewProperty().isNull()));
        run.setOnAction(e -> {
            if (confirmImport()) {
                vm.runImport();
            }
        });
        // a workbook's sheets: the recognised one is preselected; the owner may take another (hidden for one sheet)
        ChoiceBox<String> sheet = new ChoiceBox<>(vm.sheets());
        sheet.setId("importSheet");
        sheet.setTooltip(new Tooltip(m.get("export.ui.import.sheet.tip")));
        sheet.disableProperty().bind(vm.busyProperty());
        Label sheetLabel = new Label(m.get("export.ui.import.sheet"));
        sheetLabel.setLabelFor(sheet);
        var several = javafx.beans.binding.Bindings.size(vm.sheets()).greaterThan(1);
        sheet.visibleProperty().bind(several);
        sheet.managedProperty().bind(several);
        sheetLabel.visibleProperty().bind(several);
        sheetLabel.managedProperty().bind(several);
        vm.sheetProperty().addListener((o, was, now) -> sheet.setValue(now));
        sheet.setOnAction(e -> vm.chooseSheet(sheet.getValue()));
        HBox top = new HBox(10, choose, file, sheetLabel, sheet);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, wrapped(m.get("export.ui.import.help")), top, assistant, table, run);
        return section("importSection", m.get("export.ui.import.title"), box);
    }

    /** The screen's state: tests choose a file through it, the system's file dialog being out of their reach. */
    ExportViewModel viewModel() {
        return vm;
    }

    /** "Importer … ?" with the preview's counts: an import writes consent records, so it is never one click. */
    private boolean confirmImport() {
        ImportReport p = vm.previewProperty().get();
        return p != null && ui.dialogs().confirm(m.get("export.ui.import.confirm.title"), m.get("export.ui.import.confirm",
                p.withConsent(), p.withoutConsent(), p.updated(), p.refused()));
    }

    /** The column mapping the owner adjusted for a file not imported yet: leaving used to drop it without a word. */
    @Override
    public boolean hasUnsavedEdits() {
        return vm.hasUnsavedChanges();
    }

    /**
     * A mapping has no other place to be kept than the import it prepares: "Enregistrer" imports the file with it,
     * after the same confirmation as "Importer", and leaves once the import is done (not when declined or refused).
     */
    @Override
    public void saveThen(java.util.function.Consumer<Boolean> done) {
        if (confirmImport()) {
            vm.runImportThen(done);
        } else {
            done.accept(false);
        }
    }

    /** One line per column of the file: its header and the field it feeds, the recognised one preselected. */
    private void fillAssistant(GridPane grid) {
        grid.getChildren().clear();
        if (vm.headers().isEmpty()) {
            return;
        }
        grid.add(bold(m.get("export.ui.import.column")), 0, 0);
        grid.add(bold(m.get("export.ui.import.field")), 1, 0);
        int row = 1;
        for (String header : vm.headers()) {
            ChoiceBox<String> field = new ChoiceBox<>();
            field.setId("map-" + row);
            field.getItems().setAll(ExportViewModel.fieldChoices());
            field.setConverter(converter());
            field.setValue(vm.mapping().getOrDefault(header, ExportViewModel.IGNORE));
            field.disableProperty().bind(vm.busyProperty());
            field.valueProperty().addListener((o, was, now) -> {
                if (now != null && !now.equals(vm.mapping().get(header))) {
                    vm.map(header, now);
                }
            });
            grid.add(new Label(header.isBlank() ? "—" : header), 0, row);
            grid.add(field, 1, row);
            row++;
        }
    }

    private HBox jobBar() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("exportProgress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Button cancel = new Button(m.get("export.ui.cancel"));
        cancel.setId("exportCancel");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        vm.failedProperty().addListener((o, was, now) -> {
            status.getStyleClass().remove("danger");
            if (now) {
                status.getStyleClass().add("danger");
            }
        });
        Button openFile = new Button(m.get("export.ui.open"), new FontIcon("mdi2o-open-in-new"));
        openFile.setId("exportOpen");
        openFile.visibleProperty().bind(vm.lastFileProperty().isNotNull().and(vm.busyProperty().not()));
        openFile.managedProperty().bind(openFile.visibleProperty());
        openFile.setOnAction(e -> vm.lastFile().ifPresent(this::openInSystem));
        openFile.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox box = new HBox(10, bar, cancel, status, openFile);
        HBox.setHgrow(status, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Opens a written file with the system's spreadsheet program, off the FX thread (it may block). */
    private void openInSystem(Path file) {
        ui.executor().execute(() -> {
            File f = file.toFile();
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(f);
            } else {
                new ProcessBuilder(opener(), f.getAbsolutePath()).inheritIO().start();
            }
            return null;
        }, ok -> { }, error -> ui.dialogs().showError(m.get("export.ui.open"),
                m.get("export.ui.open.failed", file, error instanceof IOException io ? io.getMessage() : String.valueOf(error))));
    }

    private static String opener() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("mac") ? "open" : os.contains("win") ? "explorer" : "xdg-open";
    }

    private java.util.Optional<Path> save(String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(m.get("export.ui.save.title"));
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel (*.xlsx)", "*.xlsx"));
        File home = new File(System.getProperty("user.home"));
        chooser.setInitialDirectory(home.isDirectory() ? home : null);
        return java.util.Optional.ofNullable(chooser.showSaveDialog(getScene().getWindow())).map(File::toPath);
    }

    private java.util.Optional<Path> open() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(m.get("export.ui.import.choose"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(m.get("export.ui.import.filter"), "*.xlsx", "*.xls", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("*", "*"));
        File home = new File(System.getProperty("user.home"));
        chooser.setInitialDirectory(home.isDirectory() ? home : null);
        return java.util.Optional.ofNullable(chooser.showOpenDialog(getScene().getWindow())).map(File::toPath);
    }

    private StringConverter<String> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(String field) {
                return field == null ? "" : m.get("export.ui.field." + field);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }

    private static TitledPane section(String id, String title, javafx.scene.Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setId(id);
        pane.setCollapsible(false);
        return pane;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("text-muted");
        return l;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold");
        return l;
    }

    private static <T> TableColumn<T, String> column(String title, double width, java.util.function.Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }
}
