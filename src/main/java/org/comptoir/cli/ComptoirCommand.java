package org.comptoir.cli;

import java.nio.file.Path;
import org.comptoir.AppContext;
import org.comptoir.i18n.Messages;
import org.comptoir.store.DataDirectory;
import org.comptoir.store.LanguageHint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code comptoir}: the root command. Subcommands reach the services through {@link #context()}, which
 * opens the store only when a command needs it (so {@code sms info} or {@code modem list} work without one).
 */
@Command(name = "comptoir", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Comptoir: consent-first promotion SMS for small shops.",
        subcommands = {VersionCommand.class, ConfigCommand.class, SmsCommand.class, ContactCommand.class,
                ConsentCommand.class, ModemCommand.class, CampaignCommand.class, HttpCommand.class,
                SendDueCommand.class, BackupCommand.class, InboxCommand.class, RetentionCommand.class,
                PosterCommand.class, ExportCommand.class, ImportCommand.class, StoreCommand.class})
public final class ComptoirCommand implements Runnable, AutoCloseable {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Data folder (default: $COMPTOIR_HOME, else the platform's application data folder).")
    Path dataDir;

    private AppContext context;
    /** The install's language until the store is open (Cli#installLanguage); null: the system's. */
    String installLanguage;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), messages().get("cli.command.missing"));
    }

    /** The services over the data folder, opened on first use. */
    public synchronized AppContext context() {
        if (context == null) {
            context = AppContext.open(DataDirectory.resolve(dataDir));
        }
        return context;
    }

    /** This till's {@code store.*} settings (which store to open), read without opening it. */
    public org.comptoir.settings.StoreSettings storeSettings() {
        return new org.comptoir.settings.StoreSettings(DataDirectory.resolve(dataDir));
    }

    /** Messages in the settings' language when the store is open, else the install's (or the system's). */
    public synchronized Messages messages() {
        return context != null ? context.messages()
                : installLanguage != null ? Messages.forLanguage(installLanguage) : Messages.forDefaultLocale();
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            // what runs before a store is open next time (help, usage errors, config set store.*) speaks the
            // till's language too, whether the window or the command line opened the store last, and after a
            // config set ui.language
            try {
                LanguageHint.remember(context.dataDir(), context.messages().locale().getLanguage());
            } catch (RuntimeException storeAway) {
                // only a hint: a store that went away keeps the last one
            }
            context.close();
            context = null;
        }
    }
}
