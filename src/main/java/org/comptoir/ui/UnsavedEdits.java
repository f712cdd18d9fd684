package org.comptoir.ui;

import java.util.function.Consumer;

/**
 * A screen that may hold edits not saved yet (a campaign draft, the settings and SMS provider, the backup folder and
 * days, an import's adjusted columns): before leaving it through the sidebar or a link, the main window asks
 * "Enregistrer / Ne pas enregistrer / Rester". Both methods are called on the FX thread.
 */
public interface UnsavedEdits {

    boolean hasUnsavedEdits();

    /** Saves the edits (in the background); then {@code done} gets true, or false when refused (the reason is shown). */
    void saveThen(Consumer<Boolean> done);
}
