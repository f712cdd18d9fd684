package org.comptoir.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a backup archive says about itself ({@code manifest.json}, its last entry): the format, the version and
 * time it was made, the consent ledger head it holds (sequence, hash and when that last event was recorded), and
 * the size and SHA-256 of every other entry.
 *
 * @param ledgerAt when the head's event was recorded; null for an empty ledger, and in archives made before the
 *                 manifest carried it (same format version: a reader that does not know the field ignores it)
 * @param tillId   the id of the till whose data folder was backed up ({@code settings.TillIdentity}); null when it had
 *                 none, and in archives made before the manifest carried it (their {@code till.id} entry tells)
 */
public record BackupManifest(String format, int formatVersion, String appVersion, Instant createdAt,
                             long ledgerSeq, String ledgerHash, Instant ledgerAt, String tillId,
                             List<FileEntry> files) {

    /** The value of {@link #format} in every Comptoir backup: anything else is a foreign file. */
    public static final String FORMAT = "comptoir-backup";
    public static final int FORMAT_VERSION = 1;
    public static final String ENTRY = "manifest.json";

    public BackupManifest {
        files = List.copyOf(files);
    }

    /** One archived file: its name in the data folder, its size in bytes, its SHA-256 in hex. */
    public record FileEntry(String name, long size, String sha256) {
    }
}
