package org.comptoir.ui.till;

import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.comptoir.consent.Channel;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.Debounce;
import org.comptoir.ui.Styles;
import org.comptoir.ui.UiContext;
import org.comptoir.ui.kiosk.KioskWindow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The till: the first screen. Keyboard only: phone, Tab, first name, Tab, Space ticks the box, Enter saves.
 * The status of the number shows after a 250 ms pause in typing.
 */
public final class TillView extends VBox {

    public TillView(UiContext ui) {
        this(ui, new TillViewModel(ui.app().consent(), ui.app().consentSms().doubleOptIn(), ui.app()::phoneNumbers,
                ui.app().settings(), ui.messages(), ui.executor(), Channel.TILL).offeringTags(ui.app().contacts()));
    }

    TillView(UiContext ui, TillViewModel vm) {
        Messages m = ui.messages();
        setId("tillView");
        getStylesheets().add(Styles.CSS);
        getStyleClass().add("screen");
        setMaxWidth(820);

        Label title = new Label(m.get("till.title"));
        title.getStyleClass().add("screen-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button kiosk = new Button(m.get("till.kiosk"), new FontIcon("mdi2t-tablet-cellphone"));
        kiosk.setId("openKiosk");
        kiosk.setFocusTraversable(false);
        kiosk.setOnAction(e -> KioskWindow.open(ui, getScene().getWindow()));
        HBox header = new HBox(12, title, grow, kiosk);
        header.setAlignment(Pos.CENTER_LEFT);

        TextField phone = new TextField();
        phone.setId("phone");
        phone.getStyleClass().add("till-phone");
        phone.setPromptText(m.get("till.phone.prompt"));
        phone.setPrefColumnCount(16);
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        tone(status, "status-chip", vm.statusToneProperty());
        HBox phoneRow = new HBox(12, phone, status);
        phoneRow.setAlignment(Pos.CENTER_LEFT);
        Label phoneError = phoneError(vm);
        phoneError.setId("phoneError");

        TextField firstName = new TextField();
        firstName.setId("firstName");
        firstName.setPromptText(m.get("till.firstname.prompt"));
        firstName.setMaxWidth(320);
        firstName.textProperty().bindBidirectional(vm.firstNameProperty());

        CheckBox consent = consentBox(vm);
        consent.setId("consent");
        consent.setMaxWidth(Double.MAX_VALUE);
        HBox languageRow = languageChoice(m, vm);
        VBox consentBox = new VBox(8, languageRow, consent);
        consentBox.getStyleClass().add("consent-box");

        VBox tagsRow = tagChoice(m, vm);

        Button save = new Button(m.get("till.save"), new FontIcon("mdi2c-check"));
        save.setId("save");
        save.getStyleClass().add("success");
        save.setOnAction(e -> vm.save());
        Button refuse = new Button(m.get("till.refuse"));
        refuse.setId("refuse");
        refuse.setOnAction(e -> vm.refuse());
        Button optOut = new Button(m.get("till.optout"));
        optOut.setId("optOut");
        optOut.setOnAction(e -> vm.optOut());
        // Clearing the form and erasing a customer's data must not look alike: the first is everyday and safe,
        // the second is rare, needs the owner PIN and is kept apart in red.
        Button clear = new Button(m.get("till.clear"), new FontIcon("mdi2a-account-plus-outline"));
        clear.setId("clearForm");
        clear.setOnAction(e -> vm.clear());
        Button erase = new Button(m.get("till.erase"), new FontIcon("mdi2d-delete-outline"));
        erase.setId("erase");
        erase.getStyleClass().add("danger");
        erase.setOnAction(e -> vm.validNumber().ifPresent(n -> {
            if (ui.dialogs().confirm(m.get("till.erase.title"), m.get("till.erase.confirm", vm.formatNational(n)),
                    m.get("till.erase.do"), m.get("till.erase.keep"))) {
                ui.owner().confirmPin(ui.dialogs(), vm::erase);
            }
        }));
        // never cut a button's name ("Enregistrer (E…", "…" at 1024 px): the row wraps instead; erasure has a row
        // of its own, apart from the everyday answers
        for (Button b : new Button[] {save, refuse, optOut, clear, erase}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane answers = new FlowPane(10, 10, save, refuse, optOut, clear);
        answers.disableProperty().bind(vm.busyProperty().or(vm.readyProperty().not()));
        clear.disableProperty().bind(vm.busyProperty());
        erase.disableProperty().bind(vm.busyProperty().or(vm.readyProperty().not()));
        HBox eraseRow = new HBox(erase);
        eraseRow.setAlignment(Pos.CENTER_RIGHT);
        VBox actions = new VBox(10, answers, eraseRow);

        Label banner = new Label();
        banner.setId("banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        tone(banner, "banner", vm.bannerToneProperty());

        Label hint = new Label(m.get("till.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        // on a 600 px high screen the column is short: the hint keeps its lines (it was cut to "…")
        hint.setMinHeight(Region.USE_PREF_SIZE);

        getChildren().addAll(header, label(m.get("till.phone"), phone), phoneRow, phoneError,
                label(m.get("till.firstname"), firstName), firstName, consentBox, tagsRow, actions, banner, hint);

        // Enter anywhere in the form saves, except on a focused button (Space/Enter fire that button instead).
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof ButtonBase && !(e.getTarget() instanceof CheckBox)
                    && !(e.getTarget() instanceof javafx.scene.control.ToggleButton))) {
                e.consume();
                vm.save();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                vm.clear();
            }
        });
        Debounce.afterTyping(vm.phoneProperty(), vm::lookup);
        vm.clearedProperty().addListener((obs, was, now) -> phone.requestFocus());
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                phone.requestFocus();
            }
        });
        vm.load();
    }

    /**
     * The customer's language, when the shop offers its wording in more than one: each named in its own language
     * (the customer reads it). The wording shown, and recorded, follows the choice. The kiosk shows the same row.
     */
    public static HBox languageChoice(Messages m, TillViewModel vm) {
        Label title = new Label(m.get("till.language.choice"));
        title.getStyleClass().add("text-muted");
        HBox row = new HBox(8, title);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("languageChoice");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        Runnable fill = () -> {
            row.getChildren().setAll(title);
            group.getToggles().clear();
            for (String lang : vm.languages()) {
                java.util.Locale locale = java.util.Locale.forLanguageTag(lang);
                String name = locale.getDisplayLanguage(locale);
                javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(
                        name.substring(0, 1).toUpperCase(locale) + name.substring(1));
                b.setId("language-" + lang);
                b.setToggleGroup(group);
                b.setSelected(lang.equals(vm.languageProperty().get()));
                b.setOnAction(e -> {
                    vm.languageProperty().set(lang);
                    b.setSelected(true); // a second press keeps the language chosen
                });
                row.getChildren().add(b);
            }
        };
        vm.languages().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        vm.languageProperty().addListener((obs, was, now) -> group.getToggles().forEach(t ->
                t.setSelected(("language-" + now).equals(((javafx.scene.control.ToggleButton) t).getId()))));
        row.visibleProperty().bind(javafx.beans.binding.Bindings.size(vm.languages()).greaterThan(1));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /**
     * The shop's tags as boxes after the consent (Tab, Space): optional, given with the opt-in only; the row takes
     * no room while the shop has no tags.
     */
    private static VBox tagChoice(Messages m, TillViewModel vm) {
        Label title = new Label(m.get("till.tags"));
        title.getStyleClass().add("text-bold");
        FlowPane boxes = new FlowPane(10, 6);
        boxes.setId("tillTags");
        title.setLabelFor(boxes);
        Runnable fill = () -> {
            boxes.getChildren().clear();
            for (String tag : vm.tags()) {
                CheckBox box = new CheckBox(tag);
                box.setId("tillTag-" + tag);
                box.setSelected(vm.chosenTags().contains(tag));
                box.selectedProperty().addListener((obs, was, now) -> {
                    if (now) {
                        vm.chosenTags().add(tag);
                    } else {
                        vm.chosenTags().remove(tag);
                    }
                });
                boxes.getChildren().add(box);
            }
        };
        vm.tags().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        vm.chosenTags().addListener((javafx.collections.SetChangeListener<String>) c -> boxes.getChildren().forEach(n -> {
            CheckBox box = (CheckBox) n;
            box.setSelected(vm.chosenTags().contains(box.getText()));
        }));
        VBox row = new VBox(6, title, boxes);
        row.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.tags()));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static Label label(String text, javafx.scene.Node target) {
        Label l = new Label(text);
        l.setLabelFor(target);
        l.getStyleClass().add("text-bold");
        return l;
    }

    /** The box the customer ticks, labelled with the current wording; shared with the kiosk. */
    public static CheckBox consentBox(TillViewModel vm) {
        CheckBox consent = new CheckBox();
        consent.setWrapText(true);
        consent.textProperty().bind(vm.wordingTextProperty());
        consent.selectedProperty().bindBidirectional(vm.consentTickedProperty());
        // The wording is the proof of what the customer read: it must never be cut with an ellipsis.
        consent.setMinHeight(Region.USE_PREF_SIZE);
        // ...nor changed: a shop name with "_" (Boulangerie_Martin) lost its underscore as a keyboard mnemonic
        consent.setMnemonicParsing(false);
        return consent;
    }

    /** Why the number typed is refused, under the phone field; takes no room while there is none. */
    public static Label phoneError(TillViewModel vm) {
        Label phoneError = new Label();
        phoneError.getStyleClass().add("field-error");
        phoneError.setWrapText(true);
        phoneError.setMinHeight(Region.USE_PREF_SIZE); // the reason is read in full, never cut to "…"
        phoneError.textProperty().bind(vm.phoneErrorProperty());
        phoneError.visibleProperty().bind(vm.phoneErrorProperty().isNotEmpty());
        phoneError.managedProperty().bind(phoneError.visibleProperty());
        return phoneError;
    }

    /** Keeps {@code base} plus one style class per tone (e.g. "banner success"). */
    public static void tone(Label label, String base, ObjectProperty<TillViewModel.Tone> tone) {
        Runnable apply = () -> label.getStyleClass().setAll("label", base,
                tone.get().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        tone.addListener((obs, was, now) -> apply.run());
        apply.run();
    }
}
