package org.comptoir.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.comptoir.AppContext;
import org.comptoir.AppVersion;
import org.comptoir.MutableClock;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder, rotation, the daily rhythm and failures of {@link BackupService}, on a real store and a moved clock. */
class BackupServiceTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path usb;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    AppContext app;
    BackupService backups;
    final List<BackupStatus> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        app = AppContext.open(dataDir);
        backups = new BackupService(app.database(), app.settings(), dataDir, clock, AppVersion.current(),
                AppContext::checkStore);
        backups.onStatus(seen::add);
    }

    @AfterEach
    void close() {
        backups.close();
        app.close();
    }

    @Test
    void theDefaultFolderIsBackupsInTheDataFolderAndIsMadeWhenMissing() {
        assertThat(backups.folder()).isEqualTo(dataDir.resolve("backups"));
        BackupInfo written = backups.backupNow();
        assertThat(written.file().getParent()).isEqualTo(dataDir.resolve("backups"));
        assertThat(written.file().getFileName().toString()).isEqualTo("comptoir-backup-20261201-090000Z.zip");
        assertThat(backups.status().failed()).isFalse();
        assertThat(seen).extracting(s -> s.archive().orElseThrow()).containsExactly(written.file());
        // the working copy never stays behind in the data folder
        assertThat(hiddenFolders(dataDir)).isEmpty();
    }

    @Test
    void twoBackupsInTheSameSecondGetTwoNames() {
        Path first = backups.backupTo(usb).file();
        Path second = backups.backupTo(usb).file();
        assertThat(second).isNotEqualTo(first);
        assertThat(second.getFileName().toString()).isEqualTo("comptoir-backup-20261201-090000Z-2.zip");
        assertThat(backups.list(usb)).hasSize(2);
    }

    @Test
    void rotationKeepsTheChosenNumberOfDaysAndNeverOtherFiles() throws IOException {
        app.settings().set(BackupSettings.FOLDER, usb.toString());
        app.settings().set(BackupSettings.KEEP_DAYS, "3");
        Path notes = Files.writeString(usb.resolve("notes.txt"), "pas une sauvegarde");
        Path lookalike = Files.writeString(usb.resolve("comptoir-backup-old.zip"), "pas une sauvegarde non plus");
        for (int day = 0; day < 8; day++) {
            backups.backupNow();
            clock.advance(Duration.ofDays(1));
        }
        clock.advance(Duration.ofDays(-1)); // now = the last backup's time, 2026-12-08 09:00
        assertThat(backups.list()).extracting(b -> b.file().getFileName().toString()).containsExactly(
                "comptoir-backup-20261208-090000Z.zip", "comptoir-backup-20261207-090000Z.zip",
                "comptoir-backup-20261206-090000Z.zip", "comptoir-backup-20261205-090000Z.zip");
        assertThat(notes).exists();
        assertThat(lookalike).exists();

        // a shop closed for a month: rotation never deletes the last backup there is
        clock.advance(Duration.ofDays(30));
        backups.rotate(usb, clock.instant());
        assertThat(backups.list()).extracting(b -> b.file().getFileName().toString())
                .containsExactly("comptoir-backup-20261208-090000Z.zip");
    }

    @Test
    void theDailyCheckBacksUpOnceADay() {
        assertThat(backups.runIfDue()).isTrue();
        assertThat(backups.runIfDue()).isFalse();
        clock.advance(Duration.ofHours(23));
        assertThat(backups.runIfDue()).isFalse();
        clock.advance(Duration.ofHours(1));
        assertThat(backups.runIfDue()).isTrue();
        assertThat(backups.list()).hasSize(2);
    }

    @Test
    void aMissingFolderIsReportedToTheScreenAndRetriedAnHourLater() throws IOException {
        Path unplugged = usb.resolve("CLE-USB");
        app.settings().set(BackupSettings.FOLDER, unplugged.toString());
        assertThatThrownBy(() -> backups.backupNow()).isInstanceOf(ComptoirException.class);
        assertThat(Files.exists(unplugged)).as("never made: it would land on the local disk").isFalse();
        BackupStatus failed = backups.status();
        assertThat(failed.failed()).isTrue();
        assertThat(seen).containsExactly(failed);
        assertThat(Messages.forLanguage("fr").render(failed.problem().orElseThrow()))
                .isEqualTo("Le dossier des sauvegardes " + unplugged
                        + " est introuvable (clé USB débranchée ?). Aucune sauvegarde n'a été écrite.");
        assertThat(Messages.forLanguage("en").render(failed.problem().orElseThrow()))
                .startsWith("The backup folder " + unplugged + " is missing");

        assertThat(backups.runIfDue()).as("not retried within the hour").isFalse();
        assertThat(seen).hasSize(1);
        clock.advance(Duration.ofMinutes(61));
        Files.createDirectory(unplugged); // the key is plugged back in
        assertThat(backups.runIfDue()).isTrue();
        assertThat(backups.status().failed()).isFalse();
        assertThat(backups.list()).hasSize(1);
    }

    @Test
    void aFolderThatCannotBeWrittenIsReportedAndLeavesNoPartialFile() throws IOException {
        // a file where the folder should be: what a read-only or full medium looks like to the copy
        Path notAFolder = Files.writeString(usb.resolve("sauvegardes"), "");
        assertThatThrownBy(() -> backups.backupTo(notAFolder)).isInstanceOf(ComptoirException.class);
        assertThat(backups.status().failed()).isTrue();
        try (Stream<Path> files = Files.list(usb)) {
            assertThat(files.toList()).containsExactly(notAFolder);
        }
    }

    @Test
    void aRelativeFolderIsRefusedBySettings() {
        assertThatThrownBy(() -> app.settings().set(BackupSettings.FOLDER, "sauvegardes"))
                .isInstanceOf(ComptoirException.class)
                .satisfies(e -> assertThat(Messages.forLanguage("fr")
                        .render(((ComptoirException) e).userMessage())).contains("n'est pas un chemin complet"));
        assertThat(backups.folder()).isEqualTo(dataDir.resolve("backups"));
    }

    @Test
    void theDailyThreadIsNamedAndEndsWithTheService() throws InterruptedException {
        backups.startDaily();
        backups.startDaily(); // idempotent: still one thread
        List<Thread> daily = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("backup-daily")).toList();
        assertThat(daily).hasSize(1);
        assertThat(daily.get(0).isDaemon()).isTrue();
        backups.close();
        daily.get(0).join(30_000);
        assertThat(daily.get(0).isAlive()).isFalse();
    }

    private static List<Path> hiddenFolders(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".backup-")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
