package org.comptoir.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code comptoir.lock.db} that versions before the encrypted store left beside the database (they opened it
 * with H2's FILE_LOCK=FILE). A process killed or a PC switched off while such a version ran leaves it behind, and
 * H2 refuses every read-only open while it exists ("Lock file exists") — so the store could never be opened again
 * after an upgrade. Today's store is locked by the operating system on the database file itself, which every H2
 * process writing the store also holds; when that lock is free, no process has the store open and the old lock
 * file is stale.
 */
final class LegacyLockFile {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyLockFile.class);

    private LegacyLockFile() {
    }

    /** Deletes a stale lock file left by an older version; leaves it when a process holds the database. Blocks on the disk. */
    static void clearIfStale(StoreFiles files) {
        Path lock = files.dataDir().resolve(Database.BASE_NAME + ".lock.db");
        Path db = files.databaseFile();
        if (!Files.exists(lock) || !Files.isRegularFile(db)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return; // another process has the store open: H2 will say so
            }
            try {
                Files.deleteIfExists(lock);
                LOG.info("Removed a stale lock file left by an earlier run: {}", lock);
            } finally {
                held.release();
            }
        } catch (OverlappingFileLockException inThisProcess) {
            // this JVM already has the store open: H2 will say so
        } catch (IOException e) {
            LOG.warn("Could not check the old lock file {}: {}", lock, e.toString()); // H2 reports what it finds
        }
    }
}
