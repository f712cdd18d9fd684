package org.comptoir.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.comptoir.AppContext;
import org.comptoir.backup.BackupInfo;
import org.comptoir.backup.Restore;
import org.comptoir.i18n.Messages;
import org.comptoir.store.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code comptoir backup now|list|restore}: the store and its keys in one archive, and back. */
@Command(name = "backup", description = "Back up the store and its key files, list backups, restore one.",
        subcommands = {BackupCommand.Now.class, BackupCommand.ListBackups.class, BackupCommand.RestoreOne.class})
public final class BackupCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @ParentCommand
    ComptoirCommand root;

    /** A ledger head's time; "—" for an empty ledger or a backup made before manifests carried it. */
    private static String when(java.time.Instant at) {
        return at == null ? "—" : WHEN.format(at);
    }

    @Command(name = "now", description = "Take a backup now, then rotate the folder (backup.keep-days). While the "
            + "application runs, its own daily backup and its Backups screen do this.")
    static final class Now implements Callable<Integer> {
        @ParentCommand
        BackupCommand backup;

        @Option(names = "--to", paramLabel = "DIR", description = "Folder to write to (default: backup.folder).")
        Path to;

        @Override
        public Integer call() {
            var backups = backup.root.context().backups();
            BackupInfo written = to != null ? backups.backupTo(to) : backups.backupNow();
            backup.root.spec.commandLine().getOut().println(backup.root.messages().get("cli.backup.written",
                    written.file(), written.manifest().orElseThrow().ledgerSeq(), megabytes(written.sizeBytes())));
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "The backups of the folder, newest first: time, size, consent events.")
    static final class ListBackups implements Callable<Integer> {
        @ParentCommand
        BackupCommand backup;

        @Option(names = "--from", paramLabel = "DIR", description = "Folder to list (default: backup.folder).")
        Path from;

        @Override
        public Integer call() {
            var backups = backup.root.context().backups();
            Path folder = from != null ? from : backups.folder();
            List<BackupInfo> found = backups.list(folder);
            Messages messages = backup.root.messages();
            var out = backup.root.spec.commandLine().getOut();
            if (found.isEmpty()) {
                out.println(messages.get("cli.backup.none", folder));
                return Cli.OK;
            }
            for (BackupInfo b : found) {
                String state = b.manifest().map(m -> messages.get("cli.backup.events", m.ledgerSeq(),
                                m.ledgerHash().substring(0, Math.min(12, m.ledgerHash().length())), when(m.ledgerAt())))
                        .orElseGet(() -> messages.render(b.problem().orElseThrow()));
                out.println(messages.get("cli.backup.item", WHEN.format(b.createdAt()), megabytes(b.sizeBytes()),
                        state, b.file()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "restore", description = "Restore FILE: checked, opened and verified first; the current store "
            + "is kept aside in before-restore-<time>/. Refused while another Comptoir has the data folder open.")
    static final class RestoreOne implements Callable<Integer> {
        @ParentCommand
        BackupCommand backup;

        @Parameters(paramLabel = "FILE", description = "A backup archive (comptoir-backup-….zip).")
        Path file;

        @Option(names = "--force", description = "Restore even a backup older than the current consent register "
                + "(later events are set aside with the current store) or of another register.")
        boolean force;

        @Override
        public Integer call() {
            Messages messages = backup.root.messages();
            var cmd = backup.root.spec.commandLine();
            Restore.Swapped done;
            try {
                // the command never opens the store itself: restore takes and releases the data folder's lock
                done = Restore.restoreOffline(DataDirectory.resolve(backup.root.dataDir), file, force,
                        AppContext::checkStore, Clock.systemUTC());
            } catch (Restore.NeedsConfirmation e) {
                cmd.getErr().println(messages.render(e.userMessage()));
                cmd.getErr().println(messages.get("cli.backup.restore.force"));
                return Cli.FAILED;
            }
            Restore r = done.restore();
            cmd.getOut().println(messages.get("cli.backup.restored", file, WHEN.format(r.manifest().createdAt()),
                    r.rowsVerified(), r.restoredHeadShown().seq(), r.restoredHeadShown().hash(),
                    when(r.restoredHeadShown().at())));
            done.setAside().ifPresent(aside -> cmd.getOut().println(messages.get("cli.backup.set.aside", aside)));
            cmd.getOut().println(messages.get(r.tillChoice() == Restore.TillChoice.ADOPT ? "cli.backup.till.adopted"
                    : "cli.backup.till.kept"));
            return Cli.OK;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
