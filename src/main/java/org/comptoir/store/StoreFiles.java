package org.comptoir.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder's database files, checked before H2 sees them: H2 would create a new empty database over a
 * missing one, and opening a damaged file in write mode lets it rewrite what is left.
 */
final class StoreFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFiles.class);
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dataDir;

    StoreFiles(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath();
    }

    Path dataDir() {
        return dataDir;
    }

    Path base() {
        return dataDir.resolve(Database.BASE_NAME);
    }

    Path databaseFile() {
        return dataDir.resolve(Database.BASE_NAME + ".mv.db");
    }

    Path keyFile() {
        return dataDir.resolve(StoreEncryption.KEY_FILE);
    }

    String url() {
        return "jdbc:h2:file:" + base();
    }

    /**
     * Makes the folder if it may, and refuses a store that cannot be opened safely. Returns whether the database
     * file exists (false: a new one will be made).
     */
    boolean checkBeforeOpen(boolean mayCreate) {
        if (!Files.isDirectory(dataDir)) {
            if (!mayCreate) {
                throw new ComptoirException(UserMessage.of("store.database.missing", databaseFile()));
            }
            try {
                createOwnerOnlyFolder(dataDir);
            } catch (IOException e) {
                throw new ComptoirException(UserMessage.of("store.folder.unwritable", dataDir), e);
            }
        }
        Path db = databaseFile();
        if (!Files.exists(db)) {
            // a key made with a database, without that database, means the database was lost: making a new one
            // would start the shop from nothing and orphan every recorded consent
            if (!mayCreate || Files.exists(keyFile())) {
                throw new ComptoirException(UserMessage.of("store.database.missing", db));
            }
            if (!canCreateIn(dataDir)) {
                throw new ComptoirException(UserMessage.of("store.folder.unwritable", dataDir));
            }
            return false;
        }
        try {
            if (Files.size(db) == 0) {
                throw new ComptoirException(UserMessage.of("store.database.empty", db));
            }
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("store.io", db, e.getMessage()), e);
        }
        if (!canCreateIn(dataDir) || !canOpenForWriting(db)) {
            throw new ComptoirException(UserMessage.of("store.read.only", db, dataDir));
        }
        return true;
    }

    /**
     * Whether a file can be made in {@code dir}, found by making (and removing) one: permission bits do not say it,
     * since an administrator (root) writes through them, while a read-only medium or an immutable folder stops even
     * root. H2 needs the folder for its temporary files, the backups and checkpoints go beside the database.
     */
    static boolean canCreateIn(Path dir) {
        Path probe = dir.resolve(".comptoir-write-probe-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Whether {@code file} opens for writing, found by opening it so (nothing is written, its content and date stay). */
    static boolean canOpenForWriting(Path file) {
        try (FileChannel ignored = FileChannel.open(file, StandardOpenOption.WRITE)) {
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Owner-only permissions on the folder and the database files, where the file system has POSIX ones. */
    void restrictToOwner() {
        if (!posix(dataDir)) {
            return; // a Windows profile folder is already private to its user
        }
        try {
            Files.setPosixFilePermissions(dataDir, OWNER_FOLDER);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir, Database.BASE_NAME + ".*")) {
                for (Path f : files) {
                    if (Files.isRegularFile(f)) {
                        Files.setPosixFilePermissions(f, OWNER_FILE);
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Could not make {} owner-only: {}", dataDir, e.toString());
        }
    }

    static void createOwnerOnlyFolder(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (posix(parent != null ? parent : dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static boolean posix(Path p) {
        try {
            return Files.getFileStore(p).supportsFileAttributeView("posix");
        } catch (IOException e) {
            return false;
        }
    }
}
