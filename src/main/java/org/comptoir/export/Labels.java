package org.comptoir.export;

import org.comptoir.i18n.Messages;

/**
 * Ledger codes (kinds, channels, statuses) in the reader's language, as the rest of Comptoir words them; each
 * looked up once per export (there are a handful), not once per row.
 */
final class Labels {

    private final Messages m;
    private final java.util.Map<String, String> known = new java.util.HashMap<>();

    Labels(Messages m) {
        this.m = m;
    }

    String kind(String kind) {
        return known.computeIfAbsent("consent.kind." + kind, m::get);
    }

    String channel(String channel) {
        return known.computeIfAbsent("consent.channel." + channel, m::get);
    }

    /** A contact without a state was added without consent (an import): none is recorded. */
    String status(String status) {
        return known.computeIfAbsent(status == null ? "export.status.none" : "consent.status." + status, m::get);
    }
}
