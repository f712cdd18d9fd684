package org.comptoir.ui;

import java.util.List;
import javafx.scene.control.Label;
import org.comptoir.ui.settings.SettingsView;

/** The screens of the main navigation, in order; the first is shown at start. A feature adds its line here. */
public final class Screens {

    private Screens() {
    }

    public static List<Screen> all() {
        return List.of(
                new Screen("home", "app.title", false, ui -> new Label(ui.messages().get("app.title"))),
                new Screen("settings", "screen.settings", true, SettingsView::new));
    }
}
