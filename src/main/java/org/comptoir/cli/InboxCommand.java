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
import org.comptoir.AppContext;
import org.comptoir.consent.Inbox;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.ModemSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code comptoir inbox list|sync|stop|read}: the received SMS, what was done with each, the owner's decisions. */
@Command(name = "inbox", description = "Received SMS: list them, collect new ones, decide on those that wait.",
        subcommands = {InboxCommand.ListCommand.class, InboxCommand.Sync.class, InboxCommand.Stop.class,
                InboxCommand.Read.class})
public final class InboxCommand {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    ComptoirCommand root;

    PrintWriter out() {
        return root.spec.commandLine().getOut();
    }

    @Command(name = "list", description = "The latest received SMS with what was done with each.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        InboxCommand inbox;

        @Option(names = "--json", description = "Print JSON (a list of: id, sender, text, receivedAt, handledAs, waiting).")
        boolean json;

        @Option(names = "--waiting", description = "Only the replies waiting for the owner's decision.")
        boolean waitingOnly;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50")
        int limit;

        @Override
        public Integer call() throws JsonProcessingException {
            List<Inbox.Entry> entries = inbox.root.context().consentSms().inbox().list(limit, waitingOnly);
            if (json) {
                inbox.out().println(json(entries));
            } else {
                print(inbox.out(), inbox.root.messages(), entries);
            }
            return Cli.OK;
        }
    }

    @Command(name = "sync", description = "Collect what waits at the configured gateway (the SIM's stored SMS), act on "
            + "every message not handled yet, and print what was done.")
    static final class Sync implements Callable<Integer> {
        @ParentCommand
        InboxCommand inbox;

        @Override
        public Integer call() {
            AppContext app = inbox.root.context();
            Messages m = inbox.root.messages();
            String gateway = app.settings().get(ModemSettings.GATEWAY);
            if (gateway.equals("modem") || gateway.equals("http")) {
                // the gateway's owner collects: its listener stores each message before the SIM or the provider lets
                // it go, and records a provider's opt-outs once
                app.sending().collectInbound();
            } else {
                inbox.out().println(m.get("inbox.cli.sync.no.gateway", gateway));
            }
            List<Inbox.Entry> handled = app.consentSms().inbox().routeUnhandled();
            inbox.out().println(m.get("inbox.cli.sync.done", handled.size()));
            print(inbox.out(), m, handled);
            return Cli.OK;
        }
    }

    /** An owner's decision on waiting reply {@code id}: STOP or read. */
    abstract static class Decision implements Callable<Integer> {
        @ParentCommand
        InboxCommand inbox;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        abstract Inbox.Entry decide(Inbox box, long id);

        @Override
        public Integer call() {
            Inbox.Entry e = decide(inbox.root.context().consentSms().inbox(), id);
            Messages m = inbox.root.messages();
            inbox.out().println(m.get("inbox.cli.decided", e.id(), m.get("inbox.handled." + e.handledAs())));
            return Cli.OK;
        }
    }

    @Command(name = "stop", description = "Treat a waiting reply as a STOP: record the opt-out and confirm it.")
    static final class Stop extends Decision {
        @Override
        Inbox.Entry decide(Inbox box, long id) {
            return box.treatAsStop(id, "cli");
        }
    }

    @Command(name = "read", description = "Mark a waiting reply as read: nothing is to be done.")
    static final class Read extends Decision {
        @Override
        Inbox.Entry decide(Inbox box, long id) {
            return box.markRead(id, "cli");
        }
    }

    private static void print(PrintWriter out, Messages m, List<Inbox.Entry> entries) {
        if (entries.isEmpty()) {
            out.println(m.get("inbox.cli.empty"));
        }
        for (Inbox.Entry e : entries) {
            String handled = e.handledAs() == null ? m.get("inbox.handled.none") : m.get("inbox.handled." + e.handledAs());
            out.println(m.get("inbox.cli.line", e.id(), LOCAL.format(e.receivedAt().atZone(ZoneId.systemDefault())),
                    e.sender(), handled + (e.waiting() ? " ⚑" : ""), e.text().replace('\n', ' ')));
        }
    }

    /** Stable keys, instants in UTC ISO-8601. */
    static String json(List<Inbox.Entry> entries) throws JsonProcessingException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Inbox.Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("sender", e.sender());
            m.put("text", e.text());
            m.put("receivedAt", e.receivedAt().toString());
            m.put("handledAs", e.handledAs());
            m.put("waiting", e.waiting());
            list.add(m);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list);
    }
}
