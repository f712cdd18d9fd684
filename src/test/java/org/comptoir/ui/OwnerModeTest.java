package org.comptoir.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.comptoir.MutableClock;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.OwnerPin;
import org.comptoir.settings.Settings;
import org.comptoir.settings.TillSettings;
import org.comptoir.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner mode without a toolkit: the calling-thread executor, a real PIN in a real store, a clock we move. */
class OwnerModeTest {

    @TempDir
    Path dir;
    Database db;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    ScriptedDialogs dialogs = new ScriptedDialogs();
    OwnerMode owner;
    int granted;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        Settings settings = new Settings(db, TillSettings.DEFINITIONS);
        settings.set(TillSettings.OWNER_PIN, "2468");
        settings.set(TillSettings.OWNER_IDLE_MINUTES, "5");
        owner = new OwnerMode(() -> new OwnerPin(settings), () -> settings.getInt(TillSettings.OWNER_IDLE_MINUTES),
                Messages.forLanguage("fr"), new CurrentThreadTaskExecutor(), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void rightPinUnlocksUntilIdleTimeOrLock() {
        dialogs.answers.add("2468");
        owner.requireOwner(dialogs, () -> granted++);
        assertThat(granted).isEqualTo(1);
        assertThat(owner.isUnlocked()).isTrue();

        owner.requireOwner(dialogs, () -> granted++);
        assertThat(granted).as("no second question while unlocked").isEqualTo(2);

        clock.advance(Duration.ofMinutes(4));
        owner.touch();
        clock.advance(Duration.ofMinutes(4));
        owner.checkIdle();
        assertThat(owner.isUnlocked()).as("activity restarts the idle clock").isTrue();
        clock.advance(Duration.ofMinutes(1));
        owner.checkIdle();
        assertThat(owner.isUnlocked()).isFalse();
    }

    @Test
    void confirmPinAlwaysAsksAndDoesNotUnlock() {
        dialogs.answers.add("2468");
        owner.confirmPin(dialogs, () -> granted++);
        assertThat(granted).isEqualTo(1);
        assertThat(owner.isUnlocked()).isFalse();
        owner.confirmPin(dialogs, () -> granted++);
        assertThat(granted).as("cancelled: no answer scripted").isEqualTo(1);
    }

    @Test
    void afterFiveWrongPinsTheNextTryWaitsThirtySeconds() {
        for (int i = 0; i < OwnerMode.FREE_TRIES; i++) {
            dialogs.answers.add("0000");
            owner.requireOwner(dialogs, () -> granted++);
        }
        assertThat(dialogs.errors).hasSize(5).allMatch(e -> e.equals("Code incorrect."));
        dialogs.answers.add("2468");
        owner.requireOwner(dialogs, () -> granted++);
        assertThat(granted).isZero();
        assertThat(dialogs.errors.get(5)).isEqualTo("Trop d'essais. Réessayez dans 30 s.");
        assertThat(dialogs.answers).as("the PIN was not even asked").hasSize(1);

        clock.advance(OwnerMode.THROTTLE);
        owner.requireOwner(dialogs, () -> granted++);
        assertThat(granted).isEqualTo(1);
    }
}
