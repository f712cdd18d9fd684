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

    /**
     * A data folder under {@code dir} for an install in {@code language}: only the language the application
     * remembers ({@code ui-language}, LanguageHint), as the installer leaves it before the first start.
     */
    public static Path install(Path dir, String language) throws java.io.IOException {
        Path data = dir.resolve(language);
        java.nio.file.Files.createDirectories(data);
        java.nio.file.Files.writeString(data.resolve("ui-language"), language);
        return data;
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
