package org.comptoir.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A secret key kept as a file of random bytes in the data folder (the ledger's subject key, the settings key).
 * Made once, owner-only from its first byte on POSIX systems (a Windows profile folder is already private), and
 * never replaced: losing it loses what it protects, so a damaged file is an error, not a reason to make a new one.
 */
public final class KeyFile {

    private KeyFile() {
    }

    /**
     * The {@code length} bytes in {@code file}, created with fresh random bytes when absent.
     *
     * @throws IOException when the file cannot be read or made, or holds another number of bytes
     */
    public static byte[] readOrCreate(Path file, int length) throws IOException {
        if (!Files.exists(file)) {
            create(file, length);
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != length) {
            throw new IOException(file + " holds " + key.length + " bytes, not " + length);
        }
        return key;
    }

    private static void create(Path file, int length) throws IOException {
        byte[] fresh = new byte[length];
        new SecureRandom().nextBytes(fresh);
        writeNew(file, fresh);
    }

    /**
     * Writes {@code key} to {@code file}, readable by this user only, unless {@code file} exists already: should two
     * writers race, the first key stays (the caller reads the file back to know which).
     */
    static void writeNew(Path file, byte[] key) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.write(tmp, key);
        try {
            Files.move(tmp, file); // no replace
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(tmp);
        }
    }
}
