package org.comptoir.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.comptoir.i18n.UserMessage;

/**
 * What an import did (or, for a dry run, would do).
 *
 * @param withConsent    new contacts opted in from the file's consent (OPT_IN, channel IMPORT)
 * @param withoutConsent new contacts without marketing consent
 * @param updated        existing contacts completed (tags, empty names); their consent unchanged
 * @param refused        rows refused, each with its reason in {@code refusalReport}
 * @param blank          empty rows skipped
 * @param refusalReport  the spreadsheet of refused rows, null when none was refused
 * @param columns        the header of each column used, by field
 * @param sample         the first rows and what each became, for the preview
 */
public record ImportReport(boolean dryRun, String sheet, long withConsent, long withoutConsent, long updated,
                           long refused, long blank, Path refusalReport, Map<ImportField, String> columns,
                           List<RowFate> sample) {

    /** One row of the file and what became of it (a refusal's reason, or the outcome). */
    public record RowFate(int line, String number, String firstName, UserMessage fate, boolean refused) {
    }
}
