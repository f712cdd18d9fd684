package org.comptoir.ui.kiosk;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.comptoir.consent.Channel;
import org.comptoir.ui.FxDialogService;
import org.comptoir.ui.UiContext;
import org.comptoir.ui.till.TillViewModel;

/**
 * The customer-facing kiosk: a full-screen window over the till that only the owner PIN closes. Escape or the
 * discreet corner button asks the PIN; the window's close button, Alt+F4 and leaving full screen are refused
 * until then. Consents given here are recorded with {@link Channel#KIOSK}.
 */
public final class KioskWindow {

    private final Stage stage = new Stage();
    private final UiContext ui;
    private boolean leaving;

    private KioskWindow(UiContext appUi, Window owner) {
        // Dialogs owned by the kiosk window, so the PIN prompt shows above the full-screen window; with a keypad,
        // since a touch-only kiosk has no keyboard to type the PIN with.
        ui = appUi.withDialogs(new FxDialogService(stage, appUi.messages()).withKeypad());
        TillViewModel vm = new TillViewModel(ui.app().consent(), ui.app().consentSms().doubleOptIn(),
                ui.app()::phoneNumbers, ui.app().settings(), ui.messages(), ui.executor(), Channel.KIOSK);
        KioskView view = new KioskView(ui, vm, this::askToLeave);
        stage.setTitle(ui.messages().get("kiosk.title"));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.APPLICATION_MODAL);
        Scene scene = new Scene(view, 1280, 800);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                askToLeave();
            }
        });
        stage.setScene(scene);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setOnCloseRequest(e -> {
            if (!leaving) {
                e.consume();
            }
        });
        // A window manager may still take full screen away: take it back unless the owner is leaving.
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now && !leaving) {
                stage.setFullScreen(true);
            }
        });
    }

    /** Opens the kiosk over {@code owner} and returns its stage. Call on the FX thread. */
    public static Stage open(UiContext ui, Window owner) {
        KioskWindow kiosk = new KioskWindow(ui, owner);
        kiosk.stage.setFullScreen(true);
        kiosk.stage.show();
        return kiosk.stage;
    }

    /** Always the PIN, even in owner mode: the person at the kiosk is a customer. */
    private void askToLeave() {
        ui.owner().confirmPin(ui.dialogs(), () -> {
            leaving = true;
            stage.setFullScreen(false);
            stage.close();
        });
    }
}
