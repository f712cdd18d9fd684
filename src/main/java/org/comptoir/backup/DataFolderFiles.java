package org.comptoir.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which files of a data folder a backup carries beside the database copy, and a restore sets aside: every small
 * file at its top level that is not H2's own — the key files ({@code ledger.key}, {@code settings.key}, any other
 * {@code *.key}) and the ledger's identity or checkpoint files, whatever later versions name them. Folders (logs,
 * backups, earlier stores set aside) are never part of it.
 */
final class DataFolderFiles {

    /** Keys and checkpoints are a few hundred bytes; anything this large was not put there by Comptoir. */
    private static final long MAX_BYTES = 1024 * 1024;

    private DataFolderFiles() {
    }

    /** The key and checkpoint files of {@code folder}, by name. */
    static List<Path> of(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(DataFolderFiles::carried).sorted().toList();
        }
    }

    /** The database's own files (the store itself and H2's trace), which a restore sets aside with the keys. */
    static boolean isDatabaseFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("comptoir.") && name.endsWith(".db");
    }

    private static boolean carried(Path file) {
        String name = file.getFileName().toString();
        try {
            return Files.isRegularFile(file) && !isDatabaseFile(file) && !name.startsWith(".")
                    && !name.endsWith(".tmp") && !name.endsWith(".part") && Files.size(file) <= MAX_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes {@code folder} and everything in it; quietly does nothing when it is gone. */
    static void deleteTree(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(DataFolderFiles.class).warn("Could not delete {}", folder, e);
        }
    }
}
