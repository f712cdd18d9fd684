package org.comptoir.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.Settings;
import org.comptoir.settings.TillIdentity;
import org.comptoir.store.Backups;
import org.comptoir.store.Database;
import org.comptoir.store.LedgerHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up the store while the application runs: H2's online copy of the database plus the data folder's key and
 * checkpoint files, in one archive with a manifest, written to the folder the owner chose ({@code backup.folder},
 * a USB key or a synced folder; by default {@code backups/} in the data folder) and rotated after
 * {@code backup.keep-days}. Once {@link #startDaily started}, its own thread ({@code backup-daily}) takes a backup
 * whenever the last good one is a day old. Every outcome, good or bad, goes to the {@link #onStatus listeners}, so
 * a backup that cannot be written shows on the owner's screen.
 *
 * <p>Thread-safe: one backup at a time (a second caller waits for the first). Every method except
 * {@link #status()}, {@link #onStatus} and {@link #close()} blocks on disk I/O: never call from the JavaFX thread.
 */
public final class BackupService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    /** The daily rhythm, and how soon a failed attempt is tried again by the daily thread. */
    static final Duration INTERVAL = Duration.ofDays(1);
    static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(1);
    private static final Duration CHECK_EVERY = Duration.ofMinutes(10);
    private static final Duration FIRST_CHECK = Duration.ofMinutes(1);

    private final Database db;
    private final Settings settings;
    private final Path dataDir;
    private final Clock clock;
    private final String appVersion;
    private final StoreCheck storeCheck;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final List<Consumer<BackupStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile BackupStatus status;
    private ScheduledExecutorService daily;

    public BackupService(Database db, Settings settings, Path dataDir, Clock clock, String appVersion,
                         StoreCheck storeCheck) {
        this.db = Objects.requireNonNull(db, "db");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.appVersion = Objects.requireNonNull(appVersion, "appVersion");
        this.storeCheck = Objects.requireNonNull(storeCheck, "storeCheck");
    }

    /** The folder backups go to: {@code backup.folder}, else {@code backups/} in the data folder. Reads settings. */
    public Path folder() {
        String chosen = settings.get(BackupSettings.FOLDER).strip();
        return chosen.isEmpty() ? defaultFolder() : Path.of(chosen);
    }

    private Path defaultFolder() {
        return dataDir.resolve("backups");
    }

    /**
     * Takes a backup now into {@link #folder()}, then rotates that folder. Blocks for the time of the copy (about
     * the database's size at disk speed); waits for a backup already running.
     *
     * @return the archive written
     * @throws ComptoirException when it cannot be written (folder missing or read-only, disk full); the reason is
     *                           also sent to the listeners
     */
    public BackupInfo backupNow() {
        return backupTo(folder());
    }

    /** The same into {@code folder} ({@code backup now --to DIR}); the default folder is made when missing. */
    public BackupInfo backupTo(Path folder) {
        Instant now = clock.instant();
        oneAtATime.lock();
        try {
            BackupInfo written = write(folder, now);
            rotate(folder, now);
            publish(BackupStatus.written(now, written.file()));
            LOG.info("Backup written to {} (ledger seq {})", written.file(),
                    written.manifest().map(BackupManifest::ledgerSeq).orElse(-1L));
            return written;
        } catch (ComptoirException e) {
            LOG.warn("Backup to {} failed: {}", folder, e.getMessage(), e);
            publish(BackupStatus.failed(now, e.userMessage()));
            throw e;
        } finally {
            oneAtATime.unlock();
        }
    }

    private BackupInfo write(Path folder, Instant now) {
        Path target = folder.toAbsolutePath();
        if (target.normalize().equals(defaultFolder().toAbsolutePath().normalize())) {
            try {
                Files.createDirectories(target);
            } catch (IOException e) {
                throw writeFailure(target, e);
            }
        } else if (!Files.isDirectory(target)) {
            // a USB key that is not plugged in: making the folder would write the backup onto the local disk
            throw new ComptoirException(UserMessage.of("backup.error.folder.missing", target));
        }
        Path work = null;
        Path part = null;
        try {
            work = Files.createTempDirectory(dataDir, ".backup-");
            Path copy = Files.createDirectory(work.resolve("db"));
            // the data folder's own files (keys, the ledger checkpoints) are copied BEFORE the database: a checkpoint
            // written after the database copy would name rows the copy does not hold, and the restored ledger would
            // look cut short to its own verification
            Path side = Files.createDirectory(work.resolve("files"));
            List<Path> folderFiles = new ArrayList<>();
            for (Path f : DataFolderFiles.of(dataDir)) {
                Path c = side.resolve(f.getFileName().toString());
                Files.copy(f, c, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                folderFiles.add(c);
            }
            Path h2zip = work.resolve("h2.zip");
            Backups.backupTo(db, h2zip);
            Path dbFile = unzipDatabase(h2zip, copy);
            // the head is read from the copy itself, so the manifest says what the archive holds even while tills
            // append during the backup
            LedgerHead head = Backups.ledgerHeadOfCopy(copy, dataDir);
            List<Path> files = new ArrayList<>();
            files.add(dbFile);
            files.addAll(folderFiles);
            String name = freeName(target, now);
            part = target.resolve(name + ".part");
            BackupManifest manifest = BackupArchive.write(part, files, appVersion, now, head,
                    TillIdentity.existing(dataDir).orElse(null));
            Path archive = target.resolve(name);
            moveAtomically(part, archive);
            part = null;
            return new BackupInfo(archive, now, Files.size(archive), Optional.of(manifest), Optional.empty());
        } catch (IOException e) {
            throw writeFailure(target, e);
        } catch (SQLException e) {
            throw new ComptoirException(UserMessage.of("backup.error.copy", e.getMessage()), e);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    LOG.warn("Could not delete the partial backup {}", part, e);
                }
            }
            DataFolderFiles.deleteTree(work);
        }
    }

    private static Path unzipDatabase(Path h2zip, Path folder) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(h2zip))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".mv.db")) {
                    Path out = folder.resolve(Backups.DATABASE_FILE);
                    Files.copy((InputStream) zip, out);
                    return out;
                }
            }
        }
        throw new IOException("H2 wrote no database file into " + h2zip);
    }

    private static String freeName(Path folder, Instant now) {
        for (int n = 1; ; n++) {
            String name = ArchiveNames.name(now, n);
            if (!Files.exists(folder.resolve(name)) && !Files.exists(folder.resolve(name + ".part"))) {
                return name;
            }
        }
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static ComptoirException writeFailure(Path folder, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new ComptoirException(UserMessage.of("backup.error.denied", folder), e);
        }
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : String.valueOf(e.getMessage());
        return new ComptoirException(UserMessage.of("backup.error.write", folder, reason), e);
    }

    /**
     * Deletes the archives of {@code folder} older than {@code backup.keep-days} before {@code now}; the newest
     * archive always stays, and files that are not Comptoir archives are never touched.
     */
    void rotate(Path folder, Instant now) {
        Instant limit = now.minus(Duration.ofDays(settings.getInt(BackupSettings.KEEP_DAYS)));
        List<Path> archives = archivesNewestFirst(folder);
        for (Path old : archives.subList(Math.min(1, archives.size()), archives.size())) {
            if (ArchiveNames.timeOf(old).orElseThrow().isBefore(limit)) {
                try {
                    Files.deleteIfExists(old);
                    LOG.info("Rotation deleted the backup {}", old);
                } catch (IOException e) {
                    LOG.warn("Rotation could not delete {}", old, e);
                }
            }
        }
    }

    private static List<Path> archivesNewestFirst(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> ArchiveNames.timeOf(f).isPresent())
                    .sorted(Comparator.comparing((Path f) -> ArchiveNames.timeOf(f).orElseThrow())
                            .thenComparing(Path::toString).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The archives of {@link #folder()}, newest first, each with its manifest or the reason it cannot be read. */
    public List<BackupInfo> list() {
        return list(folder());
    }

    /** The archives of {@code folder}, newest first. */
    public List<BackupInfo> list(Path folder) {
        List<BackupInfo> out = new ArrayList<>();
        for (Path f : archivesNewestFirst(folder)) {
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                size = -1;
            }
            Instant at = ArchiveNames.timeOf(f).orElseThrow();
            try {
                out.add(new BackupInfo(f, at, size, Optional.of(BackupArchive.readManifest(f)), Optional.empty()));
            } catch (ComptoirException e) {
                out.add(new BackupInfo(f, at, size, Optional.empty(), Optional.of(e.userMessage())));
            }
        }
        return out;
    }

    /**
     * The last attempt of this run, or, before any, the newest archive of the folder (reads the folder once).
     * Any thread; does not block after the first call.
     */
    public BackupStatus status() {
        BackupStatus s = status;
        if (s == null) {
            List<Path> found = archivesNewestFirst(folder());
            s = found.isEmpty() ? BackupStatus.NEVER
                    : BackupStatus.written(ArchiveNames.timeOf(found.get(0)).orElseThrow(), found.get(0));
            status = s;
        }
        return s;
    }

    /** Calls {@code listener} with every later status, on the thread that made the backup. */
    public void onStatus(Consumer<BackupStatus> listener) {
        listeners.add(listener);
    }

    private void publish(BackupStatus s) {
        status = s;
        for (Consumer<BackupStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("A backup status listener failed", e);
            }
        }
    }

    /**
     * Takes a backup when the newest archive of the folder is a day old or there is none, unless the last attempt
     * failed less than an hour ago. What the daily thread runs; blocks for the backup.
     *
     * @return true when a backup was written now
     */
    public boolean runIfDue() {
        Instant now = clock.instant();
        BackupStatus s = status();
        if (s.failed() && s.attemptedAt().orElseThrow().isAfter(now.minus(RETRY_AFTER_FAILURE))) {
            return false;
        }
        Optional<Instant> newest = archivesNewestFirst(folder()).stream().findFirst().flatMap(ArchiveNames::timeOf);
        if (newest.isPresent() && newest.get().isAfter(now.minus(INTERVAL))) {
            return false;
        }
        try {
            backupNow();
            return true;
        } catch (ComptoirException e) {
            return false; // already logged and published
        }
    }

    /**
     * Starts the daily backups on the {@code backup-daily} thread: a first check a minute after start, then every
     * ten minutes (cheap when nothing is due). Idempotent; {@link #close()} stops it.
     */
    public synchronized void startDaily() {
        if (daily != null) {
            return;
        }
        daily = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backup-daily");
            t.setDaemon(true);
            return t;
        });
        daily.scheduleWithFixedDelay(() -> {
            try {
                runIfDue();
            } catch (RuntimeException e) {
                LOG.error("Daily backup check failed", e);
            }
        }, FIRST_CHECK.toSeconds(), CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Checks {@code archive} and opens it in a staging folder of the data folder while this store stays open:
     * see {@link Restore#prepare}. The current ledger head is the checkpoint the backup must extend. Blocks for
     * the copy and the ledger walk; waits for a backup in progress.
     *
     * @param force restore even a backup older than the current ledger, or of another ledger
     */
    public Restore prepareRestore(Path archive, boolean force) {
        oneAtATime.lock();
        try {
            LedgerHead checkpoint = Backups.ledgerHead(db);
            return Restore.prepare(dataDir, archive, checkpoint, seq -> Backups.eventHash(db, seq), storeCheck,
                    force, clock);
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Stops the daily thread, waiting up to 30 s for a backup in progress to finish. */
    @Override
    public synchronized void close() {
        if (daily != null) {
            daily.shutdown();
            try {
                if (!daily.awaitTermination(30, TimeUnit.SECONDS)) {
                    daily.shutdownNow();
                }
            } catch (InterruptedException e) {
                daily.shutdownNow();
                Thread.currentThread().interrupt();
            }
            daily = null;
        }
    }
}
