package org.comptoir.ui.kiosk;

import javafx.scene.Parent;
import org.comptoir.consent.Channel;
import org.comptoir.ui.UiContext;
import org.comptoir.ui.till.TillViewModel;

/**
 * The kiosk's screen as {@link KioskWindow} builds it, without its full-screen window: for GuideScreenshotsUiTest,
 * which shows it at the guides' sizes (a full-screen stage takes the whole headless screen).
 */
public final class KioskForShots {

    private KioskForShots() {
    }

    public static Parent view(UiContext ui) {
        TillViewModel vm = new TillViewModel(ui.app().consent(), ui.app().consentSms().doubleOptIn(),
                ui.app()::phoneNumbers, ui.app().settings(), ui.messages(), ui.executor(), Channel.KIOSK);
        return new KioskView(ui, vm, () -> { });
    }
}
