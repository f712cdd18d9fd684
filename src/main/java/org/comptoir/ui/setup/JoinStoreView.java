package org.comptoir.ui.setup;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.Forms;
import org.comptoir.ui.Styles;

/**
 * The first-run screen's other way: this till joins the store another till shares, instead of starting its own. A
 * centred card as the set-up's, in a scroll pane for a 600-pixel till screen; Enter joins, Escape goes back.
 */
public final class JoinStoreView extends StackPane {

    public JoinStoreView(JoinStoreViewModel vm, Messages messages, Runnable back) {
        setId("joinStoreView");
        getStylesheets().add(Styles.CSS);
        Label title = new Label(messages.get("store.join.title"));
        title.getStyleClass().add("screen-title");
        Label intro = muted(messages.get("store.join.intro"));

        ToggleGroup kinds = new ToggleGroup();
        RadioButton shopServer = new RadioButton(messages.get("store.join.kind.shop-server"));
        shopServer.setId("joinKindShopServer");
        shopServer.setUserData(JoinStoreViewModel.Kind.SHOP_SERVER);
        RadioButton chain = new RadioButton(messages.get("store.join.kind.postgresql"));
        chain.setId("joinKindPostgresql");
        chain.setUserData(JoinStoreViewModel.Kind.POSTGRESQL);
        shopServer.setToggleGroup(kinds);
        chain.setToggleGroup(kinds);
        kinds.selectToggle(vm.kindProperty().get() == JoinStoreViewModel.Kind.SHOP_SERVER ? shopServer : chain);
        kinds.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.kindProperty().set((JoinStoreViewModel.Kind) now.getUserData());
            }
        });
        VBox kindField = Forms.field(messages.get("store.join.kind"), new VBox(8, shopServer, chain), none(),
                "joinKindError");

        TextField address = new TextField();
        address.setId("joinAddress");
        address.setPromptText(messages.get("store.join.address.prompt"));
        address.textProperty().bindBidirectional(vm.addressProperty());
        PasswordField serverPassword = password("joinServerPassword", vm);
        TextField keyPath = new TextField();
        keyPath.setId("joinKeyPath");
        keyPath.setPromptText(messages.get("store.join.key.none"));
        keyPath.textProperty().bindBidirectional(vm.keyFileProperty());
        HBox.setHgrow(keyPath, Priority.ALWAYS);
        Button chooseKey = new Button(messages.get("store.join.key.choose"));
        chooseKey.setId("joinChooseKey");
        chooseKey.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("store.join.key"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("store.key", "*.key"));
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                vm.keyFileProperty().set(chosen.getAbsolutePath());
            }
        });
        HBox key = new HBox(12, keyPath, chooseKey);
        key.setAlignment(Pos.CENTER_LEFT);
        VBox shopServerFields = new VBox(12,
                Forms.field(messages.get("store.join.address"), address, none(), "joinAddressError"),
                Forms.field(messages.get("store.join.password"), serverPassword, none(), "joinServerPasswordError"),
                Forms.field(messages.get("store.join.key"), key, none(), "joinKeyError"));

        TextField url = new TextField();
        url.setId("joinUrl");
        url.textProperty().bindBidirectional(vm.urlProperty());
        TextField user = new TextField();
        user.setId("joinUser");
        user.textProperty().bindBidirectional(vm.userProperty());
        VBox chainFields = new VBox(12,
                Forms.field(messages.get("store.join.url"), url, none(), "joinUrlError"),
                Forms.field(messages.get("store.join.user"), user, none(), "joinUserError"),
                Forms.field(messages.get("store.join.chain.password"), password("joinChainPassword", vm), none(),
                        "joinChainPasswordError"));
        shopServerFields.visibleProperty().bind(vm.kindProperty().isEqualTo(JoinStoreViewModel.Kind.SHOP_SERVER));
        shopServerFields.managedProperty().bind(shopServerFields.visibleProperty());
        chainFields.visibleProperty().bind(shopServerFields.visibleProperty().not());
        chainFields.managedProperty().bind(chainFields.visibleProperty());

        PasswordField passphrase = new PasswordField();
        passphrase.setId("joinPassphrase");
        passphrase.textProperty().bindBidirectional(vm.passphraseProperty());
        VBox passphraseField = Forms.field(messages.get("store.join.passphrase"), passphrase, none(),
                "joinPassphraseError");
        passphraseField.getChildren().add(1, muted(messages.get("store.join.passphrase.help")));

        Label status = new Label();
        status.setId("joinStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        vm.statusIsErrorProperty().addListener((o, was, now) -> styleStatus(status, now));
        styleStatus(status, false);

        Button backButton = new Button(messages.get("store.join.back"));
        backButton.setId("joinBack");
        backButton.setCancelButton(true);
        // the buttons stay enabled while a test or a join runs (the model ignores a second press): a disabled
        // button loses the keyboard's focus, and the next Tab would land at the top of the form
        backButton.setOnAction(e -> {
            if (!vm.busyProperty().get()) {
                back.run();
            }
        });
        Button test = new Button(messages.get("store.join.test"));
        test.setId("joinTest");
        test.setOnAction(e -> vm.test());
        Button join = new Button(messages.get("store.join.go"));
        join.setId("joinGo");
        join.getStyleClass().add("accent");
        join.setDefaultButton(true);
        join.setOnAction(e -> vm.join());
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(12, backButton, spacer, test, join);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(14, title, intro, kindField, shopServerFields, chainFields, passphraseField, status,
                actions);
        card.setMaxWidth(600);
        card.setMaxHeight(USE_PREF_SIZE);
        card.setMinHeight(USE_PREF_SIZE); // wrapped lines keep their height: on a short screen the page scrolls
        card.getStyleClass().addAll("screen", "elevated-1");
        card.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8;");
        StackPane centred = new StackPane(card);
        centred.setAlignment(Pos.CENTER);
        centred.setStyle("-fx-padding: 16;");
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        // centred when it fits, scrolled when it does not (fit-to-height would squeeze the wrapped lines instead)
        centred.minHeightProperty().bind(Bindings.createDoubleBinding(() -> scroll.getViewportBounds().getHeight(),
                scroll.viewportBoundsProperty()));
        setStyle("-fx-background-color: -color-bg-subtle;");
        getChildren().add(scroll);
        Forms.followFocus(this, scroll, centred);
        shopServer.sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                (kinds.getSelectedToggle() == chain ? chain : shopServer).requestFocus();
            }
        });
    }

    private static PasswordField password(String id, JoinStoreViewModel vm) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(vm.passwordProperty());
        return field;
    }

    private static SimpleStringProperty none() {
        return new SimpleStringProperty("");
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static void styleStatus(Label status, boolean error) {
        status.getStyleClass().setAll("label", "banner", error ? "danger" : "success");
    }
}
