package org.comptoir.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.comptoir.export.ImportReport;
import org.comptoir.export.Progress;
import org.comptoir.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code comptoir import contacts FILE [--dry-run] [--map COLUMN=FIELD ...]}: contacts from a spreadsheet,
 * all or nothing; prints the counts and where the refused rows were written. Exit 1 when the file is refused.
 */
@Command(name = "import", description = "Import contacts from a spreadsheet.", subcommands = ImportCommand.Contacts.class)
public final class ImportCommand {

    @ParentCommand
    ComptoirCommand root;

    @Command(name = "contacts", description = "Contacts from .xlsx, .xls or .csv. A row is opted in only with a "
            + "consent date AND a consent source; otherwise it is imported without consent. STOPped or erased numbers "
            + "are never re-subscribed.")
    static final class Contacts implements Callable<Integer> {
        @ParentCommand
        ImportCommand parent;

        @Parameters(index = "0", paramLabel = "FILE", description = "The spreadsheet (first non-empty row = headers).")
        Path file;

        @Option(names = "--sheet", paramLabel = "NAME", description = "The sheet to import (default: the only sheet "
                + "whose columns are recognised).")
        String sheet;

        @Option(names = "--dry-run", description = "Check every row and write the refusal report; change nothing.")
        boolean dryRun;

        @Option(names = "--map", paramLabel = "COLUMN=FIELD", description = "A column (header or letter) to a field: "
                + "phone, first-name, last-name, consent, consent-date, consent-source, tags, or ignore.")
        Map<String, String> map = new LinkedHashMap<>();

        @Option(names = "--refusals", paramLabel = "FILE.xlsx", description = "Where to write refused rows "
                + "(default: beside FILE).")
        Path refusals;

        @Override
        public Integer call() {
            ImportReport r = parent.root.context().imports().importContacts(file, sheet, map, dryRun, refusals, "cli",
                    Progress.NONE);
            Messages m = parent.root.messages();
            var out = parent.root.spec.commandLine().getOut();
            out.println(m.get(dryRun ? "cli.import.dry.run" : "cli.import.done", file.getFileName(), r.sheet()));
            out.println(m.get("cli.import.with.consent", r.withConsent()));
            out.println(m.get("cli.import.without.consent", r.withoutConsent()));
            out.println(m.get("cli.import.updated", r.updated()));
            out.println(m.get("cli.import.refused", r.refused()));
            if (r.refusalReport() != null) {
                out.println(m.get("cli.import.report", r.refusalReport().toAbsolutePath()));
            }
            return Cli.OK;
        }
    }
}
