package org.comptoir.backup;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Validators;

/** Settings of the backups: where they go and how long they are kept. */
public final class BackupSettings {

    /** Folder of the backup archives; empty means {@code backups/} in the data folder. */
    public static final String FOLDER = "backup.folder";
    /** Days an archive is kept before rotation deletes it (the newest one is always kept). */
    public static final String KEEP_DAYS = "backup.keep-days";

    public static final List<SettingDefinition> DEFINITIONS = List.of(
            SettingDefinition.plain(FOLDER, "", BackupSettings::validFolder),
            SettingDefinition.plain(KEEP_DAYS, "30", Validators.integerBetween(1, 3650)));

    private BackupSettings() {
    }

    /** Empty, or an absolute path: a relative one would depend on where Comptoir happened to be started. */
    static Optional<UserMessage> validFolder(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Path.of(value.strip()).isAbsolute() ? Optional.empty()
                    : Optional.of(UserMessage.of("backup.setting.folder.relative", value));
        } catch (InvalidPathException e) {
            return Optional.of(UserMessage.of("backup.setting.folder.invalid", value));
        }
    }
}
