package org.comptoir.ui.export;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.comptoir.export.DateRange;
import org.comptoir.export.ExportService;
import org.comptoir.export.ImportField;
import org.comptoir.export.ImportReport;
import org.comptoir.export.ImportService;
import org.comptoir.export.Progress;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.phone.PhoneParse;
import org.comptoir.ui.BackgroundTask;
import org.comptoir.ui.TaskExecutor;

/**
 * Export and import (owner only): the consent register and a one-customer proof to Excel, contacts from a
 * spreadsheet with a column-mapping assistant and a preview of what each row would become. One job at a time;
 * it reports progress and can be cancelled (nothing is then written).
 */
public final class ExportViewModel {

    /** "Ignore this column" in the assistant. */
    public static final String IGNORE = "ignore";
    static final String ACTOR = "owner";

    private final ExportService exports;
    private final ImportService imports;
    private final Supplier<PhoneNumbers> numbers;
    private final Messages m;
    private final TaskExecutor executor;

    // Properties
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Bound to the running job's progress (-1 while unknown); stays at its last value after. */
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private final ObjectProperty<Path> lastFile = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty proofNumber = new SimpleStringProperty("");
    private final ObjectProperty<Path> importFile = new SimpleObjectProperty<>();
    private final ObservableList<String> headers = FXCollections.observableArrayList();
    /** The workbook's sheets (one for a CSV) and the one imported: chosen alone when its columns are recognised. */
    private final ObservableList<String> sheets = FXCollections.observableArrayList();
    private final StringProperty sheet = new SimpleStringProperty();
    /** Header → field CLI name or {@link #IGNORE}: what the assistant shows and the import uses. */
    private final ObservableMap<String, String> mapping = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObjectProperty<ImportReport> preview = new SimpleObjectProperty<>();
    private final ObservableList<ImportReport.RowFate> sample = FXCollections.observableArrayList();
    private BackgroundTask<?> current;
    /**
     * The sheet and mapping as the file was read (what was recognised), or as last imported: the owner's changes
     * to them are lost when the screen is left, unless imported. Null while no file is chosen.
     */
    private String proposedSheet;
    private Map<String, String> proposedMapping;

    public ExportViewModel(ExportService exports, ImportService imports, Supplier<PhoneNumbers> numbers, Messages m,
                           TaskExecutor executor) {
        this.exports = exports;
        this.imports = imports;
        this.numbers = numbers;
        this.m = m;
        this.executor = executor;
    }

    // Commands

    /** The name offered in the save dialog: the shop and today's date. Reads settings: blocks briefly. */
    public String registerFileName() {
        return exports.registerFileName();
    }

    public String proofFileName() {
        return exports.proofFileName();
    }

    public void exportRegister(Path target) {
        DateRange range;
        try {
            range = new DateRange(from.get(), to.get());
        } catch (ComptoirException e) {
            fail(e);
            return;
        }
        run(p -> exports.exportRegister(target, range, ACTOR, p),
                r -> done(r.file(), m.get("export.ui.register.done", r.rows(), r.file().getFileName())
                        + (r.chainIntact() ? "" : " " + m.get("export.ui.chain.broken"))));
    }

    /** Whether the typed number can be looked up; otherwise the reason is shown and nothing runs. */
    public boolean exportProof(Path target) {
        PhoneParse parse = numbers.get().parseMobile(proofNumber.get());
        if (parse instanceof PhoneParse.Invalid invalid) {
            failed.set(true);
            status.set(m.render(invalid.reason()));
            return false;
        }
        String typed = proofNumber.get().strip();
        run(p -> exports.exportProof(((PhoneParse.Valid) parse).number(), typed, target, ACTOR, p),
                r -> done(r.file(), m.get("export.ui.proof.done", r.rows(), r.file().getFileName())));
        return true;
    }

    /**
     * Lists the sheets of {@code file}, picks the one whose columns are recognised (else the first with a header),
     * maps what it recognises, then previews the whole sheet.
     */
    public void chooseImportFile(Path file) {
        importFile.set(file);
        sheet.set(null);
        sheets.clear();
        proposedSheet = null;
        proposedMapping = null;
        showSheet(file, p -> {
            List<ImportService.Sheet> all = imports.sheets(file, Map.of());
            return all.stream().filter(ImportService.Sheet::importable).count() == 1
                    ? new Layout(all, all.stream().filter(ImportService.Sheet::importable).findFirst().orElseThrow())
                    : new Layout(all, all.stream().filter(x -> !x.header().isEmpty()).findFirst().orElse(all.get(0)));
        });
    }

    /** The owner picked another sheet: its header, its mapping, its preview. */
    public void chooseSheet(String name) {
        Path file = importFile.get();
        if (file == null || name == null || name.equals(sheet.get())) {
            return;
        }
        showSheet(file, p -> {
            List<ImportService.Sheet> all = imports.sheets(file, Map.of());
            return new Layout(all, all.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow());
        });
    }

    /** The sheets of a file and the one shown. */
    private record Layout(List<ImportService.Sheet> all, ImportService.Sheet shown) {
    }

    private void showSheet(Path file, Callable1<Layout> read) {
        preview.set(null);
        sample.clear();
        run(read, layout -> {
            sheets.setAll(layout.all().stream().map(ImportService.Sheet::name).toList());
            sheet.set(layout.shown().name());
            mapping.clear();
            for (String header : layout.shown().header()) {
                mapping.put(header, ImportService.recognised(header).map(ImportField::cliName).orElse(IGNORE));
            }
            headers.setAll(layout.shown().header()); // after the mapping: the assistant shows each column's field
            if (proposedSheet == null) {
                proposedSheet = sheet.get(); // the sheet chosen for the owner; another one is the owner's choice
            }
            if (proposedSheet.equals(sheet.get())) {
                proposedMapping = Map.copyOf(mapping);
            }
            status.set("");
            refreshPreview();
        });
    }

    /** The assistant changed a column's field: preview again with the owner's choices. */
    public void map(String header, String field) {
        mapping.put(header, field);
        refreshPreview();
    }

    public void refreshPreview() {
        Path file = importFile.get();
        if (file == null) {
            return;
        }
        Map<String, String> choices = Map.copyOf(mapping);
        String chosen = sheet.get();
        run(p -> imports.preview(file, chosen, choices, p), r -> {
            preview.set(r);
            sample.setAll(r.sample());
            status.set(m.get("export.ui.preview.counts", r.withConsent(), r.withoutConsent(), r.updated(), r.refused()));
        });
    }

    /**
     * Whether the owner changed the assistant's choices (a column's field, the sheet) for a file not imported since:
     * leaving the screen would lose them.
     */
    public boolean hasUnsavedChanges() {
        return importFile.get() != null && proposedSheet != null
                && (!proposedSheet.equals(sheet.get()) || !mapping.equals(proposedMapping));
    }

    public void runImport() {
        runImportThen(imported -> { });
    }

    /** {@link #runImport}, then {@code done} gets whether the contacts were imported (false: refused, cancelled, busy). */
    public void runImportThen(Consumer<Boolean> done) {
        Path file = importFile.get();
        if (file == null || preview.get() == null || busy.get()) {
            done.accept(false);
            return;
        }
        Map<String, String> choices = Map.copyOf(mapping);
        String chosen = sheet.get();
        run(p -> imports.importContacts(file, chosen, choices, false, null, ACTOR, p), r -> {
            preview.set(null);
            sample.setAll(r.sample());
            String counts = m.get("export.ui.import.done", r.withConsent(), r.withoutConsent(), r.updated(), r.refused());
            if (r.refusalReport() != null) {
                done(r.refusalReport(), counts + " " + m.get("export.ui.import.report", r.refusalReport().getFileName()));
            } else {
                done(null, counts);
            }
            proposedSheet = chosen;
            proposedMapping = choices; // imported: nothing left to lose
            done.accept(true);
        }, error -> done.accept(false));
    }

    /** Asks the running job to stop; it rolls back or deletes its partial file. */
    public void cancel() {
        BackgroundTask<?> running = current;
        if (running != null) {
            running.cancel();
        }
    }

    /** The job running now, null when none: its title, progress and message, for a view that shows them. */
    BackgroundTask<?> currentTask() {
        return current;
    }

    /** The field names offered for each column, {@link #IGNORE} first. */
    public static List<String> fieldChoices() {
        List<String> all = new ArrayList<>(List.of(IGNORE));
        for (ImportField f : ImportField.values()) {
            all.add(f.cliName());
        }
        return all;
    }

    private <T> void run(Callable1<T> work, Consumer<T> onSuccess) {
        run(work, onSuccess, error -> { });
    }

    /** Runs {@code work} as the screen's one job; {@code onFailure} after the reason is shown (cancelled included). */
    private <T> void run(Callable1<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (busy.get()) {
            return;
        }
        failed.set(false);
        lastFile.set(null);
        status.set(m.get("export.ui.working"));
        // the shared mechanism (TaskExecutor + BackgroundTask): progress on the FX thread, cooperative cancel
        BackgroundTask<T> task = new BackgroundTask<T>(m.get("export.ui.title"), context -> work.call(new Progress() {
            @Override
            public void update(long done, long total) {
                context.progress(done, total);
            }

            @Override
            public boolean cancelled() {
                return context.cancelled();
            }
        })).onSuccess(result -> {
            current = null;
            busy.set(false);
            onSuccess.accept(result);
        }).onFailure(error -> {
            current = null;
            busy.set(false);
            fail(error);
            onFailure.accept(error);
        });
        current = task;
        progress.bind(task.progressProperty());
        busy.set(true);
        executor.execute(task);
    }

    private void done(Path file, String message) {
        lastFile.set(file);
        failed.set(false);
        status.set(message);
    }

    private void fail(Throwable error) {
        failed.set(true);
        status.set(error instanceof ComptoirException ce ? m.render(ce.userMessage())
                : m.get("export.ui.unexpected", String.valueOf(error)));
    }

    interface Callable1<T> {
        T call(Progress progress) throws Exception;
    }

    // Properties (read side)

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    public ReadOnlyObjectProperty<Path> lastFileProperty() {
        return lastFile;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty proofNumberProperty() {
        return proofNumber;
    }

    public ReadOnlyObjectProperty<Path> importFileProperty() {
        return importFile;
    }

    public ObservableList<String> headers() {
        return headers;
    }

    public ObservableList<String> sheets() {
        return sheets;
    }

    /** The sheet the assistant shows and the import reads; change it with {@link #chooseSheet}. */
    public ReadOnlyStringProperty sheetProperty() {
        return sheet;
    }

    public ObservableMap<String, String> mapping() {
        return mapping;
    }

    public ReadOnlyObjectProperty<ImportReport> previewProperty() {
        return preview;
    }

    public ObservableList<ImportReport.RowFate> sample() {
        return sample;
    }

    Optional<Path> lastFile() {
        return Optional.ofNullable(lastFile.get());
    }
}
