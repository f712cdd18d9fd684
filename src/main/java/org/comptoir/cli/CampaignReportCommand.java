package org.comptoir.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.comptoir.dispatch.OutboxReport;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code comptoir campaign report ID [--json]}: counts by state, and every message not sent or whose fate is unknown,
 * with its reason. A subcommand of {@code campaign}; it finds the root command through picocli's model, so it needs no
 * reference to its parent's class.
 */
@Command(name = "report", description = "What became of a campaign: counts by state, failures with reasons.")
public final class CampaignReportCommand implements Callable<Integer> {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The campaign's number (campaign list).")
    long id;

    @Option(names = "--json", description = "Print JSON (keys: id, name, status, total, counts, waitingUntil, waitingReason, problems).")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        ComptoirCommand root = (ComptoirCommand) spec.root().userObject();
        Messages messages = root.messages();
        PrintWriter out = spec.commandLine().getOut();
        OutboxReport.Summary r = root.context().sending().report().of(id)
                .orElseThrow(() -> new ComptoirException(UserMessage.of("dispatch.cli.report.unknown.campaign", id)));
        if (json) {
            out.println(json(r));
            return Cli.OK;
        }
        out.println(messages.get("dispatch.cli.report.head", r.campaignId(), r.name(), r.status(), r.total()));
        r.counts().forEach((state, n) -> out.println("  " + state + ": " + n));
        if (r.waitingUntil() != null) {
            out.println(messages.get("dispatch.cli.report.waiting", local(r.waitingUntil()), r.waitingReason()));
        }
        if (!r.problems().isEmpty()) {
            out.println(messages.get("dispatch.cli.report.problems"));
            for (OutboxReport.Problem p : r.problems()) {
                out.println("  #" + p.outboxId() + " " + p.recipient() + " " + p.state() + " " + p.reason()
                        + (p.error() == null ? "" : " — " + p.error()));
            }
        }
        return Cli.OK;
    }

    private static String local(Instant t) {
        return LOCAL.format(t.atZone(ZoneId.systemDefault()));
    }

    /** Stable keys, instants in UTC ISO-8601. */
    static String json(OutboxReport.Summary r) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", r.campaignId());
        root.put("name", r.name());
        root.put("status", r.status());
        root.put("total", r.total());
        root.put("counts", r.counts());
        root.put("waitingUntil", r.waitingUntil() == null ? null : r.waitingUntil().toString());
        root.put("waitingReason", r.waitingReason());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (OutboxReport.Problem p : r.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outboxId", p.outboxId());
            m.put("recipient", p.recipient());
            m.put("state", p.state());
            m.put("reason", p.reason());
            m.put("error", p.error());
            m.put("at", p.at() == null ? null : p.at().toString());
            problems.add(m);
        }
        root.put("problems", problems);
        return new ObjectMapper().writeValueAsString(root);
    }
}
