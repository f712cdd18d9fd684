package org.comptoir.export;

import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/** The person cancelled an export or an import; nothing was written (the partial file is deleted). */
public final class Cancelled extends ComptoirException {

    Cancelled() {
        super(UserMessage.of("export.cancelled"));
    }

    static void check(Progress progress) {
        if (progress.cancelled()) {
            throw new Cancelled();
        }
    }
}
