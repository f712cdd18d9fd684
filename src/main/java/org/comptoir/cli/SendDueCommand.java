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
 * allowed hour, with a summary; when the modem's daily or monthly cap is reached it exits too, saying so and when sending
 * resumes (exit code 0: nothing is wrong). Exit code 1 when the gateway was not ready.
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
        out.println(afterSummary(s, messages, ZoneId.systemDefault()));
        return Cli.OK;
    }

    /**
     * The line after the counts: the modem's cap that ended the run and when it lifts (the run ends rather than wait
     * until midnight or the 1st: the scheduler's next run sends the rest), else the next possible send, else done.
     */
    static String afterSummary(SendingEngine.Summary s, Messages messages, ZoneId zone) {
        if (s.capReached().isPresent()) {
            var cap = s.capReached().get();
            return messages.render(cap.reason()) + System.lineSeparator()
                    + messages.get("dispatch.cli.cap.resume", LOCAL.format(cap.notBefore().atZone(zone)));
        }
        return s.nextReady().map(t -> messages.get("dispatch.cli.next", LOCAL.format(t.atZone(zone))))
                .orElse(messages.get("dispatch.cli.done"));
    }
}
