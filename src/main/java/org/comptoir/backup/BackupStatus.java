package org.comptoir.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.comptoir.i18n.UserMessage;

/**
 * The outcome of the last backup attempt, for the owner's screen.
 *
 * @param attemptedAt when it was tried; empty when none was tried since start and none exists in the folder
 * @param archive     the archive written (or the newest found at start) when it worked
 * @param problem     why it failed; empty when it worked
 */
public record BackupStatus(Optional<Instant> attemptedAt, Optional<Path> archive, Optional<UserMessage> problem) {

    static final BackupStatus NEVER = new BackupStatus(Optional.empty(), Optional.empty(), Optional.empty());

    public boolean failed() {
        return problem.isPresent();
    }

    static BackupStatus written(Instant at, Path archive) {
        return new BackupStatus(Optional.of(at), Optional.of(archive), Optional.empty());
    }

    static BackupStatus failed(Instant at, UserMessage problem) {
        return new BackupStatus(Optional.of(at), Optional.empty(), Optional.of(problem));
    }
}
