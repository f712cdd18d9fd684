package org.comptoir.consent;

import java.time.Clock;
import org.comptoir.dispatch.ReplySender;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;

/**
 * Consent over SMS wired in one place: the inbound router the sending engine calls, double opt-in, the inbox,
 * erasure everywhere and retention. Built by {@code AppContext} over the engine's {@link ReplySender}.
 */
public final class ConsentSms {

    private final DoubleOptIn doubleOptIn;
    private final ConsentInboundRouter router;

    public ConsentSms(Database db, Settings settings, ConsentService consent, ReplySender replies, Clock clock) {
        this.doubleOptIn = new DoubleOptIn(db, settings, consent, replies, clock);
        this.router = new ConsentInboundRouter(db, settings, consent, replies, doubleOptIn, clock);
    }

    public DoubleOptIn doubleOptIn() {
        return doubleOptIn;
    }

    /** What the sending engine calls for every stored inbound message. */
    public ConsentInboundRouter router() {
        return router;
    }
}
