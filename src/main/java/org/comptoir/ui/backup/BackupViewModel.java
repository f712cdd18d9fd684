package org.comptoir.ui.backup;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.comptoir.backup.BackupInfo;
import org.comptoir.backup.BackupService;
import org.comptoir.backup.BackupSettings;
import org.comptoir.backup.BackupStatus;
import org.comptoir.backup.Restore;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.LedgerHead;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.Settings;
import org.comptoir.ui.DialogService;
import org.comptoir.ui.TaskExecutor;

/**
 * The backup section: where backups go and how long they stay, the last backup's outcome, "back up now", the
 * consent ledger's head (to print or copy and keep elsewhere: a checkpoint), the backups found with the head each
 * holds, and restore (checked and verified while the store stays open; then the application closes its
 * store, swaps, and opens the restored one through the {@link Reopener}).
 */
public final class BackupViewModel {

    /** Closes the running store, swaps in the prepared restore and shows the application again on it. */
    @FunctionalInterface
    public interface Reopener {
        void reopen(Restore prepared);
    }

    private final BackupService backups;
    private final ConsentService consent;
    private final Settings settings;
    private final Messages m;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Reopener reopener;
    private final DateTimeFormatter when;

    // Properties
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty folderShown = new SimpleStringProperty("");
    private final StringProperty keepDays = new SimpleStringProperty("");
    private final StringProperty folderError = new SimpleStringProperty("");
    private final StringProperty keepDaysError = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty statusFailed = new SimpleBooleanProperty();
    private final BooleanProperty hasBackup = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<BackupInfo> found = FXCollections.observableArrayList();
    private final StringProperty head = new SimpleStringProperty("");
    private final ObjectProperty<LedgerHead> headValue = new SimpleObjectProperty<>();
    /** The folder and days as last loaded or saved (null until loaded): the fields differ from them when edited. */
    private String savedFolder;
    private String savedKeepDays;

    public BackupViewModel(BackupService backups, ConsentService consent, Settings settings, Messages messages,
                           TaskExecutor executor, DialogService dialogs, Reopener reopener) {
        this.backups = backups;
        this.consent = consent;
        this.settings = settings;
        this.m = messages;
        this.executor = executor;
        this.dialogs = dialogs;
        this.reopener = reopener;
        this.when = formatter(messages);
    }

    // Commands

    /** Reads the settings, the last outcome and the folder's backups. */
    public void load() {
        busy.set(true);
        executor.execute(this::reload, loaded -> {
                    folder.set(loaded.folderSetting());
                    keepDays.set(loaded.keepDays());
                    remember(loaded);
                    show(loaded);
                    busy.set(false);
                }, this::failed);
    }

    /** Whether the folder or the days to keep were edited and not saved: leaving the screen would lose them. */
    public boolean hasUnsavedChanges() {
        return savedFolder != null
                && (!strip(folder.get()).equals(savedFolder) || !strip(keepDays.get()).equals(savedKeepDays));
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private void remember(Loaded loaded) {
        savedFolder = strip(loaded.folderSetting());
        savedKeepDays = strip(loaded.keepDays());
    }

    /** Saves the folder and the days to keep; a refused value keeps its message beside the field. */
    public void saveSettings() {
        saveSettingsThen(ok -> { });
    }

    /** {@link #saveSettings}, then {@code done} gets whether they were saved (false: refused, the reason is shown). */
    public void saveSettingsThen(java.util.function.Consumer<Boolean> done) {
        String f = folder.get() == null ? "" : folder.get().strip();
        String k = keepDays.get() == null ? "" : keepDays.get().strip();
        folderError.set(settings.check(BackupSettings.FOLDER, f).map(m::render).orElse(""));
        keepDaysError.set(settings.check(BackupSettings.KEEP_DAYS, k).map(m::render).orElse(""));
        if (!folderError.get().isEmpty() || !keepDaysError.get().isEmpty()) {
            done.accept(false);
            return;
        }
        busy.set(true);
        executor.execute(() -> {
            settings.set(BackupSettings.FOLDER, f);
            settings.set(BackupSettings.KEEP_DAYS, k);
            return reload();
        }, loaded -> {
            remember(loaded);
            show(loaded);
            done.accept(true);
        }, error -> {
            failed(error);
            done.accept(false);
        });
    }

    /** Takes a backup now; the outcome shows in the status line (and, when it fails, in the main banner). */
    public void backupNow() {
        busy.set(true);
        executor.execute(() -> {
            try {
                backups.backupNow();
            } catch (ComptoirException e) {
                // the status carries the reason; the list still shows what is there
            }
            return reload();
        }, this::show, this::failed);
    }

    /**
     * Restores {@code archive} after the owner confirms: checked and verified in the background first; a backup
     * older than the current register (or of another one) is explained and needs a second confirmation.
     */
    public void restore(Path archive) {
        if (!dialogs.confirm(m.get("backup.ui.restore.title"), m.get("backup.ui.restore.confirm", archive.getFileName()))) {
            return;
        }
        prepare(archive, false);
    }

    private void prepare(Path archive, boolean force) {
        busy.set(true);
        status.set(m.get("backup.ui.restore.checking"));
        statusFailed.set(false);
        executor.execute(() -> backups.prepareRestore(archive, force), prepared -> {
            reopener.reopen(prepared);
        }, failure -> {
            busy.set(false);
            if (failure instanceof Restore.NeedsConfirmation needs) {
                if (dialogs.confirm(m.get("backup.ui.restore.title"),
                        m.render(needs.userMessage()) + "\n\n" + m.get("backup.ui.restore.anyway"))) {
                    prepare(archive, true);
                    return;
                }
                load();
                return;
            }
            failed(failure);
        });
    }

    /**
     * The ledger head as a printout: shop, when printed, last row, its time and hash, and the command that later
     * proves the register still extends it. Empty before the screen has loaded.
     */
    public String printableHead() {
        LedgerHead h = headValue.get();
        if (h == null) {
            return "";
        }
        return m.get("backup.ui.head.printout", settings.get(CoreSettings.SHOP_NAME),
                when.format(java.time.Instant.now()), h.seq(), h.at() == null ? "—" : when.format(h.at()), h.hash());
    }

    /** What "Print" does when this computer has no printer: the same text, to copy. */
    public void noPrinter() {
        dialogs.showInformation(m.get("backup.ui.head.title"), m.get("backup.ui.head.noprinter", printableHead()));
    }

    private Loaded reload() {
        return new Loaded(settings.get(BackupSettings.FOLDER), settings.get(BackupSettings.KEEP_DAYS),
                backups.folder(), backups.status(), backups.list(), consent.head());
    }

    private void show(Loaded loaded) {
        busy.set(false);
        folderShown.set(m.get("backup.ui.folder.now", loaded.folder()));
        found.setAll(loaded.backups());
        headValue.set(loaded.head());
        head.set(headText(loaded.head()));
        BackupStatus s = loaded.status();
        statusFailed.set(s.failed());
        hasBackup.set(s.archive().isPresent());
        status.set(statusText(s, m, when));
    }

    private void failed(Throwable failure) {
        busy.set(false);
        String text = failure instanceof ComptoirException ce ? m.render(ce.userMessage())
                : m.get("app.error.unexpected", failure.getMessage());
        status.set(text);
        statusFailed.set(true);
        dialogs.showError(m.get("backup.ui.title"), text);
    }

    /** The status line for {@code s}, also what the main window's banner says when it failed. */
    static String statusText(BackupStatus s, Messages m, DateTimeFormatter when) {
        if (s.failed()) {
            return m.get("backup.ui.status.failed", when.format(s.attemptedAt().orElseThrow()),
                    m.render(s.problem().orElseThrow()));
        }
        if (s.archive().isEmpty()) {
            return m.get("backup.ui.status.never");
        }
        return m.get("backup.ui.status.ok", when.format(s.attemptedAt().orElseThrow()),
                s.archive().get().getFileName());
    }

    private String headText(LedgerHead h) {
        if (h.seq() == 0) {
            return m.get("backup.ui.head.empty");
        }
        return m.get("backup.ui.head", h.seq(), h.hash(), h.at() == null ? "—" : when.format(h.at()));
    }

    /** The full head a selected backup holds (its manifest's), or why it cannot be read. */
    public String describeHead(BackupInfo b) {
        return b.manifest().map(man -> m.get("backup.ui.selected", man.ledgerSeq(), man.ledgerHash(),
                        when(m, man.ledgerAt())))
                .orElseGet(() -> m.render(b.problem().orElseThrow()));
    }

    /** One line of the list: when, size, the ledger head it holds (row and start of the hash) or why it cannot be read. */
    public String describe(BackupInfo b) {
        String size = String.format(m.locale(), "%.1f", b.sizeBytes() / (1024.0 * 1024.0));
        String what = b.manifest().map(man -> man.ledgerSeq() == 0 ? m.get("backup.ui.item.empty")
                        : m.get("backup.ui.item.head", man.ledgerSeq(),
                        man.ledgerHash() == null ? "" : man.ledgerHash().substring(0, Math.min(8, man.ledgerHash().length())),
                        when(m, man.ledgerAt())))
                .orElseGet(() -> m.render(b.problem().orElseThrow()));
        return m.get("backup.ui.item", when.format(b.createdAt()), size, what);
    }

    /**
     * When a ledger head was recorded, as the owner reads dates; "—" when unknown (an empty ledger, or a backup made
     * before manifests carried the time).
     */
    static String when(Messages messages, java.time.Instant at) {
        return at == null ? "—" : formatter(messages).format(at);
    }

    /** Dates as the owner reads them: the UI's language, this computer's time zone. */
    static DateTimeFormatter formatter(Messages messages) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(ZoneId.systemDefault());
    }

    private record Loaded(String folderSetting, String keepDays, Path folder, BackupStatus status,
                          List<BackupInfo> backups, LedgerHead head) {
    }

    // Property accessors

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty folderShownProperty() {
        return folderShown;
    }

    public StringProperty keepDaysProperty() {
        return keepDays;
    }

    public StringProperty folderErrorProperty() {
        return folderError;
    }

    public StringProperty keepDaysErrorProperty() {
        return keepDaysError;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty statusFailedProperty() {
        return statusFailed;
    }

    /** True once a backup exists (or was just written): the status line is then good news, not a hint. */
    public BooleanProperty hasBackupProperty() {
        return hasBackup;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The consent ledger's head now, as one line (row, hash, time); refreshed with the screen and after a backup. */
    public StringProperty headProperty() {
        return head;
    }

    public ObservableList<BackupInfo> backups() {
        return found;
    }
}
