package org.comptoir.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.comptoir.i18n.Messages;

/**
 * {@link DialogService} with JavaFX alerts owned by the main window. Buttons are labelled from the application's
 * messages: JavaFX's own OK / Cancel follow the JVM's locale, which showed "Cancel" in a French shop.
 */
public final class FxDialogService implements DialogService {

    private final Window owner;
    private final Messages messages;
    private final boolean keypad;

    public FxDialogService(Window owner, Messages messages) {
        this(owner, messages, false);
    }

    private FxDialogService(Window owner, Messages messages, boolean keypad) {
        this.owner = owner;
        this.messages = messages;
        this.keypad = keypad;
    }

    /** The same dialogs for a touch screen: the PIN prompt has a digit keypad, so a kiosk closes without a keyboard. */
    public FxDialogService withKeypad() {
        return new FxDialogService(owner, messages, true);
    }

    /** Before the store is open (start-up errors): the system's language. */
    public FxDialogService(Window owner) {
        this(owner, Messages.forDefaultLocale());
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message, okButton()).showAndWait();
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message, okButton()).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        return confirm(title, message, messages.get("dialog.ok"), messages.get("dialog.cancel"));
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel, String keepLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(keepLabel, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message, yes, keep);
        // the safe choice is the default: Enter keeps, the action needs a deliberate choice
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public int choose(String title, String message, List<String> choices, int safeIndex) {
        List<ButtonType> types = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            types.add(new ButtonType(choices.get(i),
                    i == safeIndex ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER));
        }
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message, types.toArray(ButtonType[]::new));
        for (int i = 0; i < types.size(); i++) {
            Button b = (Button) alert.getDialogPane().lookupButton(types.get(i));
            b.setId("choice-" + i);
            b.setDefaultButton(i == safeIndex); // Enter keeps the safe choice
            b.setMinWidth(Region.USE_PREF_SIZE); // the choices are sentences: never "Abandonner les…"
        }
        int chosen = alert.showAndWait().map(types::indexOf).orElse(safeIndex);
        return chosen < 0 ? safeIndex : chosen;
    }

    @Override
    public Optional<String> askSecret(String title, String prompt) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(prompt);
        PasswordField field = new PasswordField();
        field.setId("secretField");
        VBox content = new VBox(8, field);
        if (keypad) {
            content.getChildren().add(PinKeypad.under(field));
            dialog.getDialogPane().getStylesheets().add(Styles.CSS);
            dialog.getDialogPane().getStyleClass().add("pin-touch");
        }
        dialog.getDialogPane().setContent(content);
        ButtonType ok = okButton();
        dialog.getDialogPane().getButtonTypes().addAll(ok,
                new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setResultConverter(b -> b == ok ? field.getText() : null);
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

    private ButtonType okButton() {
        return new ButtonType(messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    private Alert alert(Alert.AlertType type, String title, String message, ButtonType... buttons) {
        Alert alert = new Alert(type, message, buttons);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(null);
        return alert;
    }
}
