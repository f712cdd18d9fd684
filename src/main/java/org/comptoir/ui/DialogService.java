package org.comptoir.ui;

import java.util.List;
import java.util.Optional;

/** Dialogs behind an interface, so ViewModels can be tested without a toolkit. Call on the FX thread. */
public interface DialogService {

    void showError(String title, String message);

    void showInformation(String title, String message);

    boolean confirm(String title, String message);

    /**
     * Asks to confirm an action with buttons that name the choices ("Annuler la campagne" / "Garder la campagne")
     * instead of OK / Cancel, which are ambiguous when the action itself is a cancellation or an erasure.
     * True when {@code confirmLabel} was chosen.
     */
    default boolean confirm(String title, String message, String confirmLabel, String keepLabel) {
        return confirm(title, message);
    }

    /**
     * Asks the owner to pick one of several named choices ("Continuer la modification" / "Abandonner les
     * modifications" / "Enregistrer"). Returns the index chosen in {@code choices}; {@code safeIndex} when the dialog
     * is closed without a choice, and Enter picks it too.
     *
     * <p>This default offers only two of the choices (the first other than the safe one, and the safe one);
     * the application's dialogs show them all.
     */
    default int choose(String title, String message, List<String> choices, int safeIndex) {
        int other = safeIndex == 0 ? 1 : 0;
        return confirm(title, message, choices.get(other), choices.get(safeIndex)) ? other : safeIndex;
    }

    /** Asks for a secret (a PIN); empty when cancelled. */
    Optional<String> askSecret(String title, String prompt);
}
