package org.comptoir.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.LedgerHead;
import org.comptoir.consent.LedgerProblem;
import org.comptoir.consent.VerifyReport;
import org.comptoir.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code comptoir consent verify|checkpoint}: proves the consent ledger, and prints its head for keeping elsewhere. */
@Command(name = "consent", description = "Check the consent ledger.",
        subcommands = {ConsentCommand.Verify.class, ConsentCommand.Checkpoint.class})
public final class ConsentCommand {

    @ParentCommand
    ComptoirCommand root;

    @Command(name = "verify", description = "Prove the consent ledger: every hash and link, the numbering, the order "
            + "of dates, the head, the consent statuses and contacts derived from it, and the checkpoints; exit 1 "
            + "naming each row or person that differs (see docs/consent-ledger.md).")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        ConsentCommand consent;

        @Option(names = "--checkpoint", paramLabel = "FILE|SEQ:HASH|HASH",
                description = "A checkpoint kept elsewhere (a copy of ledger-checkpoints.txt, a line from a printout, "
                        + "or a hash alone) that the ledger must still extend. Repeatable.")
        List<String> checkpoints = new ArrayList<>();

        @Option(names = "--json", description = "Print JSON (keys: intact, rowsChecked, head, checkpointsChecked, problems).")
        boolean json;

        @Override
        public Integer call() throws JsonProcessingException {
            List<LedgerHead> kept = new ArrayList<>();
            for (String c : checkpoints) {
                kept.add(ConsentService.checkpointFrom(c));
            }
            VerifyReport report = consent.root.context().consent().verify(kept);
            Messages messages = consent.root.messages();
            var cmd = consent.root.spec.commandLine();
            if (json) {
                cmd.getOut().println(json(report, messages));
            } else if (report.intact()) {
                cmd.getOut().println(messages.get("cli.consent.verify.intact", report.rowsChecked()));
                cmd.getOut().println(messages.get("cli.consent.head", report.head().seq(), report.head().hash(),
                        String.valueOf(report.head().at())));
            } else {
                PrintWriter err = cmd.getErr();
                for (LedgerProblem problem : report.problems()) {
                    err.println(messages.get("cli.consent.verify.problem", problem.kind().name(),
                            messages.render(problem.message()))
                            + (problem.subject() == null ? "" : " " + messages.get("cli.consent.subject", problem.subject())));
                }
                if (report.problems().size() >= VerifyReport.MAX_PROBLEMS) {
                    err.println(messages.get("cli.consent.verify.more", VerifyReport.MAX_PROBLEMS));
                }
            }
            return report.intact() ? Cli.OK : Cli.FAILED;
        }
    }

    @Command(name = "checkpoint", description = "Print the ledger head (sequence, hash, time) and add it to the data "
            + "folder's ledger-checkpoints.txt; keep a copy elsewhere for 'consent verify --checkpoint'.")
    static final class Checkpoint implements Callable<Integer> {
        @ParentCommand
        ConsentCommand consent;

        @Override
        public Integer call() {
            ConsentService service = consent.root.context().consent();
            LedgerHead head = service.checkpoint();
            Messages messages = consent.root.messages();
            PrintWriter out = consent.root.spec.commandLine().getOut();
            out.println(messages.get("cli.consent.head", head.seq(), head.hash(), String.valueOf(head.at())));
            out.println(head.seq() + ":" + head.hash());
            out.println(messages.get("cli.consent.checkpoint.file", service.checkpointFile()));
            return Cli.OK;
        }
    }

    /** Stable keys in a fixed order, for scripts (a backup job, an export). */
    static String json(VerifyReport report, Messages messages) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("intact", report.intact());
        root.put("rowsChecked", report.rowsChecked());
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("seq", report.head().seq());
        head.put("hash", report.head().hash());
        head.put("at", report.head().at() == null ? null : report.head().at().toString());
        root.put("head", head);
        root.put("checkpointsChecked", report.checkpointsChecked());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (LedgerProblem p : report.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", p.seq());
            m.put("kind", p.kind().name());
            m.put("subject", p.subject());
            m.put("message", messages.render(p.message()));
            problems.add(m);
        }
        root.put("problems", problems);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }
}
