package org.comptoir.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.comptoir.consent.ImportedContact;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.phone.PhoneParse;

/**
 * The import's row rules, before the store is asked anything. The consent rule (README, "Import"):
 * <ul>
 *   <li>a row is opted in only when it carries an explicit consent: a consent date (a real date cell, or text in
 *       a French or ISO form) that is not in the future AND a consent source (where and how it was collected);
 *       if the file has a yes/no consent column, it must also say yes;</li>
 *   <li>a row with neither date nor source (or whose consent column says no) becomes a contact WITHOUT consent;</li>
 *   <li>a row with only one of date and source, a date that cannot be read, a "yes" without both, or a consent
 *       value that is neither yes nor no is refused, with its reason: half a proof is no proof, and guessing
 *       either way would be wrong.</li>
 * </ul>
 * Other refusals: no or invalid or non-mobile number, the same number twice in the file, names or tags too long.
 */
final class ImportRows {

    static final int NAME_MAX = 100;
    static final int TAG_MAX = 50;
    static final int SOURCE_MAX = 500;
    private static final Set<String> YES = Set.of("oui", "yes", "o", "y", "1", "x", "vrai", "true", "ok");
    private static final Set<String> NO = Set.of("non", "no", "n", "0", "faux", "false", "");

    /** A row the store will be asked about, with the file line it came from. */
    record Accepted(int line, ImportedContact contact) {
    }

    record Refused(int line, UserMessage reason) {
    }

    record Plan(List<Accepted> accepted, List<Refused> refused, int blank) {
    }

    private final PhoneNumbers numbers;
    private final LocalDate today;
    private final String file;

    ImportRows(PhoneNumbers numbers, LocalDate today, String file) {
        this.numbers = numbers;
        this.today = today;
        this.file = file;
    }

    Plan plan(SourceTable table, ImportColumns columns) {
        List<Accepted> accepted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int blank = 0;
        for (SourceTable.Row row : table.rows()) {
            if (row.blank()) {
                blank++;
                continue;
            }
            Object result = row(table.sheet(), row, columns, seen);
            if (result instanceof ImportedContact c) {
                accepted.add(new Accepted(row.line(), c));
            } else {
                refused.add(new Refused(row.line(), (UserMessage) result));
            }
        }
        return new Plan(accepted, refused, blank);
    }

    /** An {@link ImportedContact}, or the {@link UserMessage} saying why the row is refused. */
    private Object row(String sheet, SourceTable.Row row, ImportColumns columns, Map<String, Integer> seen) {
        String typed = text(row, columns, ImportField.PHONE);
        if (typed.isEmpty()) {
            return UserMessage.of("export.import.refused.no.number");
        }
        PhoneParse parse = numbers.parseMobile(typed);
        if (parse instanceof PhoneParse.Invalid invalid) {
            return invalid.reason();
        }
        var number = ((PhoneParse.Valid) parse).number();
        Integer first = seen.putIfAbsent(number.e164(), row.line());
        if (first != null) {
            return UserMessage.of("export.import.refused.duplicate", first);
        }
        String firstName = text(row, columns, ImportField.FIRST_NAME);
        String lastName = text(row, columns, ImportField.LAST_NAME);
        if (firstName.length() > NAME_MAX || lastName.length() > NAME_MAX) {
            return UserMessage.of("export.import.refused.name.too.long", NAME_MAX);
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String t : text(row, columns, ImportField.TAGS).split("[,;|]")) {
            String tag = t.strip();
            if (tag.length() > TAG_MAX) {
                return UserMessage.of("export.import.refused.tag.too.long", tag, TAG_MAX);
            }
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        Object consent = consent(sheet, row, columns);
        if (consent instanceof UserMessage refusal) {
            return refusal;
        }
        return new ImportedContact(number, emptyToNull(firstName), emptyToNull(lastName), tags, (String) consent);
    }

    /** The evidence to record (a String), null for no consent, or the refusal (a UserMessage). */
    private Object consent(String sheet, SourceTable.Row row, ImportColumns columns) {
        Optional<Boolean> said = Optional.empty();
        if (columns.of(ImportField.CONSENT).isPresent()) {
            String v = ImportField.normalise(text(row, columns, ImportField.CONSENT));
            if (YES.contains(v)) {
                said = Optional.of(true);
            } else if (NO.contains(v)) {
                return null; // the file says no (or nothing): never opted in, whatever else the row holds
            } else {
                return UserMessage.of("export.import.refused.consent.value", text(row, columns, ImportField.CONSENT));
            }
        }
        SourceTable.Cell dateCell = columns.of(ImportField.CONSENT_DATE).map(row::cell).orElse(SourceTable.Cell.EMPTY);
        String source = text(row, columns, ImportField.CONSENT_SOURCE);
        boolean hasDate = !dateCell.blank();
        boolean hasSource = !source.isEmpty();
        if (!hasDate && !hasSource) {
            return said.isPresent() ? UserMessage.of("export.import.refused.yes.without.proof") : null;
        }
        if (!hasDate) {
            return UserMessage.of("export.import.refused.no.date");
        }
        if (!hasSource) {
            return UserMessage.of("export.import.refused.no.source");
        }
        Optional<LocalDate> date = dateCell.date() != null ? Optional.of(dateCell.date()) : DateText.parse(dateCell.text());
        if (date.isEmpty()) {
            return UserMessage.of("export.import.refused.bad.date", dateCell.text().strip());
        }
        if (date.get().isAfter(today)) {
            return UserMessage.of("export.import.refused.future.date", date.get().toString());
        }
        if (source.length() > SOURCE_MAX) {
            return UserMessage.of("export.import.refused.source.too.long", SOURCE_MAX);
        }
        return "import file=" + file + "; sheet=" + sheet + "; row=" + row.line() + "; consent-date=" + date.get()
                + "; source=" + source;
    }

    private static String text(SourceTable.Row row, ImportColumns columns, ImportField field) {
        // a control character (a line break inside a cell, an escape code) would reach the terminal and the UI
        return columns.of(field).map(col -> row.cell(col).text().replaceAll("\\p{Cntrl}", " ").strip()).orElse("");
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
