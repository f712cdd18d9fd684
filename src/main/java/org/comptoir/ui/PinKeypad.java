package org.comptoir.ui;

import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;

/** Digit keys that type into a PIN field, for touch screens (the kiosk's exit). */
final class PinKeypad {

    private PinKeypad() {
    }

    /** A 3×4 keypad (1–9, ⌫, 0) typing into {@code field}; keys ids are {@code pin-key-<digit>} and {@code pin-key-back}. */
    static GridPane under(TextInputControl field) {
        GridPane keys = new GridPane();
        keys.getStyleClass().add("pin-keypad");
        keys.setHgap(8);
        keys.setVgap(8);
        String[] labels = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0"};
        for (int i = 0; i < labels.length; i++) {
            String k = labels[i];
            Button b = new Button(k);
            b.setId("pin-key-" + (k.equals("⌫") ? "back" : k));
            // the keys must not take the focus from the field, or Enter would press a digit
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                if (k.equals("⌫")) {
                    String t = field.getText();
                    field.setText(t.isEmpty() ? t : t.substring(0, t.length() - 1));
                } else {
                    field.appendText(k);
                }
                field.positionCaret(field.getText().length());
            });
            keys.add(b, i % 3, i / 3);
        }
        return keys;
    }
}
