package org.comptoir.cli;

import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.comptoir.AppContext;
import org.comptoir.dispatch.HttpGatewayFactory;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.http.AccountCheck;
import org.comptoir.gateway.http.HttpGateway;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.CoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code comptoir http test|send}: check the SMS provider's credentials, or send one SMS through it. */
@Command(name = "http", description = "Check or try the SMS provider chosen in the settings (http.provider).",
        subcommands = {HttpCommand.Test.class, HttpCommand.Send.class})
public final class HttpCommand {

    @ParentCommand
    ComptoirCommand root;

    /** Runs {@code use} on a gateway built from the saved settings, closed afterwards. */
    int withGateway(GatewayUse use) {
        AppContext app = root.context();
        try (HttpGateway gateway = HttpGatewayFactory.create(app.settings())) {
            return use.run(app, gateway, root.messages(), root.spec.commandLine().getOut());
        }
    }

    @FunctionalInterface
    interface GatewayUse {
        int run(AppContext app, HttpGateway gateway, Messages m, PrintWriter out);
    }

    @Command(name = "test", description = "Check the provider's credentials and print the remaining credit; exit 1 on a problem.")
    static final class Test implements Callable<Integer> {
        @ParentCommand
        HttpCommand http;

        @Override
        public Integer call() {
            return http.withGateway((app, gateway, m, out) -> {
                String name = gateway.config().provider();
                out.println(m.get("http.test.checking", name));
                out.flush();
                try {
                    AccountCheck check = gateway.checkAccount();
                    if (!check.checked()) {
                        out.println(m.get("http.test.no.check", name));
                        return Cli.OK;
                    }
                    out.println(m.get("http.test.ok", name));
                    out.println(check.credit().map(c -> m.get("http.test.credit", c))
                            .orElse(m.get("http.test.no.credit", name)));
                    return Cli.OK;
                } catch (ComptoirException e) {
                    out.println(m.get("http.test.failed", m.render(e.userMessage())));
                    return Cli.FAILED;
                }
            });
        }
    }

    @Command(name = "send", description = "Send one SMS through the provider (the path campaigns use).")
    static final class Send implements Callable<Integer> {
        @ParentCommand
        HttpCommand http;

        @Option(names = "--to", required = true, paramLabel = "NUMBER", description = "Mobile number, e.g. 06 12 34 56 78.")
        String to;

        @Option(names = "--sender", paramLabel = "NAME", description = "Alphanumeric sender, where the provider allows one.")
        String sender;

        @Parameters(index = "0", paramLabel = "TEXT")
        String text;

        @Override
        public Integer call() {
            return http.withGateway((app, gateway, m, out) -> {
                String e164 = ModemCommand.normalise(to, app.settings().get(CoreSettings.SHOP_COUNTRY));
                SendResult r = gateway.send(new OutgoingSms("cli-" + UUID.randomUUID(), e164, text, true, null, sender));
                if (r instanceof SendResult.Sent sent) {
                    out.println(m.get("http.send.sent", gateway.config().provider(),
                            String.join(", ", sent.partReferences()), sent.reportedParts()));
                    return Cli.OK;
                }
                if (r instanceof SendResult.Failed failed) {
                    out.println(m.get("http.send.failed", m.render(failed.error().message())));
                    if (failed.retryable() && gateway.state() != org.comptoir.gateway.GatewayState.FAILED) {
                        out.println(m.get("http.send.retryable"));
                    }
                    return Cli.FAILED;
                }
                out.println(m.get("http.send.unknown", ((SendResult.Unknown) r).why()));
                return Cli.FAILED;
            });
        }
    }
}
