package org.comptoir.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.comptoir.AppContext;
import org.comptoir.dispatch.SendingEngine;
import org.comptoir.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code comptoir send-due}: the weekly routine a shop schedules with the operating system. Collects received messages
 * first, then sends every due campaign through the configured gateway and exits when done or waiting for the next
 * allowed hour, with a summary. Exit code 1 when the gateway was not ready.
 */
@Command(name = "send-due", description = "Collect received SMS, then send every due campaign; exit when done or at a window edge.")
public final class SendDueCommand implements Callable<Integer> {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    ComptoirCommand root;

    @Option(names = "--max-minutes", defaultValue = "720", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    long maxMinutes;

    @Override
    public Integer call() {
        AppContext ctx = root.context();
        Messages messages = root.messages();
        PrintWriter out = root.spec.commandLine().getOut();
        SendingEngine.Summary s = ctx.sending().sendDue(Duration.ofMinutes(maxMinutes));
        out.println(messages.get("dispatch.cli.summary", s.sent(), s.failed(), s.skipped(), s.unknown()));
        if (s.gatewayNotReady()) {
            root.spec.commandLine().getErr().println(messages.get("dispatch.cli.gateway.not.ready"));
            return Cli.FAILED;
        }
        out.println(s.nextReady().map(t -> messages.get("dispatch.cli.next", LOCAL.format(t.atZone(ZoneId.systemDefault()))))
                .orElse(messages.get("dispatch.cli.done")));
        return Cli.OK;
    }
}
