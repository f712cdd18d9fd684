package org.comptoir.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code comptoir version}: the application version, Java and OS, for support. */
@Command(name = "version", description = "Print the version of Comptoir, Java and the system.")
public final class VersionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        for (String line : new Provider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
    }

    /** The version built into {@code org/comptoir/version.properties} by Maven resource filtering. */
    public static String applicationVersion() {
        return org.comptoir.AppVersion.current();
    }

    /** Also answers {@code comptoir --version}. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "Comptoir " + applicationVersion(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
            };
        }
    }
}
