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
 * Imports contacts from an .xlsx, .xls or .csv file, all or nothing: the file is read and every row checked
 * first (a malformed file is refused before anything is written), then one transaction adds the contacts, their
 * tags and the consents the file proves ({@link ImportRows} states the rule), and writes the refusal report; if
 * anything fails or the person cancels, the store is left exactly as it was.
 *
 * <p>Thread-safe. Blocks on the disk and the database (about 10 s for 100,000 rows, see docs/performance.md):
 * call it from a worker thread, never the JavaFX thread. Throws {@link ComptoirException} with a sentence for
 * the owner naming the file and the place, {@link Cancelled} when cancelled.
 */
public final class ImportService {

    static final int SAMPLE = 20;

    private final Database db;
    private final ConsentService consent;
    private final Settings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final int maxRows;

    public ImportService(Database db, ConsentService consent, Settings settings, Clock clock, ZoneId zone) {
        this(db, consent, settings, clock, zone, SourceReader.MAX_ROWS);
    }

    /** With a lower row limit, so a test reaches it without a file of 200,000 rows. */
    ImportService(Database db, ConsentService consent, Settings settings, Clock clock, ZoneId zone, int maxRows) {
        this.db = Objects.requireNonNull(db, "db");
        this.consent = Objects.requireNonNull(consent, "consent");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.maxRows = maxRows;
    }

    /**
     * @param mapping       column (header or letter) → field name or "ignore", over the recognised headers
     * @param dryRun        decide every row and write the refusal report, change nothing in the store
     * @param refusalReport where to write refused rows; null: beside the file, named after it
     * @param actor         who imports (audit trail)
     */
    public ImportReport importContacts(Path file, Map<String, String> mapping, boolean dryRun, Path refusalReport,
                                       String actor, Progress progress) {
        return run(file, mapping, dryRun, true, refusalReport, actor, progress);
    }

    /** A dry run that writes no refusal report: what the import assistant shows before the owner confirms. */
    public ImportReport preview(Path file, Map<String, String> mapping, Progress progress) {
        return run(file, mapping, true, false, null, "preview", progress);
    }

    /** The header row of {@code file} (its first sheet), for the mapping assistant; throws on a malformed file. */
    public List<String> headers(Path file) {
        return new SourceReader(maxRows).read(file).header();
    }

    /** The field a header is recognised as without a mapping, if any. */
    public static java.util.Optional<ImportField> recognised(String header) {
        return ImportField.forHeader(header);
    }

    private ImportReport run(Path file, Map<String, String> mapping, boolean dryRun, boolean writeReport,
                             Path refusalReport, String actor, Progress progress) {
        Messages m = Messages.forLanguage(settings.get(CoreSettings.UI_LANGUAGE));
        String name = file.getFileName().toString();
        progress.update(0, 0);
        SourceTable table = new SourceReader(maxRows).read(file);
        Cancelled.check(progress);
        ImportColumns columns = ImportColumns.from(table.header(), mapping, name);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        ImportRows.Plan plan = new ImportRows(new PhoneNumbers(settings.get(CoreSettings.SHOP_COUNTRY)), today, name)
                .plan(table, columns);
        Cancelled.check(progress);
        List<ImportedContact> contacts = plan.accepted().stream().map(ImportRows.Accepted::contact).toList();
        long total = contacts.size();
        Path reportPath = refusalReport != null ? refusalReport : defaultReport(file, m);
        List<RefusalWorkbook.Refusal> refusals = new ArrayList<>();
        List<Outcome> outcomes = consent.importContacts(contacts, null, dryRun, done -> {
            progress.update(done, total);
            Cancelled.check(progress); // inside the transaction: throwing rolls everything back
        }, decided -> {
            refusals.addAll(refusals(plan, decided));
            if (writeReport && !refusals.isEmpty()) {
                // inside the transaction: a report that cannot be written undoes the import, nothing is half done
                RefusalWorkbook.write(reportPath, m, table, refusals);
            }
        });
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
