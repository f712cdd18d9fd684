package org.comptoir.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.comptoir.AppContext;
import org.comptoir.dispatch.InboundStore;
import org.comptoir.dispatch.ModemRoutePolicy;
import org.comptoir.dispatch.ModemSendLog;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.gateway.modem.ModemInfo;
import org.comptoir.gateway.modem.ModemProbe;
import org.comptoir.gateway.modem.PortDiscovery;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.ModemSettings;
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
        out.println("  " + m.get("modem.check.signal", bars(info.signalBars()), info.signalBars()));
        if (info.frenchSim()) {
            out.println();
            out.println(m.get("modem.french.warning"));
        }
    }

    private static ModemGateway.Config config(String pin, boolean statusReports) {
        // a command line check should not wait a minute for a network that is not there
        return ModemGateway.Config.defaults(pin, statusReports)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(120));
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

        @Option(names = "--pin", paramLabel = "PIN", description = "SIM PIN, offered once if the SIM asks for it.")
        String pin;

        @Override
        public Integer call() {
            Messages m = modem.root.messages();
            PrintWriter out = modem.out();
            try (ModemGateway gateway = ModemGateway.onPort(port, config(pin, true))) {
                ModemInfo info = gateway.connect();
                describe(out, m, port, info);
                if (info.signalBars() <= 1) {
                    out.println(m.get("modem.error.signal.weak", info.signalBars()));
                    return Cli.FAILED;
                }
                out.println(m.get("modem.check.ok"));
                return Cli.OK;
            }
        }
    }

    @Command(name = "send", description = "Send one SMS through the modem on PORT (the path campaigns use).")
    static final class Send implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        ModemCommand modem;

        @Option(names = "--port", required = true, paramLabel = "PORT")
        String port;

        @Option(names = "--to", required = true, paramLabel = "NUMBER", description = "Mobile number, e.g. 06 12 34 56 78.")
        String to;

        @Option(names = "--pin", paramLabel = "PIN")
        String pin;

        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
                description = "Wait up to SECONDS for delivery reports.")
        int waitSeconds;

        @Parameters(index = "0", paramLabel = "TEXT")
        String text;

        @Override
        public Integer call() throws InterruptedException {
            AppContext app = modem.root.context();
            Messages m = modem.root.messages();
            PrintWriter out = modem.out();
            String e164 = normalise(to, app.settings().get(CoreSettings.SHOP_COUNTRY));
            boolean reports = waitSeconds > 0 && app.settings().getBoolean(ModemSettings.STATUS_REPORTS);
            Map<String, DeliveryReport> finalReports = new ConcurrentHashMap<>();
            Semaphore finalReportsIn = new Semaphore(0); // a permit per part with a final report, however early
            // the modem route's caps count every send, a one-off from here as much as a campaign's
            ModemSendLog sendLog = new ModemSendLog(app.database());
            new ModemRoutePolicy(app.settings(), sendLog, ZoneId.systemDefault()).requireAllowed(e164, Instant.now());
            InboundStore inbound = new InboundStore(app.database(), "modem " + port, Clock.systemUTC());
            try (ModemGateway gateway = ModemGateway.onPort(port, config(pin, reports))) {
                gateway.setListener(new GatewayListener() {
                    @Override
                    public void onDeliveryReport(DeliveryReport r) {
                        if (r.outcome() != DeliveryReport.Outcome.PENDING
                                && finalReports.put(r.partReference(), r) == null) {
                            finalReportsIn.release();
                        }
                    }

                    @Override
                    public void onInbound(InboundSms sms) {
                        inbound.onInbound(sms);
                    }

                    @Override
                    public void onStateChanged(GatewayState state) {
                        // the command reports its own outcome
                    }
                });
                gateway.connect();
                SendResult result = gateway.send(new OutgoingSms("cli-" + UUID.randomUUID(), e164, text, reports));
                if (result instanceof SendResult.Sent sent) {
                    sendLog.record(e164, Instant.now(), sent.partReferences());
                    for (int i = 0; i < sent.partReferences().size(); i++) {
                        out.println(m.get("modem.send.part", (i + 1) + "/" + sent.partReferences().size(),
                                sent.partReferences().get(i)));
                    }
                    out.println(m.get("modem.send.sent", sent.partReferences().size()));
                    if (reports) {
                        out.println(m.get("modem.send.waiting", waitSeconds));
                        out.flush();
                        boolean all = finalReportsIn.tryAcquire(sent.partReferences().size(), waitSeconds,
                                TimeUnit.SECONDS);
                        for (String ref : sent.partReferences()) {
                            DeliveryReport r = finalReports.get(ref);
                            if (r != null) {
                                out.println(m.get("modem.send.report", ref, m.get("modem.outcome." + r.outcome())));
                            }
                        }
                        if (!all) {
                            out.println(m.get("modem.send.report.none"));
                        }
                    }
                    return Cli.OK;
                }
                if (result instanceof SendResult.Failed failed) {
                    out.println(m.get("modem.send.failed", m.render(failed.error().message())));
                    if (failed.retryable()) {
                        out.println(m.get("modem.send.retryable"));
                    }
                    return Cli.FAILED;
                }
                out.println(m.get("modem.send.unknown", ((SendResult.Unknown) result).why()));
                return Cli.FAILED;
            }
        }
    }

    /** E.164 for a typed mobile number (the same rule as the set-up assistant). */
    static String normalise(String typed, String defaultRegion) {
        return org.comptoir.dispatch.ModemSetup.mobileE164(typed, defaultRegion);
    }
}
