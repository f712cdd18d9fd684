package org.comptoir.ui.settings;

import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.CoreSettings;
import org.comptoir.ui.Forms;
import org.comptoir.ui.UiContext;

/**
 * Settings, owner only. A setting whose default is true/false is a checkbox, the country a list, the language
 * fr/en (applied at the next start: the running windows keep their language), every other one a text field.
 */
public final class SettingsView extends ScrollPane {

    public SettingsView(UiContext ui) {
        this(new SettingsViewModel(ui.app().settings(), ui.messages(), ui.executor()), ui.messages());
    }

    SettingsView(SettingsViewModel vm, Messages messages) {
        setId("settingsView");
        setFitToWidth(true);
        Label title = new Label(messages.get("settings.title"));
        title.getStyleClass().add("screen-title");
        VBox form = new VBox(12, title);
        form.getStyleClass().add("screen");
        form.setMaxWidth(720);

        Label banner = new Label();
        banner.setId("settingsBanner");
        banner.setWrapText(true);
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        vm.bannerIsErrorProperty().addListener((obs, was, now) -> styleBanner(banner, now));
        styleBanner(banner, false);
        form.getChildren().add(banner);

        for (SettingsViewModel.Row row : vm.rows()) {
            String key = row.definition().key();
            Node control = control(row, messages);
            // CSS ids cannot hold dots: shop.name becomes #setting-shop-name
            String id = key.replace('.', '-');
            control.setId("setting-" + id);
            VBox field = Forms.field(key, control, row.error(), "error-" + id);
            if (messages.has(row.definition().helpKey())) {
                Label help = new Label(messages.get(row.definition().helpKey()));
                help.setWrapText(true);
                help.getStyleClass().add("text-muted");
                field.getChildren().add(1, help);
            }
            form.getChildren().add(field);
        }
        Button save = new Button(messages.get("settings.save"));
        save.setId("settingsSave");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.loadedProperty().not());
        save.setOnAction(e -> vm.save());
        form.getChildren().addAll(save, new Separator());

        Label pinTitle = new Label(messages.get("settings.pin.title"));
        pinTitle.getStyleClass().add("title-4");
        PasswordField pin = new PasswordField();
        pin.setId("newPin");
        pin.setPromptText(messages.get("setup.pin.prompt"));
        pin.textProperty().bindBidirectional(vm.newPinProperty());
        PasswordField again = new PasswordField();
        again.setId("newPinAgain");
        again.setPromptText(messages.get("setup.pin.again"));
        again.textProperty().bindBidirectional(vm.newPinAgainProperty());
        Button change = new Button(messages.get("settings.pin.change"));
        change.setId("changePin");
        change.setOnAction(e -> vm.changePin());
        form.getChildren().addAll(pinTitle, Forms.field(messages.get("setup.pin"), new HBox(12, pin, again, change),
                vm.pinErrorProperty(), "newPinError"));
        setContent(form);
        vm.load();
    }

    private static Node control(SettingsViewModel.Row row, Messages messages) {
        String key = row.definition().key();
        String def = row.definition().defaultValue();
        if (CoreSettings.SHOP_COUNTRY.equals(key)) {
            var box = Forms.countryChoice(messages.locale(), row.value());
            return box;
        }
        if (CoreSettings.UI_LANGUAGE.equals(key)) {
            ChoiceBox<String> box = new ChoiceBox<>();
            box.getItems().addAll("fr", "en");
            box.setValue(row.value().get());
            box.valueProperty().addListener((obs, was, now) -> row.value().set(now));
            row.value().addListener((obs, was, now) -> box.setValue(now));
            return box;
        }
        if (Set.of("true", "false").contains(def)) {
            CheckBox box = new CheckBox();
            box.setSelected(Boolean.parseBoolean(row.value().get()));
            box.selectedProperty().addListener((obs, was, now) -> row.value().set(String.valueOf(now)));
            row.value().addListener((obs, was, now) -> box.setSelected(Boolean.parseBoolean(now)));
            return box;
        }
        TextField field = new TextField();
        field.textProperty().bindBidirectional(row.value());
        return field;
    }

    private static void styleBanner(Label banner, boolean error) {
        banner.getStyleClass().setAll("label", "banner", error ? "danger" : "success");
    }
}
