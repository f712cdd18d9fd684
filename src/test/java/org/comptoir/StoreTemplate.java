package org.comptoir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.comptoir.store.Database;

/**
 * A new store's files, made once per test JVM by {@link Database#open} in an empty folder and copied into a test's
 * empty data folder: the real H2 file with every migration applied and its file key, as a first start leaves them.
 * Making a store runs all of Flyway's migrations (about 0.6 s of CPU each time); opening a copy only validates them
 * (about 0.15 s), so fixtures that open a new store per test start from a copy.
 *
 * <p>Every copy has the same file key ({@code store.key}) and, like any new store, no ledger key or identity yet:
 * those are made on the copy by the first {@code AppContext.open}. The tests of making a store itself (the store
 * package, the migrations, the data folder checks) keep opening empty folders.
 */
public final class StoreTemplate {

    private static Path made;

    private StoreTemplate() {
    }

    /** Puts a new store's files in {@code dataDir} if it is missing or empty; leaves any other folder as it is. */
    public static Path into(Path dataDir) {
        try {
            if (Files.isDirectory(dataDir) && !isEmpty(dataDir)) {
                return dataDir;
            }
            Path template = template();
            Files.createDirectories(dataDir);
            for (Path file : files(template)) {
                Files.copy(file, dataDir.resolve(file.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
            return dataDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path template() throws IOException {
        if (made == null) {
            // java.io.tmpdir: surefire points it into target/tmp
            Path store = Files.createTempDirectory("store-template").resolve("store");
            Database.open(store).close();
            made = store;
        }
        return made;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> in = Files.list(dir)) {
            return in.findAny().isEmpty();
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> in = Files.list(dir)) {
            return in.filter(Files::isRegularFile).toList();
        }
    }
}
