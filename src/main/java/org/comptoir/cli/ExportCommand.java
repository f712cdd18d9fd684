package org.comptoir.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.comptoir.AppContext;
import org.comptoir.export.DateRange;
import org.comptoir.export.DateText;
import org.comptoir.export.ExportService;
import org.comptoir.export.Progress;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneParse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code comptoir export consents|proof}: the consent register, or one person's proof, as an Excel workbook.
 * Exit 1 also when the file was written but the chain check found the ledger altered: scripts must notice.
 */
@Command(name = "export", description = "Export the consent register or a one-customer proof to Excel.",
        subcommands = {ExportCommand.Consents.class, ExportCommand.Proof.class})
public final class ExportCommand {

    static final String ACTOR = "cli";

    @ParentCommand
    ComptoirCommand root;

    @Command(name = "consents", description = "The consent register: cover (ledger head, chain check), every "
            + "event, the contacts, the wordings, the campaigns.")
    static final class Consents implements Callable<Integer> {
        @ParentCommand
        ExportCommand export;

        @Option(names = "--out", paramLabel = "FILE.xlsx",
                description = "Where to write (a folder: the default name inside it). Default: the shop and date, here.")
        Path out;

        @Option(names = "--from", paramLabel = "DATE", description = "First day kept (local time), e.g. 2026-01-31 or 31/01/2026.")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day kept (local time).")
        String to;

        @Override
        public Integer call() {
            AppContext ctx = export.root.context();
            DateRange range = new DateRange(day(from), day(to));
            ExportService exports = ctx.exports();
            Path file = target(out, exports.registerFileName());
            ExportService.Result r = exports.exportRegister(file, range, ACTOR, Progress.NONE);
            return report(export.root, r, "cli.export.done");
        }
    }

    @Command(name = "proof", description = "Every consent event of one number, with the full wordings and hashes, "
            + "also after a STOP or an erasure.")
    static final class Proof implements Callable<Integer> {
        @ParentCommand
        ExportCommand export;

        @Parameters(index = "0", paramLabel = "NUMBER", description = "As typed at the till, e.g. \"06 12 34 56 78\".")
        String typed;

        @Option(names = "--out", paramLabel = "FILE.xlsx", description = "Where to write (a folder: the default name inside it).")
        Path out;

        @Override
        public Integer call() {
            AppContext ctx = export.root.context();
            PhoneParse parse = ctx.phoneNumbers().parseMobile(typed);
            if (parse instanceof PhoneParse.Invalid invalid) {
                throw new ComptoirException(invalid.reason());
            }
            ExportService exports = ctx.exports();
            Path file = target(out, exports.proofFileName());
            ExportService.Result r = exports.exportProof(((PhoneParse.Valid) parse).number(), typed.strip(), file,
                    ACTOR, Progress.NONE);
            return report(export.root, r, "cli.export.proof.done");
        }
    }

    static LocalDate day(String typed) {
        if (typed == null) {
            return null;
        }
        return DateText.parse(typed).orElseThrow(() -> new ComptoirException(UserMessage.of("export.error.date", typed)));
    }

    private static Path target(Path out, String defaultName) {
        if (out == null) {
            return Path.of(defaultName);
        }
        return Files.isDirectory(out) ? out.resolve(defaultName) : out;
    }

    private static int report(ComptoirCommand root, ExportService.Result r, String doneKey) {
        Messages m = root.messages();
        var cmd = root.spec.commandLine();
        cmd.getOut().println(m.get(doneKey, r.rows(), r.file().toAbsolutePath()));
        cmd.getOut().println(m.get("cli.export.head", r.headSeq(), r.headHash()));
        if (!r.chainIntact()) {
            cmd.getErr().println(m.get("cli.export.chain.broken"));
            return Cli.FAILED;
        }
        return Cli.OK;
    }
}
