package org.comptoir;

import java.nio.file.Path;
import org.comptoir.cli.Cli;
import org.comptoir.store.DataDirectory;
import org.comptoir.store.LanguageHint;

/**
 * The plain {@code main} of the jar and of installers. With a command it runs the CLI and exits with its
 * code; with none (or only {@code --data-dir DIR}) it opens the application window.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Path dataDir = DataDirectory.resolve(dataDirOption(args));
        // Before the first logger exists: logback reads this to put the rolling log in the data folder.
        System.setProperty("comptoir.logdir", dataDir.resolve("logs").toString());
        if (isCommand(args)) {
            System.exit(Cli.run(args));
        }
        App.bootLanguage(LanguageHint.read(dataDir).orElse(null));
        App.openEarly(dataDir);
        App.main(args);
    }

    static boolean isCommand(String[] args) {
        return !(args.length == 0 || (args.length == 2 && "--data-dir".equals(args[0]))
                || (args.length == 1 && args[0].startsWith("--data-dir=")));
    }

    static Path dataDirOption(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if ("--data-dir".equals(args[i]) && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--data-dir=")) {
                return Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        return null;
    }
}
