package org.comptoir.ui;

import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;

/**
 * Asks the main window to open a screen, optionally on one item (a campaign id): fired from inside a screen, it
 * bubbles up to {@link MainView}, so screens link to each other without knowing the window (campaign list → sending
 * view → report). Fire on the FX thread.
 */
public final class NavigationEvent extends Event {

    public static final EventType<NavigationEvent> OPEN = new EventType<>(Event.ANY, "COMPTOIR_OPEN_SCREEN");

    /** A screen that can show one item when opened through a {@link NavigationEvent}. */
    public interface Target {
        void showItem(Object item);
    }

    private final String screenId;
    private final transient Object item;

    public NavigationEvent(String screenId, Object item) {
        super(OPEN);
        this.screenId = screenId;
        this.item = item;
    }

    public String screenId() {
        return screenId;
    }

    /** What to show in it, null for its default. */
    public Object item() {
        return item;
    }

    /** Opens the screen {@code screenId} on {@code item}, from {@code source} (any node inside the main window). */
    public static void open(Node source, String screenId, Object item) {
        source.fireEvent(new NavigationEvent(screenId, item));
    }
}
