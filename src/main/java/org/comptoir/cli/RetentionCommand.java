package org.comptoir.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.comptoir.consent.Retention;
import org.comptoir.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code comptoir retention list|erase}: contacts silent for the retention period, and their erasure. */
@Command(name = "retention", description = "Contacts with no interaction for consent.retention-months.",
        subcommands = {RetentionCommand.ListCommand.class, RetentionCommand.Erase.class})
public final class RetentionCommand {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    @ParentCommand
    ComptoirCommand root;

    @Command(name = "list", description = "Contacts to renew or erase, the longest silent first.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        RetentionCommand retention;

        @Option(names = "--json", description = "Print JSON (a list of: number, firstName, status, lastInteraction).")
        boolean json;

        @Override
        public Integer call() throws JsonProcessingException {
            List<Retention.Candidate> due = retention.root.context().consentSms().retention().due();
            PrintWriter out = retention.root.spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (Retention.Candidate c : due) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("number", c.number().e164());
                    m.put("firstName", c.firstName());
                    m.put("status", c.status() == null ? null : c.status().name());
                    m.put("lastInteraction", c.lastInteraction().toString());
                    list.add(m);
                }
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list));
            } else {
                print(out, retention.root.messages(), due);
            }
            return Cli.OK;
        }
    }

    @Command(name = "erase", description = "Erase every contact on the list; without --yes, only shows who would be.")
    static final class Erase implements Callable<Integer> {
        @ParentCommand
        RetentionCommand retention;

        @Option(names = "--yes", description = "Confirm the erasure.")
        boolean yes;

        @Override
        public Integer call() {
            var app = retention.root.context();
            Messages m = retention.root.messages();
            PrintWriter out = retention.root.spec.commandLine().getOut();
            List<Retention.Candidate> due = app.consentSms().retention().due();
            if (!yes) {
                print(out, m, due);
                out.println(m.get("inbox.retention.confirm", due.size()));
                return due.isEmpty() ? Cli.OK : Cli.USAGE;
            }
            int erased = app.consentSms().retention().eraseConfirmed(due, "cli");
            out.println(m.get("inbox.retention.erased", erased));
            return Cli.OK;
        }
    }

    private static void print(PrintWriter out, Messages m, List<Retention.Candidate> due) {
        out.println(m.get("inbox.retention.count", due.size()));
        for (Retention.Candidate c : due) {
            out.println(m.get("inbox.retention.line", c.number().e164(), c.firstName() == null ? "" : c.firstName(),
                    DAY.format(c.lastInteraction().atZone(ZoneId.systemDefault()))));
        }
    }
}
