package org.comptoir.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.store.Database;
import org.comptoir.store.StoreCopy;
import org.comptoir.store.StoreMode;
import org.comptoir.store.StoreTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code store migrate --to postgresql}: moves a till's embedded store to an empty PostgreSQL database, and points
 * the till at it only once the copy is proven. In order:
 * <ol>
 *   <li>the embedded store's ledger is verified (a broken ledger is not carried over);</li>
 *   <li>the server must be reachable and its database empty;</li>
 *   <li>Flyway gives it the schema ({@code db/postgresql}), then every row is copied ({@link StoreCopy});</li>
 *   <li>the copy is opened as the application would open it, from a staging folder holding this till's keys and a
 *       {@code store-connection.properties} naming the server, and its ledger verified the same way: intact, with
 *       the same head (sequence and hash) as the embedded store's;</li>
 *   <li>only then {@code store-connection.properties} switches to the server, all its keys in one write.</li>
 * </ol>
 * A failure at any step leaves the settings as they were and the embedded file untouched; tables made on the server
 * for a copy that failed are removed again, so the owner can try once more on the same database. The ledger and
 * settings keys stay in the data folder: they are the store's ({@code store share-keys} hands them to the other
 * tills), and the copy's subjects and sealed secrets need exactly them.
 *
 * <p>Blocking (disk, both databases, two ledger verifications); never on the FX thread.
 */
public final class StoreMigration {

    private static final Logger LOG = LoggerFactory.getLogger(StoreMigration.class);

    /** The files a till's data folder holds besides its database that opening the store needs (keys, checkpoints). */
    private static final List<String> STAGED = List.of("ledger.key", SecretBox.KEY_FILE, "ledger-checkpoints.txt",
            TillIdentity.FILE_NAME);
    private static final String STAGING = ".migrating";

    /**
     * What verifying one store's ledger said.
     *
     * @param firstProblem the first problem's words when not intact, else empty
     */
    public record Proof(boolean intact, long rowsChecked, long headSeq, String headHash, String firstProblem) {
    }

    /** Verifies the ledger of the store that the data folder {@code folder} opens, as {@code consent verify} does. */
    @FunctionalInterface
    public interface Verifier {
        Proof verify(Path folder);
    }

    /** A copy that verified: the head both sides hold and the rows copied per table. */
    public record Result(long headSeq, String headHash, Map<String, Long> rows) {
    }

    private final Path dataDir;
    private final Verifier verifier;
    private final StoreSettings storeSettings;

    public StoreMigration(Path dataDir, Verifier verifier) {
        this.dataDir = dataDir;
        this.verifier = verifier;
        this.storeSettings = new StoreSettings(dataDir);
    }

    /**
     * Copies this till's embedded store to the PostgreSQL database at {@code url}, verifies it, and switches the
     * till's store settings to it.
     *
     * @throws ComptoirException the till is not on its embedded store, its ledger does not verify, the server
     *                           cannot be reached, refuses the login or holds data, the copy fails or does not verify;
     *                           the settings are unchanged in every case
     */
    public Result toPostgresql(String url, String user, String password) {
        if (storeSettings.target().mode() != StoreMode.EMBEDDED) {
            throw new ComptoirException(UserMessage.of("store.migrate.not.embedded",
                    storeSettings.display(StoreSettings.MODE)));
        }
        String u = url == null ? "" : url.strip();
        if (!u.startsWith("jdbc:postgresql:")) {
            throw new ComptoirException(UserMessage.of("store.postgresql.url", u));
        }
        StoreTarget server = StoreTarget.postgresql(u, user == null ? "" : user, password == null ? "" : password);
        Proof before = verifier.verify(dataDir);
        if (!before.intact()) {
            throw new ComptoirException(UserMessage.of("store.migrate.source.broken", before.firstProblem()));
        }
        StoreCopy.requireEmpty(server); // before Flyway: a database someone else uses is never touched
        try {
            StoreCopy.Outcome copied;
            try (Database embedded = Database.open(dataDir, StoreTarget.embedded(), false);
                 Database target = Database.open(dataDir, server, true)) {
                copied = StoreCopy.copy(embedded, target);
            }
            if (copied.head().seq() != before.headSeq() || !copied.head().hash().equals(before.headHash())) {
                throw new ComptoirException(UserMessage.of("store.migrate.verify.failed", where(server),
                        "head " + copied.head().seq() + " ≠ " + before.headSeq()));
            }
            Proof after = verifyCopy(server);
            if (!after.intact() || after.headSeq() != before.headSeq() || !after.headHash().equals(before.headHash())) {
                throw new ComptoirException(UserMessage.of("store.migrate.verify.failed", where(server),
                        after.intact() ? "head " + after.headSeq() + ":" + after.headHash() + " ≠ " + before.headSeq()
                                + ":" + before.headHash() : after.firstProblem()));
            }
            storeSettings.setAll(Map.of(StoreSettings.MODE, StoreMode.POSTGRESQL.key(), StoreSettings.URL, u,
                    StoreSettings.USER, server.user(), StoreSettings.PASSWORD, server.password()));
            LOG.info("Store copied to {} and verified (head {}); this till now opens it", where(server),
                    before.headSeq());
            return new Result(before.headSeq(), before.headHash(), copied.rows());
        } catch (RuntimeException e) {
            try {
                StoreCopy.discard(server);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                LOG.warn("Could not remove the failed copy's tables from {}: {}", where(server), again.toString());
            }
            throw e;
        }
    }

    /** Opens the copy as the application would on this till, from a staging folder, and verifies its ledger. */
    private Proof verifyCopy(StoreTarget server) {
        Path staging = dataDir.resolve(STAGING);
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
            }
            for (String name : STAGED) {
                if (Files.exists(dataDir.resolve(name))) {
                    Files.copy(dataDir.resolve(name), staging.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            new StoreSettings(staging).setAll(Map.of(StoreSettings.MODE, StoreMode.POSTGRESQL.key(),
                    StoreSettings.URL, server.url(), StoreSettings.USER, server.user(),
                    StoreSettings.PASSWORD, server.password()));
            return verifier.verify(staging);
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("store.io", staging, e.getMessage()), e);
        } finally {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                LOG.warn("Could not remove the staging folder {}: {}", staging, e.toString());
            }
        }
    }

    private static String where(StoreTarget server) {
        int q = server.url().indexOf('?');
        return q < 0 ? server.url() : server.url().substring(0, q);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
