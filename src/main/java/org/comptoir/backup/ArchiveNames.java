package org.comptoir.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Archive names carry their UTC time ({@code comptoir-backup-20261201-214500Z.zip}), so rotation and listing
 * sort and age them without opening them, and never touch a file of the folder that is not one of theirs.
 */
final class ArchiveNames {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("comptoir-backup-(\\d{8}-\\d{6})Z(?:-(\\d+))?\\.zip");

    private ArchiveNames() {
    }

    /** The name for an archive made at {@code at}; {@code n > 1} when several are made within one second. */
    static String name(Instant at, int n) {
        return "comptoir-backup-" + stamp(at) + "Z" + (n > 1 ? "-" + n : "") + ".zip";
    }

    /** {@code yyyyMMdd-HHmmss} in UTC, also used for the folders a restore makes. */
    static String stamp(Instant at) {
        return STAMP.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /** When the archive named {@code file} was made; empty for any other file. */
    static Optional<Instant> timeOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
