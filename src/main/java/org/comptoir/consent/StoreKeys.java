package org.comptoir.consent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.SecretBox;
import org.comptoir.settings.StoreSettings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.comptoir.store.KeyFile;
import org.comptoir.store.StoreTarget;

/**
 * The store's keys for the tills that share it (a shop server, a chain's PostgreSQL): the ledger key and the settings
 * key belong to the store, not to one PC, or one customer gets two subjects and a STOP is missed at the other till.
 * The till that holds them seals both in {@code store_identity} under a key derived from a passphrase the owner
 * chooses ({@link #share}); each other till, pointed at the same store, types that passphrase once ({@link #join}),
 * which writes the two key files into its data folder. Nothing is ever replaced: a till that already holds another
 * ledger key is refused.
 *
 * <p>Blocking (database, disk, and PBKDF2 on purpose: about a second); never on the FX thread. Stateless.
 */
public final class StoreKeys {

    private static final int ITERATIONS = 600_000; // PBKDF2-HMAC-SHA-256 as OWASP advises (2023)
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final int MIN_PASSPHRASE = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreKeys() {
    }

    /**
     * Seals this till's ledger and settings keys in the store for the other tills (replacing an earlier sealing, e.g.
     * under a new passphrase). The till must be bound to the store already (its ledger key checked).
     *
     * @throws ComptoirException passphrase too short, key files missing or not the store's
     */
    public static void share(Database db, char[] passphrase, Clock clock) {
        if (passphrase.length < MIN_PASSPHRASE) {
            throw new ComptoirException(UserMessage.of("store.keys.passphrase.short", MIN_PASSPHRASE));
        }
        SubjectKey ledger = SubjectKey.forStore(db); // refuses a key that is not this store's
        byte[] ledgerBytes = readKey(db.dataDir().resolve(SubjectKey.FILE_NAME));
        SecretBox.inFolder(db.dataDir()); // made now if this till never sealed anything
        byte[] settingsBytes = readKey(db.dataDir().resolve(SecretBox.KEY_FILE));
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] plain = new byte[2 * KEY_BYTES];
        System.arraycopy(ledgerBytes, 0, plain, 0, KEY_BYTES);
        System.arraycopy(settingsBytes, 0, plain, KEY_BYTES, KEY_BYTES);
        String sealed = seal(derive(passphrase, salt, ITERATIONS), plain, ledger.fingerprint());
        Arrays.fill(plain, (byte) 0);
        db.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM store_identity");
            return Jdbc.update(c, "INSERT INTO store_identity (id, sealed_keys, salt, iterations, ledger_fingerprint, "
                    + "created_at) VALUES (1, ?, ?, ?, ?, ?)", sealed, HexFormat.of().formatHex(salt), ITERATIONS,
                    ledger.fingerprint(), clock.instant());
        });
    }

    /**
     * Writes the store's keys into {@code dataDir}, the data folder of a till whose {@code store.*} settings name a
     * shared store, then checks the store accepts them. A settings key the till made meanwhile (to seal its store
     * password) is replaced by the store's, and that password sealed again under it.
     *
     * @throws ComptoirException no keys shared in the store, a wrong passphrase, or a till holding another ledger key
     */
    public static void join(Path dataDir, char[] passphrase) {
        StoreSettings storeSettings = new StoreSettings(dataDir);
        StoreTarget target = storeSettings.target();
        if (target.local()) {
            throw new ComptoirException(UserMessage.of("store.keys.join.local"));
        }
        byte[] plain;
        String fingerprint;
        try (Database db = Database.open(dataDir, target, false)) {
            record Row(String sealed, String salt, int iterations, String fingerprint) {
            }
            Optional<Row> row = db.withConnection(c -> Jdbc.queryOne(c, "SELECT sealed_keys, salt, iterations, "
                    + "ledger_fingerprint FROM store_identity WHERE id = 1", rs -> new Row(rs.getString(1),
                    rs.getString(2), rs.getInt(3), rs.getString(4))));
            Row r = row.orElseThrow(() -> new ComptoirException(UserMessage.of("store.keys.none", db.where())));
            plain = open(derive(passphrase, HexFormat.of().parseHex(r.salt()), r.iterations()), r.sealed(),
                    r.fingerprint());
            fingerprint = r.fingerprint();
        }
        SubjectKey ledger = SubjectKey.of(Arrays.copyOfRange(plain, 0, KEY_BYTES));
        if (!ledger.fingerprint().equals(fingerprint)) {
            throw new ComptoirException(UserMessage.of("store.keys.wrong"));
        }
        Path ledgerFile = dataDir.resolve(SubjectKey.FILE_NAME);
        if (Files.exists(ledgerFile)) {
            if (!SubjectKey.read(ledgerFile).fingerprint().equals(fingerprint)) {
                throw new ComptoirException(UserMessage.of("store.keys.other", ledgerFile));
            }
        } else {
            write(ledgerFile, Arrays.copyOfRange(plain, 0, KEY_BYTES));
        }
        byte[] settingsKey = Arrays.copyOfRange(plain, KEY_BYTES, 2 * KEY_BYTES);
        Path settingsFile = dataDir.resolve(SecretBox.KEY_FILE);
        if (!Files.exists(settingsFile) || !Arrays.equals(readKey(settingsFile), settingsKey)) {
            String password = target.password();
            write(settingsFile, settingsKey);
            if (password != null && !password.isEmpty()) {
                storeSettings.set(StoreSettings.PASSWORD, password); // sealed again, under the store's key
            }
        }
        Arrays.fill(plain, (byte) 0);
    }

    private static byte[] readKey(Path file) {
        try {
            return KeyFile.readOrCreate(file, KEY_BYTES);
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("consent.key.unreadable", file, e.getMessage()), e);
        }
    }

    /** Writes a key file owner-only, replacing it in one move. */
    private static void write(Path file, byte[] key) {
        Path tmp = file.resolveSibling(file.getFileName() + ".joining");
        try {
            Files.deleteIfExists(tmp);
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.write(tmp, key);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("consent.key.unreadable", file, e.getMessage()), e);
        }
    }

    private static SecretKeySpec derive(char[] passphrase, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, KEY_BYTES * 8);
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return new SecretKeySpec(k, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String seal(SecretKeySpec key, byte[] plain, String aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] ct = c.doFinal(plain);
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] open(SecretKeySpec key, String sealed, String aad) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(aad.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return c.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ComptoirException(UserMessage.of("store.keys.wrong"), e); // a wrong passphrase fails the tag
        }
    }
}
