package org.comptoir.ui.setup;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.Forms;
import org.comptoir.ui.Styles;

/** The first-run form, centred; Enter in any field saves. */
public final class SetupView extends StackPane {

    public SetupView(SetupViewModel vm, Messages messages, Runnable onDone) {
        this(vm, messages, onDone, null);
    }

    /**
     * @param onJoin shows the "join another till's store" screen; null when this till's store is already in use
     *               (only a new till's empty store may be left for a shared one)
     */
    public SetupView(SetupViewModel vm, Messages messages, Runnable onDone, Runnable onJoin) {
        setId("setupView");
        getStylesheets().add(Styles.CSS);
        Label title = new Label(messages.get("setup.title"));
        title.getStyleClass().add("screen-title");
        Label intro = new Label(messages.get("setup.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");

        TextField shopName = new TextField();
        shopName.setId("shopName");
        shopName.setPromptText(messages.get("setup.shop.name.prompt"));
        shopName.textProperty().bindBidirectional(vm.shopNameProperty());

        var country = Forms.countryChoice(messages.locale(), vm.countryProperty());
        country.setId("shopCountry");
        country.setMaxWidth(Double.MAX_VALUE);

        TextField mention = new TextField();
        mention.setId("optOutMention");
        mention.textProperty().bindBidirectional(vm.optOutMentionProperty());

        PasswordField pin = new PasswordField();
        pin.setId("pin");
        pin.textProperty().bindBidirectional(vm.pinProperty());
        PasswordField pinAgain = new PasswordField();
        pinAgain.setId("pinAgain");
        pinAgain.textProperty().bindBidirectional(vm.pinAgainProperty());
        HBox pins = new HBox(12, pin, pinAgain);
        pin.setPromptText(messages.get("setup.pin.prompt"));
        pinAgain.setPromptText(messages.get("setup.pin.again"));

        Label general = new Label();
        general.setId("setupError");
        general.getStyleClass().addAll("banner", "danger");
        general.setWrapText(true);
        general.textProperty().bind(vm.generalErrorProperty());
        general.visibleProperty().bind(vm.generalErrorProperty().isNotEmpty());
        general.managedProperty().bind(general.visibleProperty());

        Button save = new Button(messages.get("setup.save"));
        save.setId("setupSave");
        save.setDefaultButton(true);
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save(onDone));

        VBox card = new VBox(14, title, intro,
                Forms.field(messages.get("setup.shop.name"), shopName, vm.shopNameErrorProperty(), "shopNameError"),
                Forms.field(messages.get("setup.country"), country, vm.countryErrorProperty(), "countryError"),
                Forms.field(messages.get("setup.optout"), mention, vm.optOutErrorProperty(), "optOutError"),
                Forms.field(messages.get("setup.pin"), pins, vm.pinErrorProperty(), "pinError"),
                wrapped(messages.get("setup.pin.help")),
                general, save);
        if (onJoin != null) {
            Label offer = new Label(messages.get("store.join.offer"));
            offer.setWrapText(true);
            Button join = new Button(messages.get("store.join.offer.button"));
            join.setId("setupJoinStore");
            join.setOnAction(e -> onJoin.run());
            join.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the words shrink first, never the button's
            HBox joinRow = new HBox(12, offer, join);
            joinRow.setAlignment(Pos.CENTER_LEFT);
            card.getChildren().add(2, joinRow);
        }
        card.setMaxWidth(560);
        card.setMaxHeight(USE_PREF_SIZE);
        card.getStyleClass().addAll("screen", "elevated-1");
        card.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8;");
        setAlignment(Pos.CENTER);
        setStyle("-fx-background-color: -color-bg-subtle;");
        getChildren().add(card);
        shopName.sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                shopName.requestFocus();
            }
        });
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("text-muted");
        return label;
    }
}
