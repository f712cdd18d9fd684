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
     * The visible labels, buttons, cells and fields under {@code root} that the layout cut: text shortened to an
     * ellipsis, as "#id: shown text" (a label whose own text ends with "…", like "Mode propriétaire…", is cut only if
     * what shows differs), or reaching past the window's right or bottom edge outside a scrolling area, as
     * "#id: past the edge". Call on the FX thread after a layout pass.
     */
    public static List<String> clipped(Parent root) {
        List<String> out = new ArrayList<>();
        walk(root, false, out);
        return out;
    }

    private static void walk(Node node, boolean scrolled, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            String ellipsis = labeled.getEllipsisString();
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text text && text.getText() != null && !ellipsis.isEmpty()
                        && text.getText().endsWith(ellipsis) && !text.getText().equals(shown(labeled))) {
                    out.add(name(labeled) + ": " + text.getText());
                }
            }
        }
        if (!scrolled && (node instanceof Labeled || node instanceof javafx.scene.control.TextInputControl)
                && node.getScene() != null) {
            javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getMaxX() > node.getScene().getWidth() + 1 || b.getMaxY() > node.getScene().getHeight() + 1) {
                out.add(name(node) + ": past the edge");
            }
        }
        boolean inside = scrolled || node instanceof javafx.scene.control.ScrollPane
                || node instanceof javafx.scene.control.ListView || node instanceof javafx.scene.control.TableView
                || node instanceof javafx.scene.control.TextArea;
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> walk(child, inside, out));
        }
    }

    private static String name(Node node) {
        String text = node instanceof Labeled l ? " «" + l.getText() + "»" : "";
        return (node.getId() == null ? node.getClass().getSimpleName() : "#" + node.getId()) + text;
    }

    /** The text as drawn in full: a mnemonic's underscore is not drawn. */
    private static String shown(Labeled labeled) {
        String text = labeled.getText();
        return labeled.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
    }
}
