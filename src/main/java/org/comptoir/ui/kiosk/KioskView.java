package org.comptoir.ui.kiosk;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.Styles;
import org.comptoir.ui.UiContext;
import org.comptoir.ui.till.TillView;
import org.comptoir.ui.till.TillViewModel;

/**
 * What the customer sees: big text, a digit keypad, the consent box and one button. Every touch target is at
 * least 64 px (kiosk rules in comptoir.css). The exit is a small unlabeled button in the top-right corner.
 */
final class KioskView extends BorderPane {

    KioskView(UiContext ui, TillViewModel vm, Runnable askToLeave) {
        Messages m = ui.messages();
        setId("kioskView");
        getStylesheets().add(Styles.CSS);
        getStyleClass().add("kiosk");

        Button exit = new Button("⋯");
        exit.setId("kioskExit");
        exit.getStyleClass().add("kiosk-exit");
        exit.setFocusTraversable(false);
        exit.setOnAction(e -> askToLeave.run());
        StackPane corner = new StackPane(exit);
        corner.setAlignment(Pos.TOP_RIGHT);
        setTop(corner);

        Label title = new Label(m.get("kiosk.heading"));
        title.getStyleClass().add("kiosk-title");
        title.setWrapText(true);

        TextField phone = new TextField();
        phone.setId("kioskPhone");
        phone.setPromptText(m.get("kiosk.phone.prompt"));
        phone.setMaxWidth(520);
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        Label phoneLabel = fieldLabel(m.get("kiosk.phone.label"), phone);
        Label phoneError = TillView.phoneError(vm);
        phoneError.setMaxWidth(520);

        GridPane keypad = new GridPane();
        keypad.getStyleClass().add("keypad");
        keypad.setHgap(10);
        keypad.setVgap(10);
        String[] keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "C"};
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            Button b = new Button(k);
            b.setId("key-" + (Character.isDigit(k.charAt(0)) ? k : i == 9 ? "back" : "clear"));
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                String t = vm.phoneProperty().get();
                switch (k) {
                    case "⌫" -> vm.phoneProperty().set(t.isEmpty() ? t : t.substring(0, t.length() - 1));
                    case "C" -> vm.phoneProperty().set("");
                    default -> vm.phoneProperty().set(t + k);
                }
            });
            keypad.add(b, i % 3, i / 3);
        }

        TextField firstName = new TextField();
        firstName.setId("kioskFirstName");
        firstName.setPromptText(m.get("kiosk.firstname.prompt"));
        firstName.setMaxWidth(520);
        firstName.textProperty().bindBidirectional(vm.firstNameProperty());
        Label firstNameLabel = fieldLabel(m.get("kiosk.firstname.label"), firstName);

        // a shop offering its wording in two languages lets the customer choose here too, as at the till
        HBox language = TillView.languageChoice(m, vm);
        language.getStyleClass().add("kiosk-language");
        CheckBox consent = TillView.consentBox(vm);
        consent.setId("kioskConsent");
        consent.setMaxWidth(620);
        // the wording the customer agrees to is shown in full, never cut to "…" (a 1024×600 tablet scrolls instead)
        consent.setMinHeight(Region.USE_PREF_SIZE);

        Button join = new Button(m.get("kiosk.join"));
        join.setId("kioskJoin");
        join.getStyleClass().add("success");
        join.setMaxWidth(520);
        join.disableProperty().bind(vm.busyProperty().or(vm.readyProperty().not()));
        join.setOnAction(e -> vm.save());

        Label banner = new Label();
        banner.setId("kioskBanner");
        banner.setWrapText(true);
        banner.setMaxWidth(620);
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.setMinHeight(Region.USE_PREF_SIZE);
        banner.managedProperty().bind(banner.visibleProperty());
        TillView.tone(banner, "banner", vm.bannerToneProperty());

        VBox form = new VBox(16, new VBox(4, phoneLabel, phone), phoneError,
                new VBox(4, firstNameLabel, firstName), language, consent, join, banner);
        form.setAlignment(Pos.TOP_LEFT);
        HBox body = new HBox(48, form, keypad);
        body.setAlignment(Pos.CENTER);
        VBox center = new VBox(24, title, body);
        center.setAlignment(Pos.TOP_CENTER);
        // a small kiosk screen (1024×600) scrolls, by finger too, rather than squeezing the wording
        ScrollPane scroll = new ScrollPane(center);
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        // on a screen that scrolls, the customer sees the thank-you (at the bottom), then the next one the top
        // (again when the content's height changes: the banner's own lines are laid out after its text is set)
        Runnable follow = () -> scroll.setVvalue(vm.bannerProperty().get() == null
                || vm.bannerProperty().get().isEmpty() ? 0 : 1);
        vm.bannerProperty().addListener((obs, was, now) -> follow.run());
        center.heightProperty().addListener((obs, was, now) -> follow.run());

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                vm.save();
            }
        });
        // The thank-you names the number: it must not stay up for the next customer to read.
        PauseTransition forget = new PauseTransition(Duration.seconds(12));
        forget.setOnFinished(e -> vm.bannerProperty().set(""));
        vm.bannerProperty().addListener((obs, was, now) -> forget.playFromStart());
        vm.clearedProperty().addListener((obs, was, now) -> phone.requestFocus());
        vm.load();
    }

    /** A visible name above a field: the hint inside it is not a label (screen readers, and a glance). */
    private static Label fieldLabel(String text, TextField field) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        return label;
    }
}
