package org.comptoir.cli;

import java.time.Clock;
import org.comptoir.consent.StoreKeys;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.store.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code comptoir store share-keys|join|migrate}: the store's keys for the tills that share one store, and moving a store. */
@Command(name = "store", description = "Several tills on one store: share the store's keys, join a shared store.",
        subcommands = {StoreCommand.ShareKeys.class, StoreCommand.Join.class, StoreMigrateCommand.class})
public final class StoreCommand {

    @ParentCommand
    ComptoirCommand root;

    @Command(name = "share-keys", description = "On the till that made the store: seal its ledger and settings keys in "
            + "the store under a passphrase, for the other tills to join.")
    static final class ShareKeys implements Runnable {
        @ParentCommand
        StoreCommand store;

        @Option(names = "--passphrase", interactive = true, arity = "0..1", required = true, paramLabel = "PASSPHRASE",
                description = "The store's passphrase (asked for when given without a value); at least 10 characters.")
        char[] passphrase;

        @Override
        public void run() {
            StoreKeys.share(store.root.context().database(), passphrase(passphrase), Clock.systemUTC());
            store.root.spec.commandLine().getOut().println(store.root.messages().get("store.keys.shared"));
        }
    }

    @Command(name = "join", description = "On another till whose store.mode and store.url name the shared store: take "
            + "the store's keys with its passphrase (once per till).")
    static final class Join implements Runnable {
        @ParentCommand
        StoreCommand store;

        @Option(names = "--passphrase", interactive = true, arity = "0..1", required = true, paramLabel = "PASSPHRASE",
                description = "The passphrase chosen with store share-keys (asked for when given without a value).")
        char[] passphrase;

        @Override
        public void run() {
            // without opening the application: it refuses a shared store whose ledger key this till does not hold yet
            StoreKeys.join(DataDirectory.resolve(store.root.dataDir), passphrase(passphrase));
            store.root.spec.commandLine().getOut().println(store.root.messages().get("store.keys.joined"));
        }
    }

    private static char[] passphrase(char[] given) {
        if (given == null || given.length == 0) {
            throw new ComptoirException(UserMessage.of("store.keys.passphrase.short", 10));
        }
        return given;
    }
}
