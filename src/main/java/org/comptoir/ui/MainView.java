package org.comptoir.ui;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: a navigation column on the left, the chosen screen in the centre. Owner-only screens
 * (lock icon) ask the owner PIN in cashier mode; "Lock" or idle time goes back to cashier mode and leaves
 * any owner-only screen for the first one.
 */
public final class MainView extends BorderPane {

    private final UiContext ui;
    private final List<Screen> screens;
    private final ToggleGroup group = new ToggleGroup();
    private Screen current;

    public MainView(UiContext ui, Stage stage) {
        this.ui = ui;
        this.screens = Screens.all();
        setId("mainView");
        getStylesheets().add(Styles.CSS);
        VBox nav = new VBox(4);
        nav.setId("nav");
        nav.getStyleClass().add("nav");
        Label brand = new Label(ui.messages().get("app.title"));
        brand.getStyleClass().add("title-3");
        nav.getChildren().add(brand);
        for (Screen screen : screens) {
            ToggleButton button = new ToggleButton(ui.messages().get(screen.titleKey()));
            button.setId("nav-" + screen.id());
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            button.setToggleGroup(group);
            button.setUserData(screen);
            if (screen.ownerOnly()) {
                FontIcon lock = new FontIcon("mdi2l-lock-outline");
                lock.visibleProperty().bind(ui.owner().unlockedProperty().not());
                button.setGraphic(lock);
                button.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            }
            button.setOnAction(e -> open(screen));
            nav.getChildren().add(button);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label mode = new Label();
        mode.setId("ownerModeLabel");
        mode.getStyleClass().add("text-muted");
        mode.textProperty().bind(javafx.beans.binding.Bindings.when(ui.owner().unlockedProperty())
                .then(ui.messages().get("owner.mode.owner")).otherwise(ui.messages().get("owner.mode.cashier")));
        Button lock = new Button(ui.messages().get("owner.lock"), new FontIcon("mdi2l-lock"));
        lock.setId("lockButton");
        lock.setMaxWidth(Double.MAX_VALUE);
        lock.visibleProperty().bind(ui.owner().unlockedProperty());
        lock.managedProperty().bind(lock.visibleProperty());
        lock.setOnAction(e -> ui.owner().lock());
        Button unlock = new Button(ui.messages().get("owner.unlock"), new FontIcon("mdi2l-lock-open-outline"));
        unlock.setId("unlockButton");
        unlock.setMaxWidth(Double.MAX_VALUE);
        unlock.visibleProperty().bind(ui.owner().unlockedProperty().not());
        unlock.managedProperty().bind(unlock.visibleProperty());
        unlock.setOnAction(e -> ui.owner().requireOwner(ui.dialogs(), () -> { }));
        nav.getChildren().addAll(spacer, mode, lock, unlock);
        nav.addEventFilter(KeyEvent.KEY_PRESSED, this::arrowKeys);
        setLeft(nav);
        setTop(org.comptoir.ui.backup.BackupBanner.create(ui));

        ui.owner().unlockedProperty().addListener((obs, was, now) -> {
            if (!now && current != null && current.ownerOnly()) {
                // locked (by hand or idle): owner-only work closes at once; nobody is there to answer a question
                show(screens.get(0), null);
            }
        });
        // Any key or click counts as activity; a slow timer locks owner mode once idle long enough.
        addEventFilter(InputEvent.ANY, e -> ui.owner().touch());
        Timeline idle = new Timeline(new KeyFrame(Duration.seconds(15), e -> ui.owner().checkIdle()));
        idle.setCycleCount(Timeline.INDEFINITE);
        idle.play();
        stage.setOnHidden(e -> idle.stop());
        // a screen's link to another (campaign list → sending view → report), on one item
        addEventHandler(NavigationEvent.OPEN, e -> screens.stream().filter(s -> s.id().equals(e.screenId())).findFirst()
                .ifPresent(s -> open(s, e.item())));
        if (!screens.isEmpty()) {
            open(screens.get(0));
        }
        // a campaign that finishes or pauses at a window edge is told whatever screen is open
        listenTo(ui.app().sending(), new org.comptoir.dispatch.CampaignProgressQuery(ui.app().database(),
                ui.app().settings(), ui.app().campaigns(), ui.app().sending()).shopZone(), stage);
    }

    /**
     * Up/Down move the focus through the entries, wrapping at the ends as a JavaFX context menu does; Home/End go to
     * the first/last. Only the focus moves: a toggle group's own arrow keys would select the next entry without
     * opening it, leaving the open screen and the highlighted entry apart. Enter or Space opens the focused entry.
     */
    private void arrowKeys(KeyEvent e) {
        if (!(e.getTarget() instanceof ToggleButton button) || button.getToggleGroup() != group) {
            return;
        }
        List<ToggleButton> entries = group.getToggles().stream().map(ToggleButton.class::cast)
                .filter(b -> b.isVisible() && !b.isDisabled()).toList();
        int at = entries.indexOf(button);
        int next = switch (e.getCode()) {
            case DOWN, KP_DOWN -> (at + 1) % entries.size();
            case UP, KP_UP -> (at - 1 + entries.size()) % entries.size();
            case HOME -> 0;
            case END -> entries.size() - 1;
            // the column is vertical: sideways keys would otherwise select a neighbour without opening it
            case LEFT, RIGHT, KP_LEFT, KP_RIGHT -> at;
            default -> -1;
        };
        if (next >= 0 && at >= 0) {
            entries.get(next).requestFocus();
            e.consume();
        }
    }

    /** How often the campaigns heard SENDING are read again, to tell a pause at a window edge (see SendingNotices). */
    static final Duration NOTICE_RECHECK = Duration.seconds(20);

    /** Shows the notices of {@code owner}'s engine in this window until {@code stage} is hidden. */
    void listenTo(org.comptoir.dispatch.GatewayOwner owner, java.time.ZoneId shopZone, Stage stage) {
        listenTo(owner, shopZone, stage, NOTICE_RECHECK);
    }

    void listenTo(org.comptoir.dispatch.GatewayOwner owner, java.time.ZoneId shopZone, Stage stage, Duration recheck) {
        SendingNotices notices = new SendingNotices(ui.messages(), shopZone, n -> org.controlsfx.control.Notifications
                .create().owner(this).title(n.title()).text(n.text()).hideAfter(Duration.seconds(30)).showInformation(),
                () -> current != null && "sending".equals(current.id()));
        owner.addProgressListener(notices);
        Timeline again = new Timeline(new KeyFrame(recheck, e -> notices.sending().forEach(id -> ui.executor().execute(
                () -> owner.progress(id), p -> p.ifPresent(notices::heard), error -> { }))));
        again.setCycleCount(Timeline.INDEFINITE);
        again.play();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            again.stop();
            owner.removeProgressListener(notices);
        });
    }

    /** Shows {@code screen}, asking the owner PIN first when it is owner-only and the app is in cashier mode. */
    public void open(Screen screen) {
        open(screen, null);
    }

    /** {@link #open(Screen)}, then shows {@code item} in it when the screen is a {@link NavigationEvent.Target}. */
    public void open(Screen screen, Object item) {
        if (getCenter() instanceof UnsavedEdits edits && screen != current && edits.hasUnsavedEdits()) {
            select(current);
            String title = current == null ? "" : ui.messages().get(current.titleKey());
            int answer = ui.dialogs().choose(title, ui.messages().get("unsaved.leave.confirm", title),
                    java.util.List.of(ui.messages().get("unsaved.leave.save"), ui.messages().get("unsaved.leave.discard"),
                            ui.messages().get("unsaved.leave.stay")), 2);
            switch (answer) {
                case 0 -> edits.saveThen(saved -> {
                    if (saved) {
                        enter(screen, item);
                    }
                });
                case 1 -> enter(screen, item);
                default -> { } // stay: the edits and the screen remain
            }
            return;
        }
        enter(screen, item);
    }

    private void enter(Screen screen, Object item) {
        if (screen.ownerOnly() && !ui.owner().isUnlocked()) {
            select(current);
            ui.owner().requireOwner(ui.dialogs(), () -> show(screen, item));
        } else {
            show(screen, item);
        }
    }

    private void show(Screen screen, Object item) {
        current = screen;
        select(screen);
        Node view = screen.factory().apply(ui);
        setCenter(view);
        if (item != null && view instanceof NavigationEvent.Target target) {
            target.showItem(item);
        }
    }

    private void select(Screen screen) {
        group.getToggles().forEach(t -> t.setSelected(t.getUserData() == screen));
    }

    public Screen current() {
        return current;
    }
}
