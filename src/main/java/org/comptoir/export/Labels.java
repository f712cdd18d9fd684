package org.comptoir.export;

import org.comptoir.i18n.Messages;

/** Ledger codes (kinds, channels, statuses) in the reader's language, as the rest of Comptoir words them. */
final class Labels {

    private final Messages m;

    Labels(Messages m) {
        this.m = m;
    }

    String kind(String kind) {
        return m.get("consent.kind." + kind);
    }

    String channel(String channel) {
        return m.get("consent.channel." + channel);
    }

    /** A contact without a state was added without consent (an import): none is recorded. */
    String status(String status) {
        return status == null ? m.get("export.status.none") : m.get("consent.status." + status);
    }
}
