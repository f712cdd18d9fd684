package org.comptoir.ui;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/**
 * Screenshots of the real screens for a person to look at, written only when {@code -Dcomptoir.shots=FOLDER} is given
 * (never into the repository unless that folder is docs/screenshots): see GuideScreenshotsUiTest and
 * SendingScreensUiTest. Also finds labels the layout cut short ("Enregistrer le b…").
 */
public final class Shots {

    private Shots() {
    }

    /** Where the PNGs go, or null when no screenshot is asked for. */
    public static String folder() {
        return System.getProperty("comptoir.shots");
    }

    /** The first showing window, written as {@code name}.png when screenshots are asked for. */
    public static void take(FxRobot robot, String name) {
        if (folder() == null) {
            return;
        }
        write(snapshot(robot, Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow()), name);
    }

    /** What {@code window}'s scene shows, as the person sees it. */
    public static WritableImage snapshot(FxRobot robot, Window window) {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(window.getScene().snapshot(null)));
        return shot.get();
    }

    /**
     * {@code dialog} drawn over {@code base} where JavaFX puts a dialog over its owner: centred across, a third of
     * the way down (one snapshot per scene: a headless screen has no window manager to composite them).
     */
    public static BufferedImage over(WritableImage base, WritableImage dialog) {
        BufferedImage out = awt(base);
        BufferedImage top = awt(dialog);
        int x = (out.getWidth() - top.getWidth()) / 2;
        int y = Math.max(0, (out.getHeight() - top.getHeight()) / 3);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(new java.awt.Color(0, 0, 0, 60));
        // the shadow a window manager gives a dialog, so its edge shows on a white screen
        g.fillRect(x + 3, y + 3, top.getWidth(), top.getHeight());
        g.drawImage(top, x, y, null);
        g.setColor(new java.awt.Color(0xd0, 0xd7, 0xde));
        g.drawRect(x, y, top.getWidth() - 1, top.getHeight() - 1);
        g.dispose();
        return out;
    }

    /** Writes {@code image} as {@code name}.png in {@link #folder()}; does nothing when no folder is given. */
    public static void write(WritableImage image, String name) {
        write(awt(image), name);
    }

    public static void write(BufferedImage image, String name) {
        if (folder() == null) {
            return;
        }
        try {
            new File(folder()).mkdirs();
            // RGB, not ARGB: the scenes are opaque and the PNGs are half the size
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(image, 0, 0, null);
            javax.imageio.ImageIO.write(rgb, "png", new File(folder(), name + ".png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage awt(WritableImage image) {
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }

    /**
     * The visible labels, buttons, cells and fields under {@code root} that the layout cut, as "#id «text»: how":
     * <ul>
     * <li>text shortened to an ellipsis (a label whose own text ends with "…", like "Mode propriétaire…", is cut only
     * if what shows differs), or lines of it dropped: what the skin draws is not the label's text;</li>
     * <li>text taller than the label: "cut at the bottom"; a label in a cell's graphic below the cell's bottom (a
     * third line of a cell kept at two lines' height vanishes whole): "below the bottom of" the cell;</li>
     * <li>an empty field whose placeholder is wider than the field ("Nouv" for "Nouvelle étiquette"): "placeholder
     * cut";</li>
     * <li>outside a scrolling area, reaching past the window's right or bottom edge ("past the edge") or past the
     * bottom or right of an ancestor that clips its children, such as a split pane's side ("past its clipped
     * parent").</li>
     * </ul>
     * Call on the FX thread after a layout pass.
     */
    public static List<String> clipped(Parent root) {
        List<String> out = new ArrayList<>();
        walk(root, false, null, null, out);
        return out;
    }

    /**
     * @param clip  the scene area that the nearest clipping ancestors leave, outside scrolling areas
     * @param label the label or cell whose graphic holds {@code node}, with its scene bottom
     */
    private static void walk(Node node, boolean scrolled, javafx.geometry.Bounds clip,
                             java.util.Map.Entry<Labeled, Double> label, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (label != null && (node instanceof Labeled || node instanceof javafx.scene.control.TextInputControl)
                && node.localToScene(node.getLayoutBounds()).getMaxY() > label.getValue() + 1) {
            // a cell drawn with labels of its own, taller than the cell: its last line is clipped away whole
            out.add(name(node) + ": below the bottom of " + name(label.getKey()));
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            labelCut(labeled, out);
        }
        if (node instanceof javafx.scene.control.TextField field && field.getText().isEmpty()
                && field.getPromptText() != null && !field.getPromptText().isEmpty()) {
            Text prompt = new Text(field.getPromptText());
            prompt.setFont(field.getFont());
            double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
            if (prompt.getLayoutBounds().getWidth() > room + 1) {
                out.add(name(node) + " «" + field.getPromptText() + "»: placeholder cut");
            }
        }
        if (!scrolled && (node instanceof Labeled || node instanceof javafx.scene.control.TextInputControl)
                && node.getScene() != null) {
            javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getMaxX() > node.getScene().getWidth() + 1 || b.getMaxY() > node.getScene().getHeight() + 1) {
                out.add(name(node) + ": past the edge");
            } else if (clip != null && (b.getMaxX() > clip.getMaxX() + 1 || b.getMaxY() > clip.getMaxY() + 1)) {
                out.add(name(node) + ": past its clipped parent");
            }
        }
        boolean inside = scrolled || node instanceof javafx.scene.control.ScrollPane
                || node instanceof javafx.scene.control.ListView || node instanceof javafx.scene.control.TableView
                || node instanceof javafx.scene.control.TextArea;
        javafx.geometry.Bounds within = clip;
        if (node.getClip() != null && node.getScene() != null) {
            javafx.geometry.Bounds own = node.localToScene(node.getClip().getBoundsInParent());
            within = clip == null ? own : new javafx.geometry.BoundingBox(clip.getMinX(), clip.getMinY(),
                    Math.min(clip.getMaxX(), own.getMaxX()) - clip.getMinX(),
                    Math.min(clip.getMaxY(), own.getMaxY()) - clip.getMinY());
        }
        java.util.Map.Entry<Labeled, Double> holder = label;
        if (node instanceof Labeled labeled && labeled.getGraphic() != null && node.getScene() != null) {
            holder = java.util.Map.entry(labeled, labeled.localToScene(0, labeled.getHeight()
                    - labeled.snappedBottomInset()).getY());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, inside, within, holder, out);
            }
        }
    }

    /** The label's own text checked against what its skin draws, across and down; its graphic, down. */
    private static void labelCut(Labeled labeled, List<String> out) {
        double bottom = labeled.getHeight() - labeled.snappedBottomInset() + 1;
        if (labeled.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                || labeled.getText() == null || labeled.getText().isEmpty()) {
            return;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (!(child instanceof Text text) || text.getText() == null) {
                continue;
            }
            String ellipsis = labeled.getEllipsisString();
            String drawn = text.getText();
            String full = shown(labeled);
            if (!drawn.equals(full) && (!ellipsis.isEmpty() && drawn.endsWith(ellipsis)
                    || drawn.lines().count() < full.lines().count())) {
                out.add(name(labeled) + ": " + drawn);
            } else if (text.localToParent(text.getLayoutBounds()).getMaxY() > bottom) {
                // the layout bounds, not the bounds in parent: those are already cut by the skin's clip
                out.add(name(labeled) + ": cut at the bottom");
            }
        }
    }

    private static String name(Node node) {
        String text = node instanceof Labeled l ? " «" + (l.getText() == null ? l.getAccessibleText() : l.getText()) + "»"
                : "";
        return (node.getId() == null ? node.getClass().getSimpleName() : "#" + node.getId()) + text;
    }

    /** The text as drawn in full: a mnemonic's underscore is not drawn. */
    private static String shown(Labeled labeled) {
        String text = labeled.getText();
        return labeled.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
    }
}
