package org.comptoir.ui;

import javafx.application.Platform;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place an uncaught exception ends: logged in full, shown to the person in a sentence. */
public final class DefaultExceptionHandler implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultExceptionHandler.class);

    private final Messages messages;

    public DefaultExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception on {}", thread.getName(), error);
        String text = error instanceof ComptoirException ce ? messages.render(ce.userMessage())
                : messages.get("app.error.unexpected", String.valueOf(error.getMessage()));
        Runnable show = () -> new FxDialogService(null).showError(messages.get("app.error.title"), text);
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }
}
