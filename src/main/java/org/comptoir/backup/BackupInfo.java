package org.comptoir.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One archive found in a backup folder, as {@code backup list} and the backup screen show it.
 *
 * @param manifest empty when the archive cannot be read (truncated, foreign): {@code problem} says why
 */
public record BackupInfo(Path file, Instant createdAt, long sizeBytes, Optional<BackupManifest> manifest,
                         Optional<org.comptoir.i18n.UserMessage> problem) {
}
