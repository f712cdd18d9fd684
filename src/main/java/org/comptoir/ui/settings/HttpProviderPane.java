package org.comptoir.ui.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.HttpSettings;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.ui.Forms;

/**
 * The SMS provider section of the settings screen: a provider list, then only that provider's fields (the others
 * stay built but hidden, so typed values survive a change of mind) and "Test"; the screen's Save saves them. Plain fields
 * keep the settings screen's ids ({@code #setting-http-…}); credentials are password fields ({@code #secret-http-…})
 * that stay empty once saved.
 */
public final class HttpProviderPane extends VBox {

    private final Map<String, Node> fields = new LinkedHashMap<>();
    private final HttpProviderViewModel vm;

    /** Whether the settings screen leaves {@code key} to this pane. */
    public static boolean shows(String key) {
        return key.startsWith("http.");
    }

    public HttpProviderPane(HttpProviderViewModel vm, Messages messages) {
        super(12);
        this.vm = vm;
        setId("httpProviderPane");
        Label title = new Label(messages.get("http.ui.title"));
        title.getStyleClass().add("title-4");

        ChoiceBox<String> provider = new ChoiceBox<>();
        provider.setId("setting-http-provider");
        provider.getItems().addAll(HttpSettings.PROVIDERS);
        provider.setConverter(new StringConverter<>() {
            @Override
            public String toString(String p) {
                return p == null ? "" : messages.get("http.ui.provider." + p);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        provider.valueProperty().bindBidirectional(vm.providerProperty());
        VBox providerField = Forms.field(messages.get("http.ui.provider"), provider, new javafx.beans.property.SimpleStringProperty(""),
                "error-http-provider");
        getChildren().addAll(title, providerField);

        for (SettingDefinition d : HttpSettings.DEFINITIONS) {
            if (d.key().equals(HttpSettings.PROVIDER)) {
                continue;
            }
            VBox field = field(d, vm, messages);
            fields.put(d.key(), field);
            getChildren().add(field);
        }

        Button test = new Button(messages.get("http.ui.test"));
        test.setId("httpTest");
        test.disableProperty().bind(vm.busyProperty());
        test.setOnAction(e -> vm.test());
        Label status = new Label();
        status.setId("httpStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        vm.statusIsErrorProperty().addListener((o, was, now) ->
                status.getStyleClass().setAll("label", now ? "danger" : "success"));
        HBox actions = new HBox(12, test);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(actions, status);

        vm.providerProperty().addListener((o, was, now) -> showOnly(now));
        showOnly(vm.providerProperty().get());
        vm.load();
    }

    /** Saves the provider's changed fields (the settings screen's Save calls it); nothing when nothing changed. */
    public void save() {
        vm.save();
    }

    /** Whether the provider or one of its fields was changed and not saved yet. */
    public boolean hasUnsavedChanges() {
        return vm.hasUnsavedChanges();
    }

    /** {@link #save}, then {@code done} gets whether it was saved (false: refused, the reason is shown). */
    public void saveThen(java.util.function.Consumer<Boolean> done) {
        vm.saveThen(done);
    }

    private void showOnly(String provider) {
        List<String> keys = HttpProviderViewModel.keysFor(provider == null ? "" : provider);
        fields.forEach((key, node) -> {
            node.setVisible(keys.contains(key));
            node.setManaged(keys.contains(key));
        });
    }

    private static VBox field(SettingDefinition d, HttpProviderViewModel vm, Messages messages) {
        String key = d.key();
        String id = key.replace('.', '-');
        TextInputControl input;
        if (d.secret()) {
            PasswordField p = new PasswordField();
            p.setId("secret-" + id);
            p.promptTextProperty().bind(javafx.beans.binding.Bindings.when(vm.secretSaved(key))
                    .then(messages.get("http.ui.secret.kept")).otherwise(""));
            input = p;
        } else if (key.endsWith(".headers") || key.endsWith(".body")) {
            TextArea area = new TextArea();
            area.setPrefRowCount(3);
            area.setId("setting-" + id);
            input = area;
        } else {
            TextField t = new TextField();
            t.setId("setting-" + id);
            input = t;
        }
        input.textProperty().bindBidirectional(vm.value(key));
        String label = HttpSettings.fieldName(key);
        if (messages.has("setting." + key + ".label")) {
            label = messages.get("setting." + key + ".label");
        }
        VBox field = Forms.field(label, input, vm.error(key), "error-" + id);
        if (messages.has(d.helpKey())) {
            Label help = new Label(messages.get(d.helpKey()));
            help.setWrapText(true);
            help.getStyleClass().add("text-muted");
            field.getChildren().add(1, help);
        }
        return field;
    }
}
