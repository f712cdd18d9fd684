package org.comptoir.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@link Shots#clipped}, the guides' cut detector, on small real scenes: each kind of cut it is meant to catch is
 * caught, and the same controls given room are not reported (so GuideScreenshotsUiTest's "no cut" can fail).
 */
@ExtendWith(ApplicationExtension.class)
class ShotsCutDetectorUiTest {

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane(), 400, 300));
        stage.show();
    }

    @Test
    void aCellCutToAnEllipsisIsCut(FxRobot robot) {
        // the campaign list's old cell: "Programmée · 15/12/2031 0…" in a narrow list
        // where the ellipsis falls depends on the machine's fonts: the cut is reported with what was shown
        assertThat(cuts(robot, () -> list(140))).singleElement().asString()
                .contains(" «Noël\nProgrammée · 15/12/2031 09:00»: Noël\nProgrammée · ").endsWith("...");
        assertThat(cuts(robot, () -> list(380))).isEmpty();
    }

    @Test
    void aLabelOfACellsGraphicBelowTheCellsBottomIsCut(FxRobot robot) {
        assertThat(cuts(robot, () -> graphicCell(40))).singleElement().asString()
                .isEqualTo("Label «15/12/2031 09:00»: below the bottom of  «Noël»");
        assertThat(cuts(robot, () -> graphicCell(-1))).isEmpty();
    }

    @Test
    void aLabelShorterThanItsLinesIsCutAtTheBottom(FxRobot robot) {
        assertThat(cuts(robot, () -> tallLabel(20))).singleElement().asString().startsWith("Label «Noël");
        assertThat(cuts(robot, () -> tallLabel(-1))).isEmpty();
    }

    @Test
    void aPlaceholderWiderThanItsFieldIsCut(FxRobot robot) {
        assertThat(cuts(robot, () -> field(60))).containsExactly("TextField «Nouvelle étiquette»: placeholder cut");
        assertThat(cuts(robot, () -> field(220))).isEmpty();
    }

    @Test
    void aLabelBelowTheBottomOfASplitPanesSideIsPastItsClippedParent(FxRobot robot) {
        assertThat(cuts(robot, () -> split(260))).containsExactly("Label «Effacer ses données»: past its clipped parent");
        assertThat(cuts(robot, () -> split(60))).isEmpty();
    }

    private List<String> cuts(FxRobot robot, java.util.function.Supplier<Parent> scene) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> stage.getScene().setRoot(scene.get()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            out.addAll(Shots.clipped(stage.getScene().getRoot()));
        });
        return out;
    }

    private static Parent list(double width) {
        ListView<String> list = new ListView<>(FXCollections.observableArrayList("Noël\nProgrammée · 15/12/2031 09:00"));
        list.setCellFactory(v -> new ListCell<>() {
            {
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        list.setMaxWidth(width);
        return new VBox(list);
    }

    /** A list of one cell drawn with three labels; {@code height} > 0 keeps the cell that tall, as the old cell did. */
    private static Parent graphicCell(double height) {
        ListView<String> list = new ListView<>(FXCollections.observableArrayList("Noël"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected double computePrefHeight(double width) {
                return height > 0 ? height : super.computePrefHeight(width);
            }

            @Override
            protected double computeMinHeight(double width) {
                return height > 0 ? height : super.computeMinHeight(width);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setAccessibleText(empty ? null : item);
                setGraphic(empty ? null : new VBox(new Label(item), new Label("Programmée ·"),
                        new Label("15/12/2031 09:00")));
            }
        });
        return new VBox(list);
    }

    private static Parent tallLabel(double height) {
        Label label = new Label("Noël\nProgrammée ·\n15/12/2031 09:00");
        if (height > 0) {
            label.setMinHeight(height);
            label.setMaxHeight(height);
        }
        return new VBox(label);
    }

    private static Parent field(double width) {
        TextField field = new TextField();
        field.setPromptText("Nouvelle étiquette");
        field.setMaxWidth(width);
        field.setPrefWidth(width);
        return new VBox(field);
    }

    private static Parent split(double top) {
        Pane side = new Pane(new Label("Effacer ses données"));
        side.getChildren().get(0).relocate(10, top);
        SplitPane split = new SplitPane(new Pane(), side);
        split.setMaxHeight(200);
        return new VBox(split);
    }
}
