package org.comptoir.consent;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.comptoir.dispatch.ReplySender;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;

/**
 * Consent over SMS wired in one place: the inbound router the sending engine calls, double opt-in, the inbox,
 * erasure everywhere and retention. Built by {@code AppContext} over the engine's {@link ReplySender}.
 */
public final class ConsentSms {

    private final Database db;
    private final DoubleOptIn doubleOptIn;
    private final ConsentInboundRouter router;
    private final Inbox inbox;
    private final Retention retention;
    /** Set by an erasure: deleted rows stay in the file's free pages until it is compacted. */
    private final AtomicBoolean erasedSinceOpen = new AtomicBoolean();

    public ConsentSms(Database db, Settings settings, ConsentService consent, ReplySender replies, Clock clock) {
        this.db = db;
        consent.addErasureStep(new PersonalDataPurge(clock, () -> erasedSinceOpen.set(true)));
        this.doubleOptIn = new DoubleOptIn(db, settings, consent, replies, clock);
        this.router = new ConsentInboundRouter(db, settings, consent, replies, doubleOptIn, clock);
        this.inbox = new Inbox(db, router, clock);
        this.retention = new Retention(db, settings, consent, clock);
    }

    public DoubleOptIn doubleOptIn() {
        return doubleOptIn;
    }

    /**
     * When someone was erased since the store was opened, rewrites the database file without its free pages
     * ({@code SHUTDOWN COMPACT}): H2 leaves deleted rows' bytes in unused pages, where a search of the file would
     * still find the number. This closes the database: call only when closing the application. Blocks for as long
     * as the rewrite takes (seconds for a large store).
     */
    public void compactIfErased() {
        if (erasedSinceOpen.getAndSet(false)) {
            db.withConnection(c -> {
                try (var st = c.createStatement()) {
                    st.execute("SHUTDOWN COMPACT");
                }
                return null;
            });
        }
    }

    /** The received SMS and the owner's decisions on those that wait. */
    public Inbox inbox() {
        return inbox;
    }

    /** Contacts silent for the retention period, and their erasure once the owner confirms. */
    public Retention retention() {
        return retention;
    }

    /** What the sending engine calls for every stored inbound message. */
    public ConsentInboundRouter router() {
        return router;
    }
}
