package org.comptoir.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.comptoir.AppContext;
import org.comptoir.consent.SubjectKey;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.SettingControl;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.comptoir.settings.StoreSettings;
import org.comptoir.settings.TillSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code comptoir config list|get|set}: the settings the UI edits, validated the same way. */
@Command(name = "config", description = "List, read or change settings (the same ones the application edits).",
        subcommands = {ConfigCommand.List.class, ConfigCommand.Get.class, ConfigCommand.Set.class})
public final class ConfigCommand {

    @ParentCommand
    ComptoirCommand root;

    @Command(name = "list", description = "Every setting with its value and what it means; this PC's own settings "
            + "(not shared with the store's other tills) say so.")
    static final class List implements Runnable {
        @ParentCommand
        ConfigCommand config;

        @Override
        public void run() {
            Settings settings = config.root.context().settings();
            PrintWriter out = config.root.spec.commandLine().getOut();
            var messages = config.root.messages();
            for (Map.Entry<String, String> e : config.root.storeSettings().list()) {
                out.printf("%-28s %s%n", e.getKey(), e.getValue());
                out.printf("%-28s   # %s%n", "", messages.get("store.help." + e.getKey().substring("store.".length())));
                out.printf("%-28s   # %s%n", "", messages.get("setting.scope.till"));
            }
            for (Map.Entry<String, String> e : settings.list()) {
                SettingDefinition d = settings.definition(e.getKey());
                out.printf("%-28s %s%n", e.getKey(), e.getValue());
                if (messages.has(d.helpKey())) {
                    out.printf("%-28s   # %s%n", "", messages.get(d.helpKey()));
                }
                if (settings.perTill(d.key())) { // the others are the shop's, shared by every till of the store
                    out.printf("%-28s   # %s%n", "", messages.get("setting.scope.till"));
                }
                // the screen names the values; here they are typed, so say which ones
                String accepted = accepted(d.control(), messages);
                if (!accepted.isEmpty()) {
                    out.printf("%-28s   # %s%n", "", accepted);
                }
            }
        }
    }

    /** What {@code config set} takes for a setting of this kind, or "" for free text. */
    static String accepted(SettingControl control, org.comptoir.i18n.Messages messages) {
        if (control instanceof SettingControl.Choice c) {
            return messages.get("config.list.choice", String.join(", ", c.values()));
        }
        if (control instanceof SettingControl.Toggle) {
            return messages.get("config.list.toggle");
        }
        if (control instanceof SettingControl.WholeNumber n) {
            return messages.get("config.list.range", String.valueOf(n.min()), String.valueOf(n.max()));
        }
        if (control instanceof SettingControl.Decimal n) {
            return messages.get("config.list.range", plain(n.min()), plain(n.max()));
        }
        return "";
    }

    /** 5.0 as "5", 0.045 as "0.045": the way it is typed after {@code config set}. */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Command(name = "get", description = "Print one setting's value.")
    static final class Get implements Runnable {
        @ParentCommand
        ConfigCommand config;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Override
        public void run() {
            if (StoreSettings.isStoreKey(key)) { // read without opening the store they describe
                config.root.spec.commandLine().getOut().println(config.root.storeSettings().display(key));
                return;
            }
            Settings settings = config.root.context().settings();
            String value = settings.definition(key).secret() ? "***" : settings.get(key);
            config.root.spec.commandLine().getOut().println(value);
        }
    }

    @Command(name = "set", description = "Change one setting, after the same checks as the application. Changing "
            + "owner.pin needs the current PIN (--current-pin), or, when it is forgotten, the copy of ledger.key kept "
            + "with the backups (--recovery-key FILE; see docs/consent-ledger.md).")
    static final class Set implements Runnable {
        @ParentCommand
        ConfigCommand config;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Option(names = "--current-pin", interactive = true, arity = "0..1", paramLabel = "PIN",
                description = "The current owner PIN (asked for when given without a value).")
        String currentPin;

        @Option(names = "--recovery-key", paramLabel = "FILE",
                description = "A forgotten owner PIN: the backup copy of this data folder's ledger.key.")
        Path recoveryKey;

        @Override
        public void run() {
            if (StoreSettings.isStoreKey(key)) {
                // changed without opening the store: a till whose server is away must be able to point elsewhere
                config.root.storeSettings().set(key, value);
                config.root.spec.commandLine().getOut().println(config.root.messages().get("store.setting.saved", key));
                return;
            }
            AppContext ctx = config.root.context();
            if (TillSettings.OWNER_PIN.equals(key) && ctx.ownerPin().isSet()) {
                if (recoveryKey != null) {
                    ctx.ownerPin().requireRecoveryKey(recoveryKey, ctx.dataDir().resolve(SubjectKey.FILE_NAME));
                } else if (currentPin == null) {
                    throw new ComptoirException(UserMessage.of("config.pin.current.required"));
                } else if (!ctx.ownerPin().check(currentPin)) {
                    throw new ComptoirException(UserMessage.of("config.pin.current.wrong"));
                }
            }
            ctx.settings().set(key, value);
            config.root.spec.commandLine().getOut().println(config.root.messages().get("config.set.done", key));
        }
    }
}
