package org.comptoir.ui;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Small builders shared by the forms (set-up, settings): a labelled field with its error line below. */
public final class Forms {

    private Forms() {
    }

    /** A label, the control, and a red line bound to {@code error} that takes no room while empty. */
    public static VBox field(String label, Node control, StringProperty error, String errorId) {
        Label title = new Label(label);
        title.setLabelFor(control);
        title.getStyleClass().add("text-bold");
        Label problem = new Label();
        problem.setId(errorId);
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(error);
        problem.visibleProperty().bind(error.isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return new VBox(4, title, control, problem);
    }

    /**
     * The line under a screen's title that says what just happened: hidden while {@code text} is empty, red when
     * {@code isError}, green otherwise.
     */
    public static Label banner(String id, javafx.beans.value.ObservableValue<String> text,
                               javafx.beans.property.BooleanProperty isError) {
        Label banner = new Label();
        banner.setId(id);
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(text);
        banner.visibleProperty().bind(banner.textProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        Runnable style = () -> banner.getStyleClass().setAll("label", "banner", isError.get() ? "danger" : "success");
        isError.addListener((obs, was, now) -> style.run());
        style.run();
        return banner;
    }

    /** Every ISO country, named in the UI's language and sorted by that name; bound to a two-letter code. */
    public static ComboBox<String> countryChoice(Locale uiLocale, StringProperty code) {
        Collator collator = Collator.getInstance(uiLocale);
        List<String> codes = Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing((String c) -> countryName(c, uiLocale), collator))
                .toList();
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(codes));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String c) {
                return c == null ? "" : countryName(c, uiLocale) + " (" + c + ")";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.setVisibleRowCount(12);
        box.setValue(code.get());
        box.valueProperty().addListener((obs, was, now) -> code.set(now));
        code.addListener((obs, was, now) -> box.setValue(now));
        return box;
    }

    private static String countryName(String code, Locale uiLocale) {
        return new Locale("", code).getDisplayCountry(uiLocale);
    }

    /**
     * Keeps the focused control of {@code content} (inside {@code scroll}) in view while {@code view} is shown: a
     * keyboard user tabbing down a long form must see the field being typed in. The listener sits on the scene,
     * which outlives the view: it comes and goes with the view.
     */
    public static void followFocus(Node view, ScrollPane scroll, Node content) {
        ChangeListener<Node> follow = (o, before, focused) -> reveal(scroll, content, focused);
        view.sceneProperty().addListener((obs, was, scene) -> {
            if (was != null) {
                was.focusOwnerProperty().removeListener(follow);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(follow);
            }
        });
    }

    /** Scrolls just enough for {@code node}, if it lies inside {@code content}, to be fully visible. */
    public static void reveal(ScrollPane scroll, Node content, Node node) {
        if (node == null || !isInside(node, content)) {
            return;
        }
        double viewport = scroll.getViewportBounds().getHeight();
        double scrollable = content.getLayoutBounds().getHeight() - viewport;
        if (scrollable <= 0) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double top = scroll.getVvalue() * scrollable;
        if (b.getMinY() < top) {
            scroll.setVvalue(b.getMinY() / scrollable);
        } else if (b.getMaxY() > top + viewport) {
            scroll.setVvalue(Math.min(1, (b.getMaxY() - viewport) / scrollable));
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
