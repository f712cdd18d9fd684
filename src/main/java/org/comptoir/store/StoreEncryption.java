package org.comptoir.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.h2.tools.ChangeFileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database file's AES key, kept in {@code store.key} beside it (never inside it), and the one-time
 * conversion of a store made before encryption: H2's ChangeFileEncryption runs on a copy, the copy is opened
 * to prove it, and only then replaces the original in one atomic move, so a failure leaves the original as it
 * was. Every existing file is first opened read-only: a damaged one is reported, never opened for writing.
 */
final class StoreEncryption {

    private static final Logger LOG = LoggerFactory.getLogger(StoreEncryption.class);

    static final String KEY_FILE = "store.key";
    static final int KEY_BYTES = 32;
    /** What H2 writes at the start of a file it encrypts (FileEncrypt's header). */
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);
    private static final String WORK_FOLDER = ".encrypting";

    private StoreEncryption() {
    }

    /**
     * Returns H2's password ({@code "<file password> <user password>"}) for the store, making the key for a new
     * store and encrypting an existing plain one.
     */
    static String prepare(StoreFiles files, boolean exists) {
        Path keyFile = files.keyFile();
        boolean hadKey = Files.exists(keyFile);
        if (exists && !hadKey && isEncrypted(files.databaseFile())) {
            throw new ComptoirException(UserMessage.of("store.key.missing", keyFile, files.databaseFile()));
        }
        String filePassword;
        try {
            filePassword = HexFormat.of().formatHex(KeyFile.readOrCreate(keyFile, KEY_BYTES));
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("store.key.unreadable", keyFile, e.getMessage()), e);
        }
        String password = filePassword + " ";
        if (!exists) {
            return password;
        }
        if (isEncrypted(files.databaseFile())) {
            probe(files.url() + ";CIPHER=AES", password, files.databaseFile());
            return password;
        }
        probe(files.url(), "", files.databaseFile()); // a store from before encryption: damaged ones stop here
        encrypt(files, filePassword);
        return password;
    }

    /** H2's password for an existing encrypted store of {@code files} (its key must exist; never made here). */
    static String passwordOf(StoreFiles files) throws SQLException {
        try {
            return HexFormat.of().formatHex(Files.readAllBytes(files.keyFile())) + " ";
        } catch (IOException e) {
            throw new SQLException("cannot read " + files.keyFile() + ": " + e.getMessage(), e);
        }
    }

    /** Opens read-only and closes: proves the file opens without letting H2 write to it. */
    private static void probe(String url, String password, Path file) {
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r",
                Database.USER, password)) {
            c.createStatement().execute("SELECT 1");
        } catch (SQLException e) {
            if (e.getErrorCode() == StoreErrors.READ_ONLY && StoreFiles.canOpenForWriting(file)) {
                // H2 asks to write only to finish what a killed process or a power cut left open (it rolls back
                // the unfinished transaction, as on every start after a crash): that is recovery, not damage, and
                // refusing it would keep the shop out of its store after every power cut (dispatch.CrashRecoveryTest)
                return;
            }
            throw StoreErrors.translate(e, file);
        }
    }

    private static void encrypt(StoreFiles files, String filePassword) {
        Path work = files.dataDir().resolve(WORK_FOLDER);
        Path db = files.databaseFile();
        try {
            deleteTree(work);
            StoreFiles.createOwnerOnlyFolder(work);
            Path copy = work.resolve(db.getFileName());
            Files.copy(db, copy);
            ChangeFileEncryption.execute(work.toString(), Database.BASE_NAME, "AES", null,
                    filePassword.toCharArray(), true);
            probe("jdbc:h2:file:" + work.resolve(Database.BASE_NAME) + ";CIPHER=AES", filePassword + " ", copy);
            Files.move(copy, db, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Encrypted the store {} (its key is {})", db, files.keyFile());
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.error("Encrypting {} failed; the original is untouched", db, e);
            throw new ComptoirException(UserMessage.of("store.encrypt.failed", db, String.valueOf(e.getMessage())), e);
        } finally {
            try {
                deleteTree(work);
            } catch (IOException e) {
                LOG.warn("Could not remove {}: {}", work, e.toString());
            }
        }
    }

    static boolean isEncrypted(Path file) {
        byte[] start = new byte[ENCRYPTED_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(start, 0, start.length) == start.length && Arrays.equals(start, ENCRYPTED_HEADER);
        } catch (IOException e) {
            return false; // the open that follows reports the unreadable file
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
