package org.comptoir.ui;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The main window: a navigation column on the left, the chosen screen in the centre. */
public final class MainView extends BorderPane {

    private final UiContext ui;

    public MainView(UiContext ui, Stage stage) {
        this.ui = ui;
        setId("mainView");
        List<Screen> screens = Screens.all();
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(4);
        nav.setId("nav");
        nav.setStyle("-fx-padding: 12; -fx-min-width: 180");
        Label brand = new Label(ui.messages().get("app.title"));
        brand.getStyleClass().add("title-3");
        nav.getChildren().add(brand);
        for (Screen screen : screens) {
            ToggleButton button = new ToggleButton(ui.messages().get(screen.titleKey()));
            button.setId("nav-" + screen.id());
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(group);
            button.setOnAction(e -> show(screen));
            nav.getChildren().add(button);
        }
        setLeft(nav);
        if (!screens.isEmpty()) {
            ((ToggleButton) nav.getChildren().get(1)).setSelected(true);
            show(screens.get(0));
        }
    }

    private void show(Screen screen) {
        setCenter(screen.factory().apply(ui));
    }
}
