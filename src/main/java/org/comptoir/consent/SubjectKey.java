package org.comptoir.consent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Database;
import org.comptoir.store.KeyFile;

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
     * The key of the store {@code db}, checked against the fingerprint the store recorded (see
     * {@link LedgerIdentity}): made only for a store that has no ledger yet, never over existing data. Blocks on
     * disk I/O and the database.
     *
     * @throws ComptoirException the key file is missing, damaged, unreadable or not the one this store was made with
     */
    public static SubjectKey forStore(Database db) {
        return LedgerIdentity.bind(db);
    }

    /** Whether {@code dataDir} holds a ledger key (then a missing database beside it must not be re-created). */
    public static boolean existsIn(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE_NAME));
    }

    /** Reads an existing key file; throws ComptoirException when it is damaged or unreadable. */
    static SubjectKey read(Path file) {
        try {
            if (Files.size(file) != LENGTH) {
                throw new ComptoirException(UserMessage.of("consent.key.damaged", file));
            }
            return new SubjectKey(KeyFile.readOrCreate(file, LENGTH));
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("consent.key.unreadable", file, e.getMessage()), e);
        }
    }

    /** Makes a new key file (the store has no ledger yet). */
    static SubjectKey create(Path file) {
        try {
            return new SubjectKey(KeyFile.readOrCreate(file, LENGTH));
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("consent.key.unreadable", file, e.getMessage()), e);
        }
    }

    /**
     * What the store records to recognise this key: HMAC-SHA-256 of a fixed label under the key, which reveals
     * nothing of the key itself (and cannot be confused with a subject, which hashes a number).
     */
    public String fingerprint() {
        return HexFormat.of().formatHex(macs.get().doFinal("comptoir-ledger-key-fingerprint-v1"
                .getBytes(StandardCharsets.US_ASCII)));
    }

    /** The subject of {@code number}: 64 lower-case hex digits. */
    public String subjectOf(PhoneNumber number) {
        // doFinal resets the Mac for the next call
        return HexFormat.of().formatHex(macs.get().doFinal(number.e164().getBytes(StandardCharsets.US_ASCII)));
    }
}
