package org.comptoir.ui;

import java.time.Clock;
import org.comptoir.AppContext;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.TillSettings;

/**
 * What every screen gets: the services, the strings, the background executor, the dialogs, and the owner
 * mode (cashier by default; the owner PIN unlocks owner-only screens and actions).
 */
public record UiContext(AppContext app, Messages messages, TaskExecutor executor, DialogService dialogs,
                        OwnerMode owner) {

    public UiContext(AppContext app, Messages messages, TaskExecutor executor, DialogService dialogs) {
        this(app, messages, executor, dialogs, new OwnerMode(app::ownerPin,
                () -> app.settings().getInt(TillSettings.OWNER_IDLE_MINUTES), messages, executor, Clock.systemUTC()));
    }

    /** The same context with dialogs owned by another window (the kiosk's), sharing the owner mode. */
    public UiContext withDialogs(DialogService other) {
        return new UiContext(app, messages, executor, other, owner);
    }
}
