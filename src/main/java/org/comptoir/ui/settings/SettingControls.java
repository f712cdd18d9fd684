package org.comptoir.ui.settings;

import java.text.NumberFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.SettingControl;
import org.comptoir.ui.Forms;

/**
 * Builds the control a setting's {@link SettingControl} asks for, bound both ways to its row's stored value:
 * a list of named choices, a checkbox, a number field that says its range, else a text field. The country
 * keeps its searchable list of country names.
 */
final class SettingControls {

    /** Digits only (a minus sign where the range allows it): the range check says the rest. */
    private static final String WHOLE = "-?\\d*";
    private static final String DECIMAL = "-?\\d*([.,]\\d*)?";

    private SettingControls() {
    }

    /** The control for {@code row}, {@code id} on the part that takes the input; returns what the form lays out. */
    static Node build(SettingsViewModel.Row row, Messages messages, String id) {
        Node built = control(row, messages);
        Node input = built.getStyleClass().contains("setting-number") ? ((HBox) built).getChildren().get(0) : built;
        input.setId(id);
        return built;
    }

    private static Node control(SettingsViewModel.Row row, Messages messages) {
        String key = row.definition().key();
        if (CoreSettings.SHOP_COUNTRY.equals(key)) {
            return Forms.countryChoice(messages.locale(), row.value());
        }
        SettingControl kind = row.definition().control();
        if (kind instanceof SettingControl.Choice c) {
            return choice(row, c.values(), value -> choiceName(messages, key, value));
        }
        if (kind instanceof SettingControl.Toggle) {
            CheckBox box = new CheckBox();
            box.setSelected(Boolean.parseBoolean(row.value().get()));
            box.selectedProperty().addListener((obs, was, now) -> row.value().set(String.valueOf(now)));
            row.value().addListener((obs, was, now) -> box.setSelected(Boolean.parseBoolean(now)));
            return box;
        }
        if (kind instanceof SettingControl.WholeNumber n) {
            return number(row, WHOLE, messages.get("settings.range.whole", String.valueOf(n.min()), String.valueOf(n.max())));
        }
        if (kind instanceof SettingControl.Decimal n) {
            return number(row, DECIMAL, messages.get("settings.range.decimal", decimal(messages, n.min()), decimal(messages, n.max())));
        }
        TextField field = new TextField();
        field.textProperty().bindBidirectional(row.value());
        return field;
    }

    /** 5 as "5", 0.5 as "0,5" in French: no grouping, the way the owner types it. */
    private static String decimal(Messages messages, double value) {
        NumberFormat format = NumberFormat.getNumberInstance(messages.locale());
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(6);
        return format.format(value);
    }

    /**
     * The name of a stored value: {@code setting.<key>.choice.<value>}, else {@code <key>.<value>} (the schedule
     * presets are named that way for every screen), else the value itself.
     */
    static String choiceName(Messages messages, String key, String value) {
        for (String k : List.of("setting." + key + ".choice." + value, key + "." + value)) {
            if (messages.has(k)) {
                return messages.get(k);
            }
        }
        return value;
    }

    /** A closed list of values, each shown by its name; the row keeps the stored value. */
    static ChoiceBox<String> choice(SettingsViewModel.Row row, List<String> values, Function<String, String> name) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.getItems().addAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public String fromString(String shown) {
                return shown;
            }
        });
        box.setValue(row.value().get());
        box.valueProperty().addListener((obs, was, now) -> row.value().set(now));
        row.value().addListener((obs, was, now) -> box.setValue(now));
        return box;
    }

    /** A short field that takes only number characters, with its range beside it. */
    private static Node number(SettingsViewModel.Row row, String allowed, String range) {
        TextField field = new TextField();
        field.setPrefColumnCount(7);
        UnaryOperator<TextFormatter.Change> filter = change -> change.getControlNewText().matches(allowed) ? change : null;
        field.setTextFormatter(new TextFormatter<>(filter));
        field.textProperty().bindBidirectional(row.value());
        Label hint = new Label(range);
        hint.getStyleClass().addAll("text-muted", "setting-range");
        HBox box = new HBox(12, field, hint);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("setting-number");
        return box;
    }
}
