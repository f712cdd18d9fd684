package org.comptoir.ui.settings;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.Forms;
import org.comptoir.ui.UiContext;

/**
 * Settings, owner only. Each setting gets the control of its kind ({@link SettingControls}): named choices, a
 * checkbox, a number with its range, the country list, else a text field. The language applies at the next
 * start: the running windows keep theirs.
 */
public final class SettingsView extends BorderPane implements org.comptoir.ui.UnsavedEdits {

    private final SettingsViewModel model;
    private final HttpProviderPane providerPane;

    public SettingsView(UiContext ui) {
        this(new SettingsViewModel(ui.app().settings(), ui.messages(), ui.executor()), ui.messages(),
                new HttpProviderPane(new HttpProviderViewModel(ui.app().settings(), ui.messages(), ui.executor()),
                        ui.messages()));
    }

    SettingsView(SettingsViewModel vm, Messages messages, HttpProviderPane providerPane) {
        this.model = vm;
        this.providerPane = providerPane;
        setId("settingsView");
        Label title = new Label(messages.get("settings.title"));
        title.getStyleClass().add("screen-title");
        VBox form = new VBox(12, title);
        form.getStyleClass().add("screen");
        form.setMaxWidth(720);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);

        String group = null;
        for (SettingsViewModel.Row row : SettingsGroups.ordered(vm.rows())) {
            if (HttpProviderPane.shows(row.definition().key())) {
                continue; // the provider pane shows only the chosen provider's fields, and has its own save
            }
            String rowGroup = SettingsGroups.groupOf(row.definition().key());
            if (!rowGroup.equals(group)) {
                Label header = new Label(messages.get("settings.group." + rowGroup));
                header.getStyleClass().add("title-4");
                if (group != null) {
                    form.getChildren().add(new Separator());
                }
                form.getChildren().add(header);
                group = rowGroup;
            }
            form.getChildren().add(field(row, messages));
        }

        form.getChildren().addAll(new Separator(), providerPane);

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
        form.getChildren().addAll(new Separator(), pinTitle, Forms.field(messages.get("setup.pin"),
                new HBox(12, pin, again, change), vm.pinErrorProperty(), "newPinError"));
        // a keyboard user tabbing through twenty fields must see the one being typed in
        Forms.followFocus(this, scroll, form);

        // Save stays in view: the owner should not have to scroll to the end to keep a change
        Label banner = new Label();
        banner.setId("settingsBanner");
        banner.setWrapText(true);
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        vm.bannerIsErrorProperty().addListener((obs, was, now) -> styleBanner(banner, now));
        styleBanner(banner, false);
        Button save = new Button(messages.get("settings.save"));
        save.setId("settingsSave");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.loadedProperty().not());
        save.setOnAction(e -> {
            vm.save();
            providerPane.save();
        });
        HBox bar = new HBox(12, save, banner);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("settings-bar");
        bar.setPadding(new Insets(12, 24, 12, 24));

        setCenter(scroll);
        setBottom(bar);
        vm.load();
    }

    /** Label in words, the help line, the control; the key itself is for the command line only. */
    private static VBox field(SettingsViewModel.Row row, Messages messages) {
        String key = row.definition().key();
        String labelKey = row.definition().labelKey();
        // CSS ids cannot hold dots: shop.name becomes #setting-shop-name
        String id = key.replace('.', '-');
        Node control = SettingControls.build(row, messages, "setting-" + id);
        // a feature that forgot its label still gets a name in words (its help), never its key
        String name = messages.has(labelKey) ? messages.get(labelKey)
                : messages.has(row.definition().helpKey()) ? messages.get(row.definition().helpKey()) : "";
        VBox field = Forms.field(name, control, row.error(), "error-" + id);
        if (messages.has(labelKey) && messages.has(row.definition().helpKey())) {
            Label help = new Label(messages.get(row.definition().helpKey()));
            help.setWrapText(true);
            help.getStyleClass().add("text-muted");
            field.getChildren().add(1, help);
        }
        return field;
    }

    private static void styleBanner(Label banner, boolean error) {
        banner.getStyleClass().setAll("label", "banner", error ? "danger" : "success");
    }

    /** The provider section counts: its fields are saved by the same Save, and were lost on leaving without a word. */
    @Override
    public boolean hasUnsavedEdits() {
        return model.hasUnsavedChanges() || providerPane.hasUnsavedChanges();
    }

    /** Saves the settings, then the provider section; {@code done} gets true only when both are saved. */
    @Override
    public void saveThen(java.util.function.Consumer<Boolean> done) {
        model.saveThen(saved -> {
            if (saved) {
                providerPane.saveThen(done);
            } else {
                done.accept(false);
            }
        });
    }
}
