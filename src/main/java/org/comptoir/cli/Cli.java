package org.comptoir.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import picocli.CommandLine;

/**
 * Runs the command line: parses, executes, renders refusals in the user's language. Exit codes: 0 done,
 * 1 refused or failed (with a message on standard error), 2 usage error.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    /**
     * Runs {@code args} on the process's standard streams, always in UTF-8: SMS text and French messages must
     * survive a Windows console or a POSIX locale whose default charset is not UTF-8.
     */
    public static int run(String... args) {
        return run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /** Runs {@code args} writing to {@code out}/{@code err}; closes the store it opened before returning. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        ComptoirCommand root = new ComptoirCommand();
        CommandLine cmd = commandLine(root);
        cmd.setOut(out);
        cmd.setErr(err);
        try {
            return cmd.execute(args);
        } finally {
            root.close();
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(ComptoirCommand root) {
        CommandLine cmd = new CommandLine(root);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Messages messages = root.messages();
            if (ex instanceof ComptoirException ce) {
                commandLine.getErr().println(messages.render(ce.userMessage()));
            } else {
                commandLine.getErr().println(messages.get("cli.unexpected", String.valueOf(ex)));
            }
            return FAILED;
        });
        return cmd;
    }
}
