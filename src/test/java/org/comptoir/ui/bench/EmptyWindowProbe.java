package org.comptoir.ui.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The yardstick of the cold-start goal (issue 15: the till usable within 1.5× an empty JavaFX window's start): an
 * empty window of the application's size, timed as {@code -Dcomptoir.startupProbe} times the till, from the JVM's
 * start to its first laid-out frame. Run side by side with the till by {@code docs/startup-compare.sh}.
 */
public final class EmptyWindowProbe {

    private EmptyWindowProbe() {
    }

    /** Not an Application itself: the java launcher refuses a main class extending one from the class path. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The empty window. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(), 1100, 720);
            stage.setTitle("Comptoir");
            stage.setScene(scene);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                long start = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("startup-ms=" + (System.currentTimeMillis() - start) + " screen=empty");
                System.out.flush();
                Platform.exit();
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.show();
        }
    }
}
