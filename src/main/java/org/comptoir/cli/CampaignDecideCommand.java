package org.comptoir.cli;

import java.util.concurrent.Callable;
import org.comptoir.dispatch.Outbox;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code comptoir campaign decide MESSAGE-ID --sent|--again|--drop}: the owner's decision on a message whose fate is
 * unknown (listed by {@code campaign report}), audited. A subcommand of {@code campaign}.
 */
@Command(name = "decide", description = "Decide what became of a message of unknown fate (see campaign report).")
public final class CampaignDecideCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MESSAGE-ID", description = "The message's number (#… in campaign report).")
    long outboxId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = "--sent", description = "The customer got it: count it as sent.")
        boolean sent;
        @Option(names = "--again", description = "Send it again (the customer may get it twice).")
        boolean again;
        @Option(names = "--drop", description = "Do not send it.")
        boolean drop;
    }

    @Override
    public Integer call() {
        ComptoirCommand root = (ComptoirCommand) spec.root().userObject();
        Outbox.Decision decision = choice.sent ? Outbox.Decision.MARK_SENT
                : choice.again ? Outbox.Decision.SEND_AGAIN : Outbox.Decision.DROP;
        root.context().sending().outbox().decide(outboxId, decision, "cli");
        spec.commandLine().getOut().println(root.messages().get("dispatch.cli.decided", outboxId, decision));
        return Cli.OK;
    }
}
