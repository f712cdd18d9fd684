package org.comptoir.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.consent.TillJoin;
import org.comptoir.i18n.Messages;
import org.comptoir.store.PostgresServer;
import org.comptoir.ui.FxTaskExecutor;
import org.comptoir.ui.Shots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The first-run "join another till's store" screen at a 1024×600 till screen, driven with the keyboard only, against
 * a real PostgreSQL holding a shop's store: "Test" says which shop answered and keeps the focus where it was, "Join"
 * hands the fields to the application.
 */
@ExtendWith({PostgresServer.class, ApplicationExtension.class})
@Timeout(240)
class JoinStoreUiTest {

    @TempDir
    static Path dir;
    static String url;

    final AtomicReference<TillJoin.Shared> joinedWith = new AtomicReference<>();
    final AtomicReference<String> passphrase = new AtomicReference<>();
    final AtomicBoolean shown = new AtomicBoolean();
    Stage stage;

    /** The chain's store, made before any window (a store opened in {@code @Start} times out on a loaded machine). */
    @BeforeAll
    static void aChainsStore(PostgresServer pg) throws Exception {
        url = pg.newDatabase();
        Path first = dir.resolve("first-till");
        TillJoin.join(first, new TillJoin.Chain(url, PostgresServer.USER, PostgresServer.PASSWORD), new char[0]);
        try (AppContext till = AppContext.open(first)) {
            till.settings().set("shop.name", "Fleurs du Marché");
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        JoinStoreViewModel vm = new JoinStoreViewModel(Messages.forLanguage("fr"), new FxTaskExecutor(),
                (shared, phrase) -> {
                    joinedWith.set(shared);
                    passphrase.set(new String(phrase));
                    return () -> shown.set(true);
                });
        stage.setScene(new Scene(new JoinStoreView(vm, Messages.forLanguage("fr"), () -> { }), 1024, 600));
        stage.show();
    }

    private Node focused(FxRobot robot) {
        return fx(() -> stage.getScene().getFocusOwner());
    }

    /** Reads on the FX thread. */
    private static <T> T fx(java.util.concurrent.Callable<T> read) {
        return org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(10_000, read);
    }

    @Test
    void theKeyboardAloneTestsThenJoinsTheChainsDatabase(FxRobot robot) {
        waitUntil(() -> focused(robot) != null && "joinKindShopServer".equals(focused(robot).getId()));
        robot.type(KeyCode.DOWN); // the other place: the chain's PostgreSQL
        assertThat(robot.lookup("#joinKindPostgresql").queryAs(RadioButton.class).isSelected()).isTrue();
        robot.type(KeyCode.TAB);
        assertThat(focused(robot).getId()).isEqualTo("joinUrl");
        robot.write(url).type(KeyCode.TAB);
        robot.write(PostgresServer.USER).type(KeyCode.TAB);
        robot.write(PostgresServer.PASSWORD).type(KeyCode.TAB);
        assertThat(focused(robot).getId()).isEqualTo("joinPassphrase");
        robot.write("la phrase de la chaîne").type(KeyCode.TAB, KeyCode.TAB);
        assertThat(focused(robot).getId()).isEqualTo("joinTest");
        robot.type(KeyCode.SPACE);
        Label status = robot.lookup("#joinStatus").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("Connexion réussie"));
        assertThat(status.getText()).contains("« Fleurs du Marché »");
        assertThat(focused(robot).getId()).as("the focus stays on Test: the next Tab goes on to Join").isEqualTo("joinTest");
        assertThat(joinedWith.get()).as("testing joins nothing").isNull();

        robot.type(KeyCode.TAB);
        assertThat(focused(robot).getId()).isEqualTo("joinGo");
        robot.type(KeyCode.ENTER);
        waitUntil(shown::get);
        assertThat(joinedWith.get()).isEqualTo(new TillJoin.Chain(url, PostgresServer.USER, PostgresServer.PASSWORD));
        assertThat(passphrase.get()).isEqualTo("la phrase de la chaîne");
    }

    @Test
    void aWrongPasswordIsSaidInWordsAndNothingIsJoined(FxRobot robot) {
        robot.clickOn("#joinKindPostgresql");
        javafx.scene.control.TextField urlField = robot.lookup("#joinUrl").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> urlField.setText(url));
        robot.clickOn("#joinChainPassword").write("pas-le-bon");
        robot.clickOn("#joinTest");
        Label status = robot.lookup("#joinStatus").queryAs(Label.class);
        waitUntil(() -> status.getStyleClass().contains("danger") && !status.getText().startsWith("Connexion à"));
        assertThat(status.getText()).contains("refusé la connexion");
        assertThat(joinedWith.get()).isNull();
    }

    @Test
    void nothingIsCutAtATillsScreenSizeForEitherPlace(FxRobot robot) {
        assertThat(fx(() -> Shots.clipped(stage.getScene().getRoot()))).isEmpty();
        robot.clickOn("#joinKindPostgresql");
        assertThat(fx(() -> Shots.clipped(stage.getScene().getRoot()))).isEmpty();
    }
}
