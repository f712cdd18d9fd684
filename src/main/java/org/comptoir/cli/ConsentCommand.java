package org.comptoir.cli;

import java.util.concurrent.Callable;
import org.comptoir.consent.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code comptoir consent verify}: re-checks the whole consent ledger's hash chain. */
@Command(name = "consent", description = "Check the consent ledger.", subcommands = ConsentCommand.Verify.class)
public final class ConsentCommand {

    @ParentCommand
    ComptoirCommand root;

    @Command(name = "verify", description = "Recompute every hash of the consent ledger; exit 1 naming the first "
            + "row that was changed, deleted or added outside Comptoir.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        ConsentCommand consent;

        @Override
        public Integer call() {
            VerifyReport report = consent.root.context().consent().verify();
            var messages = consent.root.messages();
            var cmd = consent.root.spec.commandLine();
            if (report.intact()) {
                cmd.getOut().println(messages.get("cli.consent.verify.intact", report.rowsChecked()));
                return Cli.OK;
            }
            var problem = report.firstProblem().orElseThrow();
            cmd.getErr().println(messages.get("cli.consent.verify.problem", problem.kind().name(),
                    messages.render(problem.message())));
            return Cli.FAILED;
        }
    }
}
