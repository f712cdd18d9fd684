package org.comptoir.ui.till;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.uiContext;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The consent box draws the wording exactly as recorded: an underscore in the shop's name is not a mnemonic. */
@ExtendWith(ApplicationExtension.class)
class TillConsentWordingShownTest {

    @TempDir
    static Path dir;
    AppContext app;

    @Start
    void start(Stage stage) {
        app = openShop(dir, "Boulangerie_Martin");
        stage.setScene(new Scene(new TillView(uiContext(app, stage)), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theWordingIsDrawnAsRecorded(FxRobot robot) {
        CheckBox consent = robot.lookup("#consent").queryAs(CheckBox.class);
        waitUntil(() -> consent.getText() != null && consent.getText().contains("Boulangerie_Martin"));
        String drawn = consent.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text)
                .map(n -> ((Text) n).getText()).findFirst().orElseThrow();
        assertThat(drawn).isEqualTo(consent.getText()).contains("Boulangerie_Martin");
    }
}
