package org.comptoir.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/**
 * Which till (which PC's data folder) this is, among the tills that share a store: a random id kept in
 * {@value #FILE_NAME} in the data folder, made on first use. The per-till settings ({@link SettingScope}) are stored
 * under it, so two tills on one shop server or one chain's PostgreSQL keep their own modem port, language and staff
 * name. Not a secret. A backup carries it (and records it in its manifest); a restore decides whether the PC takes
 * the backup's id, as a replacement PC must, or keeps its own, as a second till must (see backup.Restore).
 */
public final class TillIdentity {

    public static final String FILE_NAME = "till.id";
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f-]{36}");

    private TillIdentity() {
    }

    /**
     * The id of the till whose data folder is {@code dataDir}, made now if it has none. Blocks on disk.
     *
     * @throws ComptoirException the file cannot be read or written, or does not hold an id
     */
    public static String of(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                Path tmp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
                Files.writeString(tmp, UUID.randomUUID() + "\n", StandardCharsets.US_ASCII);
                try {
                    // no replace: two processes starting at once must agree on one id
                    Files.move(tmp, file);
                } catch (FileAlreadyExistsException lostRace) {
                    Files.deleteIfExists(tmp);
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("store.io", file, e.getMessage()), e);
        }
    }

    /**
     * The id of the till whose data folder is {@code dataDir}, or empty when it has none yet; never makes one (a
     * restore asks whether this PC already is a till). Blocks on disk.
     *
     * @throws ComptoirException the file cannot be read, or does not hold an id
     */
    public static java.util.Optional<String> existing(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(read(file));
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("store.io", file, e.getMessage()), e);
        }
    }

    private static String read(Path file) throws IOException {
        String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!SHAPE.matcher(id).matches()) {
            throw new ComptoirException(UserMessage.of("setting.till.id.bad", file));
        }
        return id;
    }
}
