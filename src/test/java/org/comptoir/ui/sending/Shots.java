package org.comptoir.ui.sending;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/**
 * Screenshots of the real screens for a person to look at, written only when {@code -Dcomptoir.shots=FOLDER} is given
 * (never into the repository): {@code mvn -o test -Dtest=SendingScreensUiTest -Dcomptoir.shots=/tmp/shots}.
 */
final class Shots {

    private Shots() {
    }

    static void take(FxRobot robot, String name) {
        String folder = System.getProperty("comptoir.shots");
        if (folder == null) {
            return;
        }
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow()
                .getScene().snapshot(null)));
        WritableImage image = shot.get();
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            new File(folder).mkdirs();
            javax.imageio.ImageIO.write(out, "png", new File(folder, name + ".png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
