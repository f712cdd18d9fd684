package org.comptoir.settings;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.comptoir.i18n.UserMessage;

/**
 * The owner's PIN, kept only as a salted PBKDF2-HMAC-SHA256 hash in the secret setting {@code owner.pin}.
 *
 * <p>Stored form: {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}, so the iteration count can
 * grow later without invalidating PINs already set. Hashing costs ~0.1 s on purpose (it slows guessing from a
 * copied database): call {@link #hash} and {@link #matches} off the JavaFX thread. The static methods are pure;
 * the instance methods read or write {@link Settings} and so block on the database.
 */
public final class OwnerPin {

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 8;
    static final int ITERATIONS = 120_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Settings settings;

    public OwnerPin(Settings settings) {
        this.settings = settings;
    }

    /** A PIN is 4 to 8 digits: short enough to type at a till, long enough with the throttle in the UI. */
    public static Optional<UserMessage> validate(String pin) {
        if (pin == null || !pin.matches("\\d{" + MIN_LENGTH + "," + MAX_LENGTH + "}")) {
            return Optional.of(UserMessage.of("pin.error.format", MIN_LENGTH, MAX_LENGTH));
        }
        return Optional.empty();
    }

    /** As {@link #validate(String)}, and the PIN typed a second time ({@code again}) must be the same. */
    public static Optional<UserMessage> validate(String pin, String again) {
        return validate(pin).or(() -> pin.equals(again) ? Optional.empty()
                : Optional.of(UserMessage.of("pin.error.mismatch")));
    }

    /** A fresh random salt each time: two equal PINs never give the same stored text. */
    public static String hash(String pin) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] derived = derive(pin, salt, ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
    }

    /** True when {@code pin} hashes to {@code stored}; false for a malformed or empty stored value. */
    public static boolean matches(String pin, String stored) {
        if (pin == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            // MessageDigest.isEqual compares in constant time: no timing hint on how many bytes matched.
            return iterations > 0 && MessageDigest.isEqual(expected, derive(pin, salt, iterations));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    /** True once an owner PIN was chosen. Blocks on the database. */
    public boolean isSet() {
        return !settings.get(TillSettings.OWNER_PIN).isEmpty();
    }

    /** Checks a typed PIN against the stored hash. Blocks on the database and on hashing. */
    public boolean check(String pin) {
        return matches(pin, settings.get(TillSettings.OWNER_PIN));
    }

    /**
     * The recovery procedure for a forgotten PIN: {@code offered} must hold exactly the bytes of the data folder's
     * key file {@code actual} (the copy the owner keeps with the backups). Blocks on disk I/O.
     *
     * @throws ComptoirException the file cannot be read or is not that key
     */
    public void requireRecoveryKey(java.nio.file.Path offered, java.nio.file.Path actual) {
        try {
            byte[] a = java.nio.file.Files.readAllBytes(offered);
            byte[] b = java.nio.file.Files.readAllBytes(actual);
            if (a.length == 0 || !MessageDigest.isEqual(a, b)) {
                throw new org.comptoir.i18n.ComptoirException(UserMessage.of("config.pin.recovery.wrong", offered));
            }
        } catch (java.io.IOException e) {
            throw new org.comptoir.i18n.ComptoirException(UserMessage.of("config.pin.recovery.unreadable", offered,
                    e.getMessage()), e);
        }
    }

    /** Stores a new PIN (hashed by the setting's definition); throws ComptoirException when not 4–8 digits. */
    public void change(String pin) {
        settings.set(TillSettings.OWNER_PIN, pin);
    }
}
