package org.comptoir.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.store.KeyFile;

/**
 * Seals secret setting values (the SIM PIN, provider keys) with AES-256-GCM under a key kept in
 * {@code settings.key} in the data folder, so a copied database alone does not reveal them. The key file is
 * created on first use, readable by its owner only where the file system allows it.
 *
 * <p>Sealed text: {@code enc:v1:} + Base64(12-byte IV ‖ ciphertext ‖ 16-byte tag). Thread-safe.
 */
public final class SecretBox {

    static final String PREFIX = "enc:v1:";
    public static final String KEY_FILE = "settings.key";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32; // AES-256
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** Reads {@code dataDir/settings.key}, creating it with a fresh random key when absent. Blocks on disk. */
    public static SecretBox inFolder(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(file) && Files.size(file) != KEY_BYTES) {
                // the first builds kept this key as Base64 text: still read it, so their sealed PINs open
                byte[] k = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                if (k.length == KEY_BYTES) {
                    return new SecretBox(k);
                }
            }
            return new SecretBox(KeyFile.readOrCreate(file, KEY_BYTES));
        } catch (IOException | IllegalArgumentException e) {
            throw new ComptoirException(UserMessage.of("setting.error.secret.key", file), e);
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plain value; a value that was never sealed is returned as it is. */
    public String open(String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // another folder's key, or a damaged value: the owner types the secret again
            throw new ComptoirException(UserMessage.of("setting.error.secret.unreadable"), e);
        }
    }
}
