package org.comptoir.export;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.ImportedContact;
import org.comptoir.consent.ImportedContact.Outcome;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * Imports contacts from an .xlsx, .xls or .csv file: the file is read and every row checked and decided first (a
 * malformed file is refused before anything is written) and the refusal report written; then transactions of
 * {@value #CHUNK} rows add the contacts, their tags and the consents the file proves ({@link ImportRows} states
 * the rule). A file of up to {@value #CHUNK} rows is all or nothing; a longer one stopped half-way (cancel, disk
 * error) has whole rows only, and importing the same file again finishes it without a second consent.
 *
 * <p>Thread-safe. Blocks on the disk and the database (minutes for 100,000 rows, see docs/performance.md):
 * call it from a worker thread, never the JavaFX thread. Throws {@link ComptoirException} with a sentence for
 * the owner naming the file and the place, {@link Cancelled} when cancelled.
 */
public final class ImportService {

    static final int SAMPLE = 20;
    static final int CHUNK = 5_000;

    private final Database db;
    private final ConsentService consent;
    private final Settings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final int maxRows;
    private final int chunk;

    public ImportService(Database db, ConsentService consent, Settings settings, Clock clock, ZoneId zone) {
        this(db, consent, settings, clock, zone, SourceReader.MAX_ROWS, CHUNK);
    }

    /** With a lower row limit and chunk size, so a test reaches them without files of 200,000 rows. */
    ImportService(Database db, ConsentService consent, Settings settings, Clock clock, ZoneId zone, int maxRows,
                  int chunk) {
        this.db = Objects.requireNonNull(db, "db");
        this.consent = Objects.requireNonNull(consent, "consent");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.maxRows = maxRows;
        this.chunk = chunk;
    }

    /** One sheet of a workbook, and whether its header can be imported as it is (a number column found). */
    public record Sheet(String name, List<String> header, boolean importable) {
    }

    /** As {@link #importContacts(Path, String, Map, boolean, Path, String, Progress)} with the sheet chosen alone. */
    public ImportReport importContacts(Path file, Map<String, String> mapping, boolean dryRun, Path refusalReport,
                                       String actor, Progress progress) {
        return importContacts(file, null, mapping, dryRun, refusalReport, actor, progress);
    }

    /**
     * @param sheet         the sheet to import by name; null: the only sheet whose header can be imported (throws,
     *                      naming the sheets, when several can or when none of several can)
     * @param mapping       column (header or letter) → field name or "ignore", over the recognised headers
     * @param dryRun        decide every row and write the refusal report, change nothing in the store
     * @param refusalReport where to write refused rows; null: beside the file, named after it
     * @param actor         who imports (audit trail)
     */
    public ImportReport importContacts(Path file, String sheet, Map<String, String> mapping, boolean dryRun,
                                       Path refusalReport, String actor, Progress progress) {
        return run(file, sheet, mapping, dryRun, true, refusalReport, actor, progress);
    }

    /** A dry run that writes no refusal report: what the import assistant shows before the owner confirms. */
    public ImportReport preview(Path file, String sheet, Map<String, String> mapping, Progress progress) {
        return run(file, sheet, mapping, true, false, null, "preview", progress);
    }

    /** Every sheet of {@code file} with its header, for the import screen's choice; throws on a malformed file. */
    public List<Sheet> sheets(Path file, Map<String, String> mapping) {
        String name = file.getFileName().toString();
        return new SourceReader(maxRows).sheets(file).stream()
                .map(s -> new Sheet(s.name(), s.header(), importable(s.header(), mapping, name))).toList();
    }

    /** The sheet {@code file} would be imported from with {@code sheet} (null: chosen alone), for the assistant. */
    public Sheet sheet(Path file, String sheet, Map<String, String> mapping) {
        String name = file.getFileName().toString();
        List<SourceReader.SheetHeader> all = new SourceReader(maxRows).sheets(file);
        SourceReader.SheetHeader chosen = all.get(SourceReader.chooser(name, sheet,
                h -> importable(h, mapping, name)).choose(all));
        return new Sheet(chosen.name(), chosen.header(), importable(chosen.header(), mapping, name));
    }

    /** The field a header is recognised as without a mapping, if any. */
    public static java.util.Optional<ImportField> recognised(String header) {
        return ImportField.forHeader(header);
    }

    private static boolean importable(List<String> header, Map<String, String> mapping, String file) {
        try {
            ImportColumns.from(header, mapping, file);
            return true;
        } catch (ComptoirException notThisOne) {
            return false;
        }
    }

    private ImportReport run(Path file, String sheet, Map<String, String> mapping, boolean dryRun, boolean writeReport,
                             Path refusalReport, String actor, Progress progress) {
        Messages m = Messages.forLanguage(settings.get(CoreSettings.UI_LANGUAGE));
        String name = file.getFileName().toString();
        progress.update(0, 0);
        SourceTable table = new SourceReader(maxRows).read(file, SourceReader.chooser(name, sheet,
                h -> importable(h, mapping, name)));
        Cancelled.check(progress);
        ImportColumns columns = ImportColumns.from(table.header(), mapping, name);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        ImportRows.Plan plan = new ImportRows(new PhoneNumbers(settings.get(CoreSettings.SHOP_COUNTRY)), today, name)
                .plan(table, columns);
        Cancelled.check(progress);
        List<ImportedContact> contacts = plan.accepted().stream().map(ImportRows.Accepted::contact).toList();
        long total = contacts.size();
        Path reportPath = refusalReport != null ? refusalReport : defaultReport(file, m);
        // 1. every row decided without writing, and the refusal report written, before anything changes
        List<Outcome> planned = consent.importContacts(contacts, null, true, done -> {
            progress.update(done, total * 2);
            Cancelled.check(progress);
        }, decided -> { });
        List<RefusalWorkbook.Refusal> refusals = new ArrayList<>(refusals(plan, planned));
        if (writeReport && !refusals.isEmpty()) {
            RefusalWorkbook.write(reportPath, m, table, refusals);
        }
        List<Outcome> outcomes = dryRun ? planned : apply(contacts, total, progress, name, actor);
        if (!outcomes.equals(planned)) {
            // a STOP or an erasure landed between the two passes: the apply's decisions are the ones that hold
            refusals.clear();
            refusals.addAll(refusals(plan, outcomes));
            if (writeReport && !refusals.isEmpty()) {
                RefusalWorkbook.write(reportPath, m, table, refusals);
            }
        }
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        outcomes.forEach(o -> counts.merge(o, 1L, Long::sum));
        ImportReport report = new ImportReport(dryRun, table.sheet(), counts.getOrDefault(Outcome.OPTED_IN, 0L),
                counts.getOrDefault(Outcome.ADDED_WITHOUT_CONSENT, 0L), counts.getOrDefault(Outcome.UPDATED, 0L),
                refusals.size(), plan.blank(), refusals.isEmpty() || !writeReport ? null : reportPath, headers(table, columns),
                sample(plan, outcomes, refusals, table, columns));
        if (!dryRun) {
            // counts and the file's name only: the audit trail keeps no personal data
            db.withConnection(c -> Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) "
                    + "VALUES (?, ?, ?, ?)", clock.instant(), actor, "IMPORT", "contacts from " + name + ": "
                    + report.withConsent() + " with consent, " + report.withoutConsent() + " without consent, "
                    + report.updated() + " updated, " + report.refused() + " refused"));
        }
        return report;
    }

    /**
     * Writes in transactions of {@value #CHUNK} rows: H2 keeps every page an open transaction touched, so one
     * transaction of 100,000 rows grew the file past a gigabyte and failed at COMMIT on a loaded machine. Each
     * chunk is all or nothing, and an import stopped half-way (cancelled, a disk error) is resumed by importing
     * the same file again: rows already in are "already known" and change no consent.
     */
    private List<Outcome> apply(List<ImportedContact> contacts, long total, Progress progress, String name,
                                String actor) {
        List<Outcome> outcomes = new ArrayList<>(contacts.size());
        for (int start = 0; start < contacts.size(); start += chunk) {
            long base = start;
            List<ImportedContact> rows = contacts.subList(start, Math.min(contacts.size(), start + chunk));
            try {
                outcomes.addAll(consent.importContacts(rows, null, false, done -> {
                    progress.update(total + base + done, total * 2);
                    Cancelled.check(progress); // inside the chunk's transaction: throwing rolls the chunk back
                }, decided -> { }));
            } catch (RuntimeException e) {
                if (start == 0) {
                    throw e; // nothing was written
                }
                db.withConnection(c -> Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) "
                        + "VALUES (?, ?, ?, ?)", clock.instant(), actor, "IMPORT", "contacts from " + name
                        + ": stopped after " + base + " of " + contacts.size() + " rows"));
                throw new ComptoirException(UserMessage.of("export.import.error.partial", name, base,
                        contacts.size()), e);
            }
        }
        return outcomes;
    }

    /** The file's own refusals and the store's (STOP, erased, refused), in file order. */
    private static List<RefusalWorkbook.Refusal> refusals(ImportRows.Plan plan, List<Outcome> decided) {
        List<RefusalWorkbook.Refusal> all = new ArrayList<>();
        plan.refused().forEach(r -> all.add(new RefusalWorkbook.Refusal(r.line(), r.reason())));
        for (int i = 0; i < decided.size(); i++) {
            if (decided.get(i).refused()) {
                all.add(new RefusalWorkbook.Refusal(plan.accepted().get(i).line(), reason(decided.get(i))));
            }
        }
        all.sort(Comparator.comparingInt(RefusalWorkbook.Refusal::line));
        return all;
    }

    static UserMessage reason(Outcome o) {
        return UserMessage.of("export.import.outcome." + o.name());
    }

    private static Map<ImportField, String> headers(SourceTable table, ImportColumns columns) {
        Map<ImportField, String> h = new EnumMap<>(ImportField.class);
        columns.columns().forEach((f, col) -> h.put(f, table.header().get(col)));
        return h;
    }

    private static List<ImportReport.RowFate> sample(ImportRows.Plan plan, List<Outcome> outcomes,
                                                     List<RefusalWorkbook.Refusal> refusals, SourceTable table,
                                                     ImportColumns columns) {
        List<ImportReport.RowFate> fates = new ArrayList<>();
        for (int i = 0; i < plan.accepted().size() && fates.size() < SAMPLE; i++) {
            ImportRows.Accepted a = plan.accepted().get(i);
            Outcome o = outcomes.get(i);
            fates.add(new ImportReport.RowFate(a.line(), a.contact().number().e164(), a.contact().firstName(),
                    reason(o), o.refused()));
        }
        for (RefusalWorkbook.Refusal r : refusals) {
            if (r.line() > lastLine(fates) && fates.size() >= SAMPLE) {
                break; // refusals come in file order: the rest are past the sample
            }
            if (fates.stream().noneMatch(f -> f.line() == r.line())) {
                // a refused row shows what the file holds, so the owner recognises it
                SourceTable.Row row = table.rows().stream().filter(x -> x.line() == r.line()).findFirst().orElse(null);
                fates.add(new ImportReport.RowFate(r.line(), raw(row, columns, ImportField.PHONE),
                        raw(row, columns, ImportField.FIRST_NAME), r.reason(), true));
            }
        }
        fates.sort(Comparator.comparingInt(ImportReport.RowFate::line));
        return List.copyOf(fates.subList(0, Math.min(SAMPLE, fates.size())));
    }

    private static int lastLine(List<ImportReport.RowFate> fates) {
        return fates.stream().mapToInt(ImportReport.RowFate::line).max().orElse(0);
    }

    private static String raw(SourceTable.Row row, ImportColumns columns, ImportField field) {
        if (row == null) {
            return null;
        }
        String text = columns.of(field).map(c -> row.cell(c).text().strip()).orElse("");
        return text.isEmpty() ? null : text;
    }

    private Path defaultReport(Path file, Messages m) {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String at = DateTimeFormatter.ofPattern("uuuu-MM-dd HH-mm-ss").format(LocalDateTime.ofInstant(clock.instant(), zone));
        return file.toAbsolutePath().resolveSibling(ExportService.safeFileName(m.get("export.file.refusals", stem, at)));
    }
}
