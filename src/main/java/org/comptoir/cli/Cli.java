package org.comptoir.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import org.comptoir.store.DataDirectory;
import org.comptoir.store.LanguageHint;
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
        root.installLanguage = installLanguage(args);
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

    /**
     * The language of the install, before any store is opened: what the application last ran in
     * ({@link LanguageHint}, in the data folder named by {@code --data-dir} or the default one), else the system's.
     */
    static String installLanguage(String... args) {
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                dir = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--data-dir=")) {
                dir = Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        try {
            return LanguageHint.read(DataDirectory.resolve(dir)).orElse(Locale.getDefault().getLanguage());
        } catch (RuntimeException unreadable) {
            return Locale.getDefault().getLanguage(); // only a hint: help must never fail for it
        }
    }

    /** Every command answers --help, as the usage errors say ("Voir « comptoir config --help »"). */
    private static void helpOnEveryCommand(CommandLine parent) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            sub.getCommandSpec().mixinStandardHelpOptions(true);
            helpOnEveryCommand(sub);
        }
    }

    static CommandLine commandLine(ComptoirCommand root) {
        CommandLine cmd = new CommandLine(root);
        helpOnEveryCommand(cmd);
        // --help and usage errors in the install's language: picocli reads headings, descriptions and option
        // texts from this bundle (cli_fr / cli_en); its own English error sentences are replaced below
        Messages boot = root.messages();
        cmd.setResourceBundle(ResourceBundle.getBundle("org.comptoir.i18n.cli", boot.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine at = ex.getCommandLine();
            Messages messages = root.messages();
            at.getErr().println(usageError(ex, messages));
            at.getErr().println(messages.get("cli.usage.see", at.getCommandSpec().qualifiedName()));
            return USAGE;
        });
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

    /** Picocli's refusal in the user's language, naming what was typed. */
    static String usageError(CommandLine.ParameterException ex, Messages messages) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return messages.get("cli.usage.unknown", String.join(" ", u.getUnmatched()));
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            return messages.get("cli.usage.missing", m.getMissing().stream()
                    .map(Cli::name)
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return messages.get("cli.usage.twice", name(o.getOverwritten()));
        }
        if (ex.getCause() instanceof CommandLine.TypeConversionException || ex.getArgSpec() != null && ex.getValue() != null) {
            return messages.get("cli.usage.invalid", String.valueOf(ex.getValue()),
                    name(ex.getArgSpec()));
        }
        return ex.getMessage(); // already ours (cli.* messages thrown as ParameterException)
    }

    private static String name(CommandLine.Model.ArgSpec arg) {
        return arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() : arg.paramLabel();
    }
}
