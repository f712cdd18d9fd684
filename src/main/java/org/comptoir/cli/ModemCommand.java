package org.comptoir.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.comptoir.AppContext;
import org.comptoir.dispatch.ModemOneOff;
import org.comptoir.dispatch.ModemSetup;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.modem.ModemInfo;
import org.comptoir.gateway.modem.ModemProbe;
import org.comptoir.gateway.modem.PortDiscovery;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.CoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code comptoir modem list|check|send}: find, check and try the USB GSM modem. */
@Command(name = "modem", description = "Find, check and try the USB GSM modem.",
        subcommands = {ModemCommand.ListPorts.class, ModemCommand.Check.class, ModemCommand.Send.class})
public final class ModemCommand {

    @ParentCommand
    ComptoirCommand root;

    PrintWriter out() {
        return root.spec.commandLine().getOut();
    }

    /** Problems go to standard error, so a script reading the output sees only what went right. */
    PrintWriter err() {
        return root.spec.commandLine().getErr();
    }

    /** {@code [###--]}: plain ASCII, readable on any console. */
    static String bars(int n) {
        int b = Math.max(0, Math.min(5, n));
        return "[" + "#".repeat(b) + "-".repeat(5 - b) + "]";
    }

    /** Prints what initialisation found, and the French SIM warning (REFERENCE.md §0) when it applies. */
    static void describe(PrintWriter out, Messages m, String port, ModemInfo info) {
        out.println(m.get("modem.check.title", port));
        out.println("  " + m.get("modem.check.maker", info.maker()));
        out.println("  " + m.get("modem.check.model", info.model(), info.revision()));
        out.println("  " + m.get("modem.check.operator", info.operator(), info.operatorNumeric()));
        out.println("  " + (info.signalKnown()
                ? m.get("modem.check.signal", bars(info.signalBars()), info.signalBars())
                : m.get("modem.check.signal.unknown")));
        if (info.frenchSim()) {
            out.println();
            out.println(m.get("modem.french.warning"));
        }
    }

    @Command(name = "list", description = "List serial ports and what answers on each (no database needed).")
    static final class ListPorts implements Runnable {
        @ParentCommand
        ModemCommand modem;

        @Override
        public void run() {
            Messages m = modem.root.messages();
            PrintWriter out = modem.out();
            List<ModemProbe> probes = PortDiscovery.discover();
            if (probes.isEmpty()) {
                out.println(m.get("modem.list.none"));
                return;
            }
            out.println(m.get("modem.list.header"));
            for (ModemProbe p : probes) {
                out.println(m.get("modem.list.port", p.port(), p.description()));
                if (p.isModem()) {
                    out.println("    " + m.get("modem.list.found", p.maker(), p.model(), p.operator(), bars(p.signalBars())));
                } else if (p.problem() == null) {
                    out.println("    " + m.get("modem.list.no.modem"));
                }
                if (p.problem() != null) {
                    out.println("    " + m.get("modem.list.problem", m.render(p.problem())));
                }
            }
        }
    }

    @Command(name = "check", description = "Start the modem on PORT and say what was found; exit 1 on a problem.")
    static final class Check implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        ModemCommand modem;

        @Option(names = "--port", required = true, paramLabel = "PORT", description = "COM3, /dev/ttyUSB0...")
        String port;

        @Option(names = "--pin", paramLabel = "PIN",
                description = "SIM PIN, offered once if the SIM asks for it (default: the saved modem.pin).")
        String pin;

        @Override
        public Integer call() {
            AppContext app = modem.root.context(); // the saved PIN, the refused ones, the language
            Messages m = modem.root.messages();
            PrintWriter out = modem.out();
            // through the gateway's owner: a port held by the engine answers through it, not a second open
            ModemInfo info = app.sending().checkModem(port, pin);
            describe(out, m, port, info);
            if (info.signalKnown() && info.signalBars() <= 1) {
                modem.err().println(m.get("modem.error.signal.weak", info.signalBars()));
                return Cli.FAILED;
            }
            out.println(m.get("modem.check.ok"));
            return Cli.OK;
        }
    }

    @Command(name = "send", description = "Send one test SMS, as typed (no STOP mention), through the modem on PORT.")
    static final class Send implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        ModemCommand modem;

        @Option(names = "--port", required = true, paramLabel = "PORT")
        String port;

        @Option(names = "--to", required = true, paramLabel = "NUMBER", description = "Mobile number, e.g. 06 12 34 56 78.")
        String to;

        @Option(names = "--pin", paramLabel = "PIN", description = "SIM PIN (default: the saved modem.pin).")
        String pin;

        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
                description = "Wait up to SECONDS for delivery reports; exit 1 unless every part was delivered.")
        int waitSeconds;

        @Parameters(index = "0", paramLabel = "TEXT")
        String text;

        @Override
        public Integer call() throws InterruptedException {
            AppContext app = modem.root.context();
            Messages m = modem.root.messages();
            PrintWriter out = modem.out();
            PrintWriter err = modem.err();
            String e164 = normalise(to, app.settings().get(CoreSettings.SHOP_COUNTRY));
            // a one-off from here is a test message, for the owner's own phone: say it before anything leaves
            out.println(m.get("modem.send.test.notice"));
            out.flush();
            ModemOneOff.Outcome outcome = app.sending()
                    .sendTest(port, pin, e164, text, Duration.ofSeconds(Math.max(0, waitSeconds)), step -> {
                        out.println(m.render(step));
                        out.flush(); // a stall of up to two minutes per part must not look like a hang
                    });
            SendResult result = outcome.result();
            if (result instanceof SendResult.Sent sent) {
                List<String> refs = sent.partReferences();
                for (int i = 0; i < refs.size(); i++) {
                    out.println(m.get("modem.send.part", (i + 1) + "/" + refs.size(), refs.get(i)));
                }
                out.println(m.get("modem.send.sent", refs.size()));
                for (ModemOneOff.Part p : outcome.fates()) {
                    String line = m.get("modem.send.report", p.reference(), m.get("modem.fate." + p.fate()));
                    (p.fate() == ModemOneOff.Fate.DELIVERED ? out : err).println(line);
                }
                return outcome.succeeded() ? Cli.OK : Cli.FAILED;
            }
            if (result instanceof SendResult.Failed failed) {
                err.println(m.get("modem.send.failed", m.render(failed.error().message())));
                if (failed.retryable()) {
                    err.println(m.get("modem.send.retryable"));
                }
                return Cli.FAILED;
            }
            err.println(m.get("modem.send.unknown", ((SendResult.Unknown) result).why()));
            return Cli.FAILED;
        }
    }

    /** E.164 for a typed mobile number (the same rule as the set-up assistant). */
    static String normalise(String typed, String defaultRegion) {
        return ModemSetup.mobileE164(typed, defaultRegion);
    }
}
