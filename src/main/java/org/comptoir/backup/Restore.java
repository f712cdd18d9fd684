package org.comptoir.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.StoreSettings;
import org.comptoir.settings.TillIdentity;
import org.comptoir.store.Backups;
import org.comptoir.store.Database;
import org.comptoir.store.LedgerHead;
import org.comptoir.store.StoreMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A restore in two steps. {@link #prepare} checks the archive (manifest, checksums), writes it into a staging
 * folder of the data folder, opens it as the application would (migrating a backup made by an older version) and
 * verifies its consent ledger, then compares it with the last checkpoint known: the current store's ledger head.
 * Only a backup whose ledger verifies and extends that head is accepted without {@code force}. {@link #swap}, once
 * the current store is closed, moves the current store (database and key files) aside into
 * {@code before-restore-<time>/} and the restored one in: the current store is never overwritten.
 *
 * <p>The PC's own files ({@code till.id}, which till it is, and {@code store-connection.properties}, how it reaches
 * its store) follow the {@link TillChoice}: a PC that is not yet a till of its own takes the backup's, so the shop's
 * only PC restored onto a replacement keeps its staff name, language, modem port and PIN and backup folder (the
 * per-till settings stored under that id); a PC that already is a till keeps its own, so restoring the first till's
 * backup onto a second one never makes two tills share one id (and one modem port).
 *
 * <p>Not thread-safe; every method blocks on disk I/O.
 */
public final class Restore {

    private static final Logger LOG = LoggerFactory.getLogger(Restore.class);

    /** How the restored ledger stands against the checkpoint. */
    public enum Relation {
        /** no current ledger to compare with (new computer, unreadable store) */
        NO_CHECKPOINT,
        /** the restored ledger holds the checkpoint's event: nothing recorded is lost */
        EXTENDS,
        /** the restored ledger is an earlier state of the current one: later events would be set aside */
        OLDER,
        /** the restored ledger is not the current one's (another shop, another start) */
        OTHER_LEDGER
    }

    /** Which till the data folder is once restored. */
    public enum TillChoice {
        /**
         * the backup's: this PC has no till id yet, has the backup's already, or its own store (this PC's file) has
         * recorded nothing: it replaces the PC the backup was made on
         */
        ADOPT,
        /**
         * this PC's own: it is already a till (its store has recorded consents, is unreadable, or is a shop server's
         * or a chain's); it keeps its id and its connection settings, and starts the restored store's per-till
         * settings from the defaults
         */
        KEEP
    }

    /** The files that say which PC this is rather than what the store holds; they follow the {@link TillChoice}. */
    static final List<String> PC_FILES = List.of(TillIdentity.FILE_NAME, StoreSettings.FILE_NAME);

    private final Path dataDir;
    private final Path staging;
    private final BackupManifest manifest;
    private final StoreCheck.Result check;
    private final Relation relation;
    private final LedgerHead checkpoint;
    private final TillChoice till;
    private final Clock clock;

    private Restore(Path dataDir, Path staging, BackupManifest manifest, StoreCheck.Result check, Relation relation,
                    LedgerHead checkpoint, TillChoice till, Clock clock) {
        this.dataDir = dataDir;
        this.staging = staging;
        this.manifest = manifest;
        this.check = check;
        this.relation = relation;
        this.checkpoint = checkpoint;
        this.till = till;
        this.clock = clock;
    }

    /**
     * Checks and stages {@code archive}.
     *
     * @param checkpoint         the current ledger head, or null when there is no readable current store
     * @param currentEventHash   the hash of an event of the current ledger by seq (to tell OLDER from OTHER_LEDGER)
     * @param force              accept OLDER and OTHER_LEDGER (the owner confirmed)
     * @throws ComptoirException for a truncated, foreign or damaged archive, a ledger that does not verify, and
     *                           (as {@link NeedsConfirmation}) an older or other ledger without {@code force};
     *                           the staging folder is deleted then
     */
    public static Restore prepare(Path dataDir, Path archive, LedgerHead checkpoint,
                                  LongFunction<Optional<String>> currentEventHash, StoreCheck storeCheck, boolean force,
                                  Clock clock) {
        Path staging = null;
        try {
            staging = Files.createDirectories(dataDir).resolve("restore-" + ArchiveNames.stamp(clock.instant()));
            DataFolderFiles.deleteTree(staging);
            Files.createDirectory(staging);
            BackupManifest manifest = BackupArchive.extract(archive, staging);
            if (manifest.files().stream().noneMatch(f -> f.name().equals(Backups.DATABASE_FILE))) {
                throw new ComptoirException(UserMessage.of("backup.archive.foreign", archive));
            }
            StoreCheck.Result check = storeCheck.check(staging, checkpoint);
            if (!check.report().intact()) {
                throw new ComptoirException(UserMessage.of("backup.restore.ledger.broken", archive,
                        check.report().firstProblem().orElseThrow().seq()));
            }
            Relation relation = relation(checkpoint, check, currentEventHash);
            if (!force && relation == Relation.OLDER) {
                throw new NeedsConfirmation(UserMessage.of("backup.restore.older", archive, check.head().seq(),
                        checkpoint.seq(), checkpoint.seq() - check.head().seq()));
            }
            if (!force && relation == Relation.OTHER_LEDGER) {
                throw new NeedsConfirmation(UserMessage.of("backup.restore.other.ledger", archive,
                        check.head().seq(), checkpoint.seq()));
            }
            TillChoice till = tillChoice(ownTill(dataDir), backupTill(manifest, staging),
                    localStore(dataDir), checkpoint);
            Restore prepared = new Restore(dataDir, staging, manifest, check, relation, checkpoint, till, clock);
            staging = null;
            return prepared;
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("backup.restore.staging", dataDir, e.getMessage()), e);
        } finally {
            DataFolderFiles.deleteTree(staging);
        }
    }

    /**
     * Whether the data folder takes the backup's till id. A wrong KEEP costs the owner their per-till settings (set
     * again in a minute); a wrong ADOPT makes two tills write each other's modem port and language: in doubt, KEEP.
     *
     * @param checkpoint this PC's current ledger head; null when its store is missing or unreadable
     */
    static TillChoice tillChoice(Optional<String> own, Optional<String> backup, boolean localStore,
                                 LedgerHead checkpoint) {
        if (backup.isEmpty() || own.isEmpty() || own.equals(backup)) {
            return TillChoice.ADOPT; // nothing to lose: this PC is no till yet, or already the backup's
        }
        boolean nothingRecorded = checkpoint != null && checkpoint.seq() == 0;
        return localStore && nothingRecorded ? TillChoice.ADOPT : TillChoice.KEEP;
    }

    /** This PC's till id; a damaged {@code till.id} counts as none: the store cannot open with it anyway. */
    private static Optional<String> ownTill(Path dataDir) {
        try {
            return TillIdentity.existing(dataDir);
        } catch (ComptoirException e) {
            LOG.warn("This PC's till id is unreadable; the backup's is taken: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The id of the till the backup was made on: its manifest's, else (older archives) its {@code till.id} entry. */
    private static Optional<String> backupTill(BackupManifest manifest, Path staging) {
        if (manifest.tillId() != null) {
            return Optional.of(manifest.tillId());
        }
        return TillIdentity.existing(staging);
    }

    /**
     * Whether this PC's store is its own file (embedded, or served from here), as its connection settings say; a
     * till of a shop server or of a chain's PostgreSQL is a till of a running shop whatever its local folder holds.
     */
    private static boolean localStore(Path dataDir) {
        StoreSettings store = new StoreSettings(dataDir);
        String mode = store.display(StoreSettings.MODE);
        return StoreMode.EMBEDDED.key().equals(mode)
                || (StoreMode.SHOP_SERVER.key().equals(mode) && store.display(StoreSettings.URL).isBlank());
    }

    private static Relation relation(LedgerHead checkpoint, StoreCheck.Result check,
                                     LongFunction<Optional<String>> currentEventHash) {
        if (checkpoint == null || checkpoint.seq() == 0) {
            return Relation.NO_CHECKPOINT;
        }
        if (check.head().seq() >= checkpoint.seq()) {
            return check.hashAtCheckpoint().filter(checkpoint.hash()::equals).isPresent()
                    ? Relation.EXTENDS : Relation.OTHER_LEDGER;
        }
        if (check.head().seq() == 0) {
            return Relation.OLDER; // an empty ledger is an earlier state of every ledger
        }
        return currentEventHash.apply(check.head().seq()).filter(check.head().hash()::equals).isPresent()
                ? Relation.OLDER : Relation.OTHER_LEDGER;
    }

    /**
     * The whole restore for the command line: the data folder must not be open in another Comptoir (its store
     * lock tells), its current ledger head is the checkpoint, then the swap.
     *
     * @return the restore done, with {@link #setAside()} naming where the previous store went
     */
    public static Swapped restoreOffline(Path dataDir, Path archive, boolean force, StoreCheck storeCheck,
                                         Clock clock) {
        Restore prepared;
        if (Files.exists(dataDir.resolve(Backups.DATABASE_FILE))) {
            Database current;
            try {
                current = Database.open(dataDir);
            } catch (ComptoirException e) {
                if ("store.locked".equals(e.userMessage().key())) {
                    throw new ComptoirException(UserMessage.of("backup.restore.locked", dataDir), e);
                }
                // an unreadable store is the very reason to restore: there is no checkpoint to compare with
                LOG.warn("Current store unreadable, restoring without a checkpoint: {}", e.getMessage());
                current = null;
            }
            if (current != null) {
                try (Database open = current) {
                    prepared = prepare(dataDir, archive, Backups.ledgerHead(open),
                            seq -> Backups.eventHash(open, seq), storeCheck, force, clock);
                }
            } else {
                prepared = prepare(dataDir, archive, null, seq -> Optional.empty(), storeCheck, force, clock);
            }
        } else {
            prepared = prepare(dataDir, archive, null, seq -> Optional.empty(), storeCheck, force, clock);
        }
        return prepared.swap();
    }

    public BackupManifest manifest() {
        return manifest;
    }

    public Relation relation() {
        return relation;
    }

    /** Whether the data folder takes the backup's till id or keeps its own (see {@link TillChoice}). */
    public TillChoice tillChoice() {
        return till;
    }

    /** The restored ledger's head. */
    public LedgerHead restoredHead() {
        return check.head();
    }

    /**
     * The restored head as words for the screen and the command line (which never handle store types): its row,
     * hash and when that row was recorded (null for an empty ledger).
     */
    public HeadShown restoredHeadShown() {
        return new HeadShown(check.head().seq(), check.head().hash(), check.head().at());
    }

    /** A ledger head as shown to the owner. */
    public record HeadShown(long seq, String hash, java.time.Instant at) {
    }

    /** The rows the restored ledger's verification walked. */
    public long rowsVerified() {
        return check.report().rowsChecked();
    }

    /**
     * Moves the current store aside and the restored one in. Call only once the current store is closed (the
     * application closes its own; the command line never keeps it open).
     *
     * @throws ComptoirException when a file cannot be moved; the message names where each part is then
     */
    public Swapped swap() {
        Path aside = dataDir.resolve("before-restore-" + ArchiveNames.stamp(clock.instant()));
        try {
            Files.createDirectories(aside);
            boolean keptSomething = false;
            for (Path f : currentStoreFiles()) {
                if (till == TillChoice.KEEP && isPcFile(f)) {
                    // stays this PC's; the copy keeps what was set aside a whole data folder that opens as it was
                    Files.copy(f, aside.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                } else {
                    Files.move(f, aside.resolve(f.getFileName()));
                }
                keptSomething = true;
            }
            for (Path f : restoredFiles()) {
                if (till == TillChoice.ADOPT || !isPcFile(f)) {
                    Files.move(f, dataDir.resolve(f.getFileName()));
                }
            }
            DataFolderFiles.deleteTree(staging);
            if (!keptSomething) {
                Files.deleteIfExists(aside);
            }
            LOG.info("Restored {} (ledger seq {}, till {}); previous store kept in {}", manifest.createdAt(),
                    check.head().seq(), till == TillChoice.ADOPT ? "of the backup" : "of this PC kept",
                    keptSomething ? aside : "(none)");
            return new Swapped(this, keptSomething ? Optional.of(aside) : Optional.empty());
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("backup.restore.swap", aside, staging, e.getMessage()), e);
        }
    }

    /** Deletes the staging folder: the owner changed their mind. */
    public void discard() {
        DataFolderFiles.deleteTree(staging);
    }

    private List<Path> currentStoreFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            List<Path> db = files.filter(f -> Files.isRegularFile(f) && DataFolderFiles.isDatabaseFile(f)).toList();
            return Stream.concat(db.stream(), DataFolderFiles.of(dataDir).stream()).toList();
        }
    }

    private static boolean isPcFile(Path f) {
        return PC_FILES.contains(f.getFileName().toString());
    }

    private List<Path> restoredFiles() throws IOException {
        try (Stream<Path> files = Files.list(staging)) {
            // H2's trace of the verification run is not part of the store
            return files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().endsWith(".trace.db")
                    && !f.getFileName().toString().endsWith(".lock.db")).toList();
        }
    }

    /** A restore done; {@code setAside} is where the previous store went (empty when there was none). */
    public record Swapped(Restore restore, Optional<Path> setAside) {
        public Swapped {
            Objects.requireNonNull(restore, "restore");
        }
    }

    /** The backup is fine but older than the current ledger, or of another ledger: the owner must confirm. */
    public static final class NeedsConfirmation extends ComptoirException {
        NeedsConfirmation(UserMessage message) {
            super(message);
        }
    }
}
