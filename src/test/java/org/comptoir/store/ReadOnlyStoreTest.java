package org.comptoir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.comptoir.AppContext;
import org.comptoir.cli.CliHarness;
import org.comptoir.consent.Channel;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder Comptoir cannot write to (a read-only medium, a folder whose rights were taken away) is reported in
 * the user's language, naming the folder and what to do, and nothing is opened in write mode: the database file keeps
 * its bytes and its date, and no file appears beside it.
 *
 * <p>What this can and cannot prove. The tests of CI run as root, and root writes through permission bits: after
 * {@code chmod 555} the store's own probe (making a file) succeeds, and Comptoir rightly opens the store. So when the
 * bits do not stop this process, the folder and its files are also made immutable ({@code chattr +i}), which stops
 * root too, as a read-only medium would. Where neither works (no chattr, a file system without the attribute, no
 * CAP_LINUX_IMMUTABLE), the test is skipped and says so rather than passing without proof. A read-only mount itself
 * cannot be made here (no mount rights); it fails the same probe.
 */
class ReadOnlyStoreTest {

    @TempDir
    Path home;
    Path dataDir;
    boolean immutable;

    @BeforeEach
    void aStoreWithAConsent() {
        dataDir = home.resolve("data");
        try (AppContext app = AppContext.open(dataDir)) {
            app.settings().set("shop.name", "Léa Fleurs");
            app.consent().recordOptIn(new PhoneNumber("+33612345678"), "Marie", app.consent().currentWording().id(),
                    Channel.TILL, "Léa");
        }
    }

    @AfterEach
    void writableAgain() throws Exception {
        if (immutable) {
            chattr("-i");
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aReadOnlyFolderIsReportedAndLeftExactlyAsItWas() throws Exception {
        makeReadOnly();
        Path db = dataDir.resolve("comptoir.mv.db");
        String before = sha256(db);
        FileTime modified = Files.getLastModifiedTime(db);
        List<String> files = names();

        assertThatThrownBy(() -> AppContext.open(dataDir))
                .isInstanceOfSatisfying(ComptoirException.class, e -> {
                    assertThat(e.userMessage().key()).isEqualTo("store.read.only");
                    assertThat(Messages.forLanguage("fr").render(e.userMessage()))
                            .contains("en lecture seule").contains(db.toString()).contains("Rien n'a été modifié");
                    assertThat(Messages.forLanguage("en").render(e.userMessage()))
                            .contains("is read-only").contains(db.toString()).contains("Nothing was changed");
                });
        CliHarness.Result cli = CliHarness.run(dataDir, "consent", "verify");
        assertThat(cli.code()).isNotZero();
        assertThat(cli.err()).contains(db.toString());
        assertThat(cli.out()).doesNotContain("Exception");

        assertThat(sha256(db)).as("the database file keeps its bytes").isEqualTo(before);
        assertThat(Files.getLastModifiedTime(db)).isEqualTo(modified);
        assertThat(names()).as("no lock, probe or trace file left beside it").isEqualTo(files);
    }

    @Test
    void aWritableFolderOpensAndTheProbeLeavesNothingBehind() throws Exception {
        List<String> files = names();
        assertThat(StoreFiles.canCreateIn(dataDir)).isTrue();
        assertThat(StoreFiles.canOpenForWriting(dataDir.resolve("comptoir.mv.db"))).isTrue();
        assertThat(names()).isEqualTo(files);
        try (AppContext app = AppContext.open(dataDir)) {
            assertThat(app.consent().verify().intact()).isTrue();
        }
    }

    private void makeReadOnly() throws Exception {
        try (Stream<Path> all = Files.list(dataDir)) {
            for (Path f : all.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--------"));
            }
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("r-x------"));
        if (StoreFiles.canCreateIn(dataDir)) { // root: the bits do not stop it
            immutable = chattr("+i");
            Assumptions.assumeTrue(immutable && !StoreFiles.canCreateIn(dataDir),
                    "this process writes through permission bits (root) and chattr +i is not available here: "
                            + "a read-only folder cannot be made, so nothing would be proved");
        }
    }

    /** chattr on the folder and each of its files; false when it is not available or not allowed. */
    private boolean chattr(String flag) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("chattr", flag, dataDir.toString()));
        try (Stream<Path> all = Files.list(dataDir)) {
            all.forEach(p -> command.add(p.toString()));
        }
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return false;
        }
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> all = Files.list(dataDir)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
