package org.comptoir.ui.backup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.print.PrinterJob;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.comptoir.backup.BackupInfo;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.Forms;
import org.comptoir.ui.UiContext;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Backups, owner only: last outcome, "Sauvegarder maintenant", the consent register's head (print, copy), folder and
 * days kept, the list with the head each backup holds, "Restaurer…".
 */
public final class BackupView extends ScrollPane implements org.comptoir.ui.UnsavedEdits {

    private final BackupViewModel vm;

    public BackupView(UiContext ui) {
        this.vm = new BackupViewModel(ui.app().backups(), ui.app().consent(), ui.app().settings(), ui.messages(), ui.executor(),
                ui.dialogs(), prepared -> new AppReopen(ui, (Stage) getScene().getWindow()).reopen(prepared));
        Messages m = ui.messages();
        setId("backupView");
        setFitToWidth(true);
        VBox form = new VBox(12);
        form.getStyleClass().add("screen");
        form.setMaxWidth(760);

        Label title = new Label(m.get("backup.ui.title"));
        title.getStyleClass().add("screen-title");
        Label intro = new Label(m.get("backup.ui.intro"));
        intro.setWrapText(true);

        Label status = new Label();
        status.setId("backupStatus");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(vm.statusProperty());
        vm.statusFailedProperty().addListener((o, was, now) -> styleStatus(status, now, vm.hasBackupProperty().get()));
        vm.hasBackupProperty().addListener((o, was, now) -> styleStatus(status, vm.statusFailedProperty().get(), now));
        styleStatus(status, false, false);
        Button now = new Button(m.get("backup.ui.now"), new FontIcon("mdi2c-content-save-outline"));
        now.setId("backupNow");
        now.getStyleClass().add("accent");
        now.disableProperty().bind(vm.busyProperty());
        now.setOnAction(e -> vm.backupNow());

        TextField folder = new TextField();
        folder.setId("backupFolder");
        folder.setPromptText(m.get("backup.ui.folder.default"));
        folder.textProperty().bindBidirectional(vm.folderProperty());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button(m.get("backup.ui.folder.choose"));
        choose.setId("backupFolderChoose");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(m.get("setting.backup.folder.label"));
            File chosen = chooser.showDialog(getScene().getWindow());
            if (chosen != null) {
                vm.folderProperty().set(chosen.getAbsolutePath());
            }
        });
        Label shown = new Label();
        shown.getStyleClass().add("text-muted");
        shown.textProperty().bind(vm.folderShownProperty());
        VBox folderField = Forms.field(m.get("setting.backup.folder.label"), new HBox(8, folder, choose),
                vm.folderErrorProperty(), "backupFolderError");
        folderField.getChildren().add(1, help(m.get("setting.backup.folder.help")));
        folderField.getChildren().add(shown);

        TextField keep = new TextField();
        keep.setId("backupKeepDays");
        keep.setPrefColumnCount(5);
        keep.setMaxWidth(100);
        keep.textProperty().bindBidirectional(vm.keepDaysProperty());
        VBox keepField = Forms.field(m.get("setting.backup.keep-days.label"), keep, vm.keepDaysErrorProperty(),
                "backupKeepDaysError");
        keepField.getChildren().add(1, help(m.get("setting.backup.keep-days.help")));
        Button save = new Button(m.get("backup.ui.save"));
        save.setId("backupSave");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.saveSettings());

        Label listTitle = new Label(m.get("backup.ui.list"));
        listTitle.getStyleClass().add("title-4");
        ListView<BackupInfo> list = new ListView<>(vm.backups());
        list.setId("backupList");
        list.setPrefHeight(200);
        list.setPlaceholder(new Label(m.get("backup.ui.list.empty")));
        // reached with Tab, the list showed no row in focus and a first arrow key selected nothing: the newest is
        // selected as soon as the list takes the focus, so the keyboard user sees where they are and what it holds
        list.focusedProperty().addListener((o, was, focused) -> {
            if (focused && list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(BackupInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : vm.describe(item));
            }
        });
        Button restore = new Button(m.get("backup.ui.restore"), new FontIcon("mdi2b-backup-restore"));
        restore.setId("backupRestore");
        restore.disableProperty().bind(vm.busyProperty().or(list.getSelectionModel().selectedItemProperty().isNull()));
        restore.setOnAction(e -> vm.restore(list.getSelectionModel().getSelectedItem().file()));
        Button other = new Button(m.get("backup.ui.restore.file"));
        other.setId("backupRestoreFile");
        other.disableProperty().bind(vm.busyProperty());
        other.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(m.get("backup.ui.restore.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(m.get("backup.ui.restore.filter"),
                    "*.zip"));
            Path start = list.getItems().isEmpty() ? null : list.getItems().get(0).file().getParent();
            if (start != null && Files.isDirectory(start)) {
                chooser.setInitialDirectory(start.toFile());
            }
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                vm.restore(chosen.toPath());
            }
        });
        Label restoreHelp = help(m.get("backup.ui.restore.help"));
        Label selected = new Label();
        selected.setId("backupSelectedHead");
        selected.setWrapText(true);
        selected.getStyleClass().add("text-muted");
        selected.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            BackupInfo b = list.getSelectionModel().getSelectedItem();
            return b == null ? "" : vm.describeHead(b);
        }, list.getSelectionModel().selectedItemProperty()));

        Label headTitle = new Label(m.get("backup.ui.head.title"));
        headTitle.getStyleClass().add("title-4");
        Label headHelp = help(m.get("backup.ui.head.help"));
        TextField head = new TextField(); // selectable: the owner may copy the hash by hand
        head.setId("ledgerHead");
        head.setEditable(false);
        head.textProperty().bind(vm.headProperty());
        Button print = new Button(m.get("backup.ui.head.print"), new FontIcon("mdi2p-printer-outline"));
        print.setId("ledgerHeadPrint");
        print.disableProperty().bind(vm.busyProperty());
        print.setOnAction(e -> print(vm));
        Button copy = new Button(m.get("backup.ui.head.copy"), new FontIcon("mdi2c-content-copy"));
        copy.setId("ledgerHeadCopy");
        copy.disableProperty().bind(vm.busyProperty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.printableHead());
            Clipboard.getSystemClipboard().setContent(content);
            ui.dialogs().showInformation(m.get("backup.ui.head.title"), m.get("backup.ui.head.copied"));
        });
        HBox headBar = new HBox(12, print, copy);

        HBox nowBar = new HBox(12, now);
        nowBar.setAlignment(Pos.CENTER_LEFT);
        HBox restoreBar = new HBox(12, restore, other);
        form.getChildren().addAll(title, intro, status, nowBar, new Separator(), headTitle, headHelp, head, headBar,
                new Separator(), folderField, keepField, save, new Separator(), listTitle, list, selected, restoreHelp,
                restoreBar);
        setContent(form);
        vm.load();
    }

    /** Prints the head's printout on the default printer (the system's dialog first); without one, shows it to copy. */
    private static void print(BackupViewModel vm) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            vm.noPrinter();
            return;
        }
        Text text = new Text(vm.printableHead());
        text.setFont(Font.font("Monospaced", 10));
        if (job.showPrintDialog(null) && job.printPage(text)) {
            job.endJob();
        } else {
            job.cancelJob();
        }
    }

    private static Label help(String text) {
        Label help = new Label(text);
        help.setWrapText(true);
        help.getStyleClass().add("text-muted");
        return help;
    }

    private static void styleStatus(Label status, boolean failed, boolean hasBackup) {
        status.getStyleClass().setAll("label", "banner", failed ? "danger" : hasBackup ? "success" : "info");
    }

    /** The folder and the days to keep, typed and not saved, were lost without a word when the owner left. */
    @Override
    public boolean hasUnsavedEdits() {
        return vm.hasUnsavedChanges();
    }

    @Override
    public void saveThen(java.util.function.Consumer<Boolean> done) {
        vm.saveSettingsThen(done);
    }
}
