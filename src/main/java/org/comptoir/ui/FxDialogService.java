package org.comptoir.ui;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        return alert(Alert.AlertType.CONFIRMATION, title, message).showAndWait()
                .filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public Optional<String> askSecret(String title, String prompt) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(prompt);
        PasswordField field = new PasswordField();
        field.setId("secretField");
        dialog.getDialogPane().setContent(new VBox(8, field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText() : null);
        dialog.setOnShown(e -> focusOnceShown(dialog, field));
        return dialog.showAndWait();
    }

    /**
     * Puts the keyboard in {@code field} once {@code dialog} is on screen. A request made in {@code onShown} loses
     * to the dialog pane, which hands the focus to its default button right after; the code typed then went to OK
     * and counted as a wrong PIN. So ask again on the next pulse, and whenever the dialog's window (re)gains the
     * focus — under a window manager that activates windows late, that is the moment that counts.
     */
    static void focusOnceShown(Dialog<?> dialog, Node field) {
        Platform.runLater(field::requestFocus);
        Window window = dialog.getDialogPane().getScene().getWindow();
        window.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                field.requestFocus();
            }
        });
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message, type == Alert.AlertType.CONFIRMATION
                ? new ButtonType[] {ButtonType.OK, ButtonType.CANCEL} : new ButtonType[] {ButtonType.OK});
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(null);
        return alert;
    }
}
