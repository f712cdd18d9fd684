package org.comptoir.ui;

import java.util.Optional;

/** Dialogs behind an interface, so ViewModels can be tested without a toolkit. Call on the FX thread. */
public interface DialogService {

    void showError(String title, String message);

    void showInformation(String title, String message);

    boolean confirm(String title, String message);

    /** Asks for a secret (a PIN); empty when cancelled. */
    Optional<String> askSecret(String title, String prompt);
}
