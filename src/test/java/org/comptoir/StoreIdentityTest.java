package org.comptoir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.comptoir.cli.Cli;
import org.comptoir.cli.CliHarness;
import org.comptoir.consent.Channel;
import org.comptoir.consent.SubjectKey;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.FirstReleaseStore;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md invariant 8 on a real data folder: a lost or replaced key, a lost or emptied or damaged database stop
 * the application and the CLI with a message saying what to restore, and nothing is re-created over them.
 */
class StoreIdentityTest {

    static final PhoneNumber MARIE = new PhoneNumber("+33612345678");

    @TempDir
    Path dir;

    @BeforeEach
    void marieSaysYes() {
        try (AppContext ctx = AppContext.open(dir)) {
            ctx.settings().set("shop.name", "Léa Fleurs");
            long w = ctx.consent().currentWording().id();
            ctx.consent().recordOptIn(MARIE, "Marie", w, Channel.TILL, "Léa");
        }
    }

    static String keyOf(Runnable open) {
        try {
            open.run();
        } catch (ComptoirException e) {
            return e.userMessage().key();
        }
        throw new AssertionError("expected the store to be refused");
    }

    String refusal() {
        return keyOf(() -> AppContext.open(dir).close());
    }

    @Test
    void aDeletedLedgerKeyStopsTheStartAndNoNewKeyIsMade() throws Exception {
        Files.delete(dir.resolve(SubjectKey.FILE_NAME));
        assertThat(refusal()).isEqualTo("consent.key.missing");
        assertThat(dir.resolve(SubjectKey.FILE_NAME)).doesNotExist();
        CliHarness.Result r = CliHarness.run(dir, "consent", "verify");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("ledger.key").contains("Restore ledger.key from the backup").doesNotContain("Exception");
    }

    @Test
    void aReplacedLedgerKeyStopsTheStart() throws Exception {
        byte[] other = new byte[32];
        other[0] = 1;
        Files.write(dir.resolve(SubjectKey.FILE_NAME), other);
        assertThat(refusal()).isEqualTo("consent.key.mismatch");
        assertThat(Files.readAllBytes(dir.resolve(SubjectKey.FILE_NAME))).isEqualTo(other);
    }

    @Test
    void aDeletedDatabaseBesideItsKeysIsNeverRecreated() throws Exception {
        Files.delete(dir.resolve("comptoir.mv.db"));
        assertThat(refusal()).isEqualTo("store.database.missing");
        assertThat(dir.resolve("comptoir.mv.db")).doesNotExist();
        // even with only the ledger key left (a store from before store.key)
        Files.delete(dir.resolve("store.key"));
        assertThat(refusal()).isEqualTo("store.database.missing");
        CliHarness.Result r = CliHarness.run(dir, "consent", "verify");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("comptoir.mv.db").contains("is missing");
        assertThat(dir.resolve("comptoir.mv.db")).doesNotExist();
    }

    @Test
    void anEmptiedDatabaseFileIsReportedNotIntact() throws Exception {
        Files.write(dir.resolve("comptoir.mv.db"), new byte[0]);
        CliHarness.Result r = CliHarness.run(dir, "consent", "verify");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).doesNotContain("intact");
        assertThat(r.err()).contains("is empty (0 bytes)");
        assertThat(Files.size(dir.resolve("comptoir.mv.db"))).isZero();
    }

    @Test
    void aDamagedDatabaseIsReportedAndNeverRewritten() throws Exception {
        Path db = dir.resolve("comptoir.mv.db");
        byte[] whole = Files.readAllBytes(db);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        for (int i = 4096; i < half.length; i += 512) {
            half[i] ^= 0x5a; // and scribbled over, as a failing disk would
        }
        Files.write(db, half);
        String before = sha256(db);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(refusal()).isIn("store.corrupted", "store.key.mismatch");
        }
        CliHarness.Result r = CliHarness.run(dir, "consent", "verify");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("comptoir.mv.db").doesNotContain("MVStoreException");
        assertThat(sha256(db)).as("the damaged file is left exactly as it was").isEqualTo(before);
    }

    @Test
    void aMissingOrWrongStoreKeySaysWhatToRestore() throws Exception {
        Path key = dir.resolve("store.key");
        byte[] original = Files.readAllBytes(key);
        Files.delete(key);
        assertThat(refusal()).isEqualTo("store.key.missing");
        assertThat(key).doesNotExist();
        Files.write(key, new byte[32]);
        assertThat(refusal()).isEqualTo("store.key.mismatch");
        Files.write(key, original);
        AppContext.open(dir).close();
    }

    @Test
    void restoringTheDatabaseWithItsKeysTogetherWorks() throws Exception {
        Path backup = dir.resolveSibling(dir.getFileName() + "-backup");
        copyFolder(dir, backup);
        try (AppContext ctx = AppContext.open(dir)) {
            ctx.consent().recordOptOut(MARIE, Channel.SMS_KEYWORD, null, "STOP");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.delete(p);
            }
        }
        copyFolder(backup, dir);
        try (AppContext ctx = AppContext.open(dir)) {
            assertThat(ctx.consent().verify().problems()).isEmpty();
            assertThat(ctx.consent().lookup(MARIE).orElseThrow().firstName()).isEqualTo("Marie");
        }
    }

    @Test
    void theDatabaseFileRevealsNoNumberAndTheFolderIsOwnerOnly() throws Exception {
        byte[] file = Files.readAllBytes(dir.resolve("comptoir.mv.db"));
        String asText = new String(file, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("+33612345678").doesNotContain("Marie").doesNotContain("Léa Fleurs")
                .doesNotContain("CONSENT_EVENT");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(dir)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
            for (String name : List.of("comptoir.mv.db", "store.key", "ledger.key", "settings.key",
                    "ledger-checkpoints.txt")) {
                assertThat(Files.getPosixFilePermissions(dir.resolve(name))).as(name)
                        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }
        }
    }

    @Test
    void aFirstReleaseStoreWithItsKeyIsEncryptedAndAdoptsItsKeyButRefusesAnother(@TempDir Path old) throws Exception {
        byte[] keyBytes = new byte[32];
        keyBytes[5] = 42;
        String subject = SubjectKey.of(keyBytes).subjectOf(MARIE);
        FirstReleaseStore.build(old, c -> Jdbc.update(c, "INSERT INTO contact (subject, phone_e164, national_digits, "
                + "first_name, created_at) VALUES (?, ?, '612345678', 'Marie', CURRENT_TIMESTAMP)", subject, MARIE.e164()));
        Path plain = old.resolve("plain-copy.mv.db");
        Files.copy(old.resolve("comptoir.mv.db"), plain);
        Files.write(old.resolve(SubjectKey.FILE_NAME), new byte[32]); // not its key
        assertThat(keyOf(() -> AppContext.open(old).close())).isEqualTo("consent.key.mismatch");

        Files.write(old.resolve(SubjectKey.FILE_NAME), keyBytes);
        try (AppContext ctx = AppContext.open(old)) {
            assertThat(ctx.contacts()).isNotNull();
            assertThat(ctx.consent().subjectOf(MARIE)).isEqualTo(subject);
        }
        assertThat(new String(Files.readAllBytes(old.resolve("comptoir.mv.db")), StandardCharsets.ISO_8859_1))
                .doesNotContain("+33612345678");
        assertThat(new String(Files.readAllBytes(plain), StandardCharsets.ISO_8859_1)).contains("+33612345678");
        // the fingerprint is recorded now: any other key is refused by it
        byte[] other = keyBytes.clone();
        other[0] = 9;
        Files.write(old.resolve(SubjectKey.FILE_NAME), other);
        assertThat(keyOf(() -> AppContext.open(old).close())).isEqualTo("consent.key.mismatch");
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
