package org.comptoir.consent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;

/**
 * Turns a number into the ledger's {@code subject}: HMAC-SHA-256 of its E.164 form under a secret kept in
 * {@code ledger.key} beside the database. A plain hash of a French mobile could be reversed by trying the
 * ~10⁹ possible numbers; a keyed one cannot without the key (REFERENCE.md §1.9). The subject must stay the
 * same across restarts, so the key is made once and must be backed up with the database: without it,
 * the ledger stays verifiable but old events can no longer be matched to a number.
 *
 * <p>Thread-safe and immutable.
 */
public final class SubjectKey {

    public static final String FILE_NAME = "ledger.key";
    static final int LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    /** Mac is not thread-safe, and looking one up costs more than using it: one per thread. */
    private final ThreadLocal<Mac> macs;

    private SubjectKey(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a ledger key has " + LENGTH + " bytes, not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A key from given bytes (tests, benchmarks). */
    public static SubjectKey of(byte[] bytes) {
        return new SubjectKey(Objects.requireNonNull(bytes, "bytes"));
    }

    /**
     * Reads {@code <dataDir>/ledger.key}, creating it with 32 random bytes (readable by the owner only, where
     * the file system has POSIX permissions) the first time. Blocks on disk I/O. Throws
     * {@link ComptoirException} when it cannot be read or written, or has the wrong size (damaged).
     */
    public static SubjectKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != LENGTH) {
                throw new ComptoirException(UserMessage.of("consent.key.damaged", file));
            }
            return new SubjectKey(bytes);
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("consent.key.unreadable", file, e.getMessage()), e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[LENGTH];
        new SecureRandom().nextBytes(bytes);
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        boolean posix = Files.getFileStore(file.getParent()).supportsFileAttributeView("posix");
        if (posix) {
            // created owner-only, so the secret is never readable by others even for an instant
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(tmp);
        }
    }

    /** The subject of {@code number}: 64 lower-case hex digits. */
    public String subjectOf(PhoneNumber number) {
        // doFinal resets the Mac for the next call
        return HexFormat.of().formatHex(macs.get().doFinal(number.e164().getBytes(StandardCharsets.US_ASCII)));
    }
}
