package org.comptoir.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the real command line over one data folder, capturing its exit code and what it printed. */
public final class CliHarness {

    /** The exit code and the captured standard output and error. */
    public record Result(int code, String out, String err) {
    }

    private CliHarness() {
    }

    /** {@code comptoir --data-dir <dataDir> <args...>}, in this thread. */
    public static Result run(Path dataDir, String... args) {
        return runWithInput(dataDir, "", args);
    }

    /** The same, with {@code stdin} as standard input (UTF-8); System.in is put back afterwards. */
    public static Result runWithInput(Path dataDir, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withDir = new String[args.length + 2];
        withDir[0] = "--data-dir";
        withDir[1] = dataDir.toString();
        System.arraycopy(args, 0, withDir, 2, args.length);
        InputStream previous = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = Cli.run(new PrintWriter(out), new PrintWriter(err), withDir);
            return new Result(code, out.toString(), err.toString());
        } finally {
            System.setIn(previous);
        }
    }
}
