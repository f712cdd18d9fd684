package org.comptoir.consent;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only checkpoint file {@code ledger-checkpoints.txt} in the data folder: one line per ledger head,
 * {@code <seq> <hash> <time UTC>}, written after every append. It lives outside the database, so someone who
 * rewrites the ledger and recomputes the chain and the head with the documented recipe still leaves a head the
 * file (or a copy kept on a USB key, or printed) does not know. Lines are only ever added.
 *
 * <p>The chain links each row to the one before, so a ledger that has a checkpoint's hash at its sequence has
 * every earlier row unchanged: checking the file's latest line checks them all.
 */
final class LedgerCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerCheckpoints.class);

    static final String FILE_NAME = "ledger-checkpoints.txt";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String HEADER = "# Comptoir consent ledger checkpoints: sequence, hash, time (UTC). Keep a copy "
            + "elsewhere; 'comptoir consent verify --checkpoint FILE' proves the ledger still extends the last line.\n";

    private final Path file;

    LedgerCheckpoints(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    /**
     * Adds {@code head} as a line. A failure is logged, not thrown: the consent it follows is already saved, and
     * the next append writes a newer head anyway.
     */
    synchronized void append(LedgerHead head) {
        try {
            if (!Files.exists(file)) {
                create();
            }
            Files.writeString(file, line(head), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("Could not add the ledger head {} to {}: {}", head.seq(), file, e.toString());
        }
    }

    static String line(LedgerHead head) {
        return head.seq() + " " + head.hash() + " " + (head.at() == null ? "-" : head.at().toString()) + "\n";
    }

    private void create() throws IOException {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, HEADER, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            Files.deleteIfExists(tmp);
        }
    }

    /** The latest checkpoint of this folder's file, empty when there is no file or no line yet. */
    Optional<LedgerHead> latest() {
        return Files.exists(file) ? latestIn(file) : Optional.empty();
    }

    /**
     * The line with the highest sequence in a checkpoint file (read a line at a time: it grows by one line per
     * consent). Throws ComptoirException when the file cannot be read or a line is not a checkpoint.
     */
    static Optional<LedgerHead> latestIn(Path path) {
        LedgerHead best = null;
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String raw;
            int number = 0;
            while ((raw = in.readLine()) != null) {
                number++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int lineNumber = number;
                LedgerHead head = parse(line).orElseThrow(() -> new ComptoirException(
                        UserMessage.of("consent.checkpoint.bad.line", path, lineNumber)));
                if (best == null || head.seq() > best.seq()) {
                    best = head;
                }
            }
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("consent.checkpoint.unreadable", path, e.getMessage()), e);
        }
        return Optional.ofNullable(best);
    }

    /** {@code <seq> <hash> [time]}, or empty when the text is not one. */
    static Optional<LedgerHead> parse(String line) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length < 2 || parts.length > 3 || !HASH.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        try {
            long seq = Long.parseLong(parts[0]);
            Instant at = parts.length == 3 && !"-".equals(parts[2]) ? Instant.parse(parts[2]) : null;
            return seq < 0 ? Optional.empty() : Optional.of(new LedgerHead(seq, parts[1], at));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A checkpoint as typed by the owner: a file of checkpoints, a {@code seq hash} line, or a hash alone. */
    static LedgerHead fromArgument(String argument) {
        String a = argument.strip().toLowerCase(java.util.Locale.ROOT);
        if (HASH.matcher(a).matches()) {
            return LedgerHead.ofHash(a);
        }
        Optional<LedgerHead> line = parse(a.replace(':', ' '));
        if (line.isPresent()) {
            return line.get();
        }
        Path path = Path.of(argument.strip());
        if (!Files.isRegularFile(path)) {
            throw new ComptoirException(UserMessage.of("consent.checkpoint.not.found", argument));
        }
        return latestIn(path).orElseThrow(() -> new ComptoirException(
                UserMessage.of("consent.checkpoint.empty", path)));
    }
}
