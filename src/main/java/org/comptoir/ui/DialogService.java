package org.comptoir.ui;

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

    /** Asks for a secret (a PIN); empty when cancelled. */
    Optional<String> askSecret(String title, String prompt);
}
