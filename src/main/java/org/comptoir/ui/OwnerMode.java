package org.comptoir.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.OwnerPin;

/**
 * Cashier or owner. The app starts in cashier mode; the owner PIN unlocks owner mode, which stays until
 * {@link #lock()} or {@code owner.idle-minutes} without input. After {@value #FREE_TRIES} wrong PINs in a row
 * each further try waits {@link #THROTTLE}: no lockout (the owner must always get in), but guessing a
 * 4-digit PIN at the till becomes a matter of hours. Use on the FX thread.
 */
public final class OwnerMode {

    static final int FREE_TRIES = 5;
    static final Duration THROTTLE = Duration.ofSeconds(30);

    private final Supplier<OwnerPin> pin;
    private final IntSupplier idleMinutes;
    private final Messages messages;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper(this, "unlocked", false);
    private int failures;
    private Instant retryAfter = Instant.MIN;
    private Instant lastActivity;
    private volatile Duration idleLimit = Duration.ofMinutes(5);

    public OwnerMode(Supplier<OwnerPin> pin, IntSupplier idleMinutes, Messages messages, TaskExecutor executor,
                     Clock clock) {
        this.pin = pin;
        this.idleMinutes = idleMinutes;
        this.messages = messages;
        this.executor = executor;
        this.clock = clock;
        this.lastActivity = clock.instant();
    }

    // Properties

    public ReadOnlyBooleanProperty unlockedProperty() {
        return unlocked.getReadOnlyProperty();
    }

    public boolean isUnlocked() {
        return unlocked.get();
    }

    // Commands

    /** Runs {@code granted} at once in owner mode, else after the right PIN (which opens owner mode). */
    public void requireOwner(DialogService dialogs, Runnable granted) {
        if (isUnlocked()) {
            touch();
            granted.run();
        } else {
            askPin(dialogs, true, granted);
        }
    }

    /**
     * Always asks the PIN, even in owner mode: for erasure and for leaving the kiosk, where the person at the
     * screen may not be the one who unlocked it. Does not open owner mode.
     */
    public void confirmPin(DialogService dialogs, Runnable granted) {
        askPin(dialogs, false, granted);
    }

    public void lock() {
        unlocked.set(false);
    }

    /** Any key or click: owner mode's idle clock starts again. */
    public void touch() {
        lastActivity = clock.instant();
    }

    /** Called periodically: locks owner mode after the idle time. */
    public void checkIdle() {
        if (isUnlocked() && Duration.between(lastActivity, clock.instant()).compareTo(idleLimit) >= 0) {
            lock();
        }
    }

    private void askPin(DialogService dialogs, boolean unlock, Runnable granted) {
        Instant now = clock.instant();
        if (now.isBefore(retryAfter)) {
            long seconds = Math.max(1, Duration.between(now, retryAfter).toSeconds());
            dialogs.showError(messages.get("pin.title"), messages.get("pin.error.throttled", seconds));
            return;
        }
        Optional<String> typed = dialogs.askSecret(messages.get("pin.title"), messages.get("pin.prompt"));
        if (typed.isEmpty()) {
            return;
        }
        String attempt = typed.get().strip();
        executor.execute(() -> check(attempt), outcome -> {
            if (outcome == Outcome.WRONG) {
                failures++;
                if (failures >= FREE_TRIES) {
                    retryAfter = clock.instant().plus(THROTTLE);
                }
                dialogs.showError(messages.get("pin.title"), messages.get("pin.error.wrong"));
                return;
            }
            failures = 0;
            retryAfter = Instant.MIN;
            if (unlock) {
                touch();
                unlocked.set(true);
            }
            granted.run();
        }, failure -> dialogs.showError(messages.get("app.error.title"),
                messages.get("app.error.unexpected", String.valueOf(failure.getMessage()))));
    }

    private enum Outcome { RIGHT, WRONG, NO_PIN }

    /** Off the FX thread: reads the hash and the idle time, then runs PBKDF2. */
    private Outcome check(String attempt) {
        idleLimit = Duration.ofMinutes(idleMinutes.getAsInt());
        OwnerPin ownerPin = pin.get();
        if (!ownerPin.isSet()) {
            // No owner configured (set-up skipped from the command line): nothing to protect with.
            return Outcome.NO_PIN;
        }
        return ownerPin.check(attempt) ? Outcome.RIGHT : Outcome.WRONG;
    }
}
