package org.comptoir.export;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.comptoir.consent.ConsentService;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * Exports to Excel for audits and disputes: the consent register (a workbook of five sheets) and the
 * one-customer proof. Each export is recorded in the audit trail once its file is complete.
 *
 * <p>Thread-safe. Every method blocks on the database and the disk (about a second per 20,000 ledger events,
 * plus the chain check): call it from a worker thread, never the JavaFX thread. Memory stays bounded whatever
 * the size of the ledger (rows are streamed from the database into a streaming workbook). Failures throw
 * {@link ComptoirException} with a message for the owner; a cancelled job throws {@link Cancelled}. Neither
 * leaves a file under the chosen name.
 */
public final class ExportService {

    /** What an export wrote. */
    public record Result(Path file, long rows, long headSeq, String headHash, boolean chainIntact) {
    }

    private final Database db;
    private final ConsentService consent;
    private final Settings settings;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the shop's time zone, for the "local time" columns and the day filter */
    public ExportService(Database db, ConsentService consent, Settings settings, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.consent = Objects.requireNonNull(consent, "consent");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Writes the consent register to {@code file}: cover, register (events of {@code range}, up to the head
     * printed on the cover), contacts, wordings, campaigns. {@code actor} names who asked (audit trail, cover).
     */
    public Result exportRegister(Path file, DateRange range, String actor, Progress progress) {
        Messages m = messages();
        Instant now = clock.instant();
        // the chain check (a walk of the whole ledger) runs on its own thread while the sheets are written: on the
        // till's two cores the export took the sum of both (docs/performance.md, "Excel", third pass)
        ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "export-chain-check");
            t.setDaemon(true);
            return t;
        });
        LedgerCheckpoint head = LedgerCheckpoint.start(consent, checker);
        RegisterWorkbook.Counts counts;
        try (Workbooks wb = new Workbooks(m.locale())) {
            Cover cover = new Cover(m, shop(), now, zone, actor);
            counts = Snapshot.read(db, c -> new RegisterWorkbook(m, zone).write(wb, c, cover, range, head, progress));
            Cancelled.check(progress);
            wb.saveAs(file);
        } finally {
            checker.shutdown(); // a cancelled export's check finishes on its own and its result is dropped
        }
        audit(now, actor, "consent register " + range(range) + ": " + counts.events() + " events, ledger seq "
                + head.seq() + ", " + (head.check().intact() ? "chain intact" : "CHAIN BROKEN") + ", file "
                + file.getFileName());
        return new Result(file, counts.events(), head.seq(), head.hash(), head.check().intact());
    }

    /**
     * Writes the proof for the person whose number is {@code number} ({@code typed} is how the owner wrote it).
     * Works after an erasure or a STOP: the person is found by the keyed hash of the number. Throws when the
     * ledger has no event for that number.
     */
    public Result exportProof(PhoneNumber number, String typed, Path file, String actor, Progress progress) {
        Messages m = messages();
        Instant now = clock.instant();
        String subject = consent.subjectOf(number);
        long known = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM consent_event WHERE subject = ?",
                subject));
        if (known == 0) {
            throw new ComptoirException(UserMessage.of("export.error.proof.unknown", typed));
        }
        LedgerCheckpoint head = LedgerCheckpoint.take(consent);
        Cover cover = new Cover(m, shop(), now, zone, actor);
        long events;
        try (Workbooks wb = new Workbooks(m.locale())) {
            events = Snapshot.read(db, c -> new ProofWorkbook(m, zone).write(wb, c, cover,
                    new ProofWorkbook.Person(typed, number.e164(), subject), head));
            Cancelled.check(progress);
            wb.saveAs(file);
        }
        // the subject, not the number: the audit trail outlives an erasure and must hold no personal data
        audit(now, actor, "consent proof for subject " + subject.substring(0, 12) + "…: " + events
                + " events, ledger seq " + head.seq() + ", file " + file.getFileName());
        return new Result(file, events, head.seq(), head.hash(), head.check().intact());
    }

    /** {@code <shop> - registre des consentements - 2026-12-01.xlsx} (in the UI language), safe on every OS. */
    public String registerFileName() {
        return fileName("export.file.register");
    }

    /** {@code <shop> - preuve de consentement - 2026-12-01.xlsx}. */
    public String proofFileName() {
        return fileName("export.file.proof");
    }

    private String fileName(String key) {
        String shop = shop().isBlank() ? "Comptoir" : shop();
        return safeFileName(messages().get(key, shop, LocalDate.ofInstant(clock.instant(), zone).toString()));
    }

    /** Characters Windows, macOS or Linux refuse in a file name become "_". */
    static String safeFileName(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    }

    private void audit(Instant at, String actor, String detail) {
        db.withConnection(c -> Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES (?, ?, ?, ?)",
                at, actor, "EXPORT", detail));
    }

    private static String range(DateRange range) {
        return range.isAll() ? "(all)" : "(" + (range.from() == null ? "" : range.from()) + ".."
                + (range.to() == null ? "" : range.to()) + ")";
    }

    private String shop() {
        return settings.get(CoreSettings.SHOP_NAME).strip();
    }

    private Messages messages() {
        return Messages.forLanguage(settings.get(CoreSettings.UI_LANGUAGE));
    }
}
