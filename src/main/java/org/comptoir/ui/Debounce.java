package org.comptoir.ui;

import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

/** Acts once typing pauses: each change restarts the wait, so a burst of keys costs one query. FX thread only. */
public final class Debounce {

    /** How long typing must pause before the till looks the number up or the contact list searches. */
    public static final Duration TYPING = Duration.millis(250);

    private Debounce() {
    }

    /** Runs {@code action} {@link #TYPING} after the last change of {@code source}. */
    public static void afterTyping(ObservableValue<?> source, Runnable action) {
        PauseTransition pause = new PauseTransition(TYPING);
        pause.setOnFinished(e -> action.run());
        source.addListener((obs, was, now) -> pause.playFromStart());
    }
}
