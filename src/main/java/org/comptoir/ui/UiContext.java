package org.comptoir.ui;

import org.comptoir.AppContext;
import org.comptoir.i18n.Messages;

/** What every screen gets: the services, the strings, the background executor and the dialogs. */
public record UiContext(AppContext app, Messages messages, TaskExecutor executor, DialogService dialogs) {
}
