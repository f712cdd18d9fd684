package org.comptoir.consent;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.comptoir.store.StoreMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the instant of a consent event comes from. In an embedded store, the till's clock: it is the only writer.
 * With a shop server or a chain's PostgreSQL several tills append to one chain, and each till's clock is off by its
 * own amount: a till whose clock runs ahead would stamp events "later" than the next till's, and the ledger's check
 * that time never goes backwards ({@link Ledger}) would then refuse that next till's consents. So in those modes the
 * instant is the database server's clock, read inside the append's transaction once the ledger head is locked: one
 * clock, read in the chain's order, whatever the tills' clocks say. A till clock more than {@link #TOLERANCE} away from
 * the server's is logged (its sending windows and screens still use it).
 *
 * <p>Thread-safe.
 */
final class LedgerClock {

    /** Beyond this, a till's clock is said to be off (NTP keeps PCs within a second; a minute is a wrong clock). */
    static final Duration TOLERANCE = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(LedgerClock.class);

    private final Clock tillClock;
    private final boolean serverTime;
    private volatile boolean offLogged;

    LedgerClock(Database db, Clock tillClock) {
        this.tillClock = tillClock;
        this.serverTime = db.target().mode() != StoreMode.EMBEDDED;
    }

    /** Whether events take the database server's time rather than this till's. */
    boolean serverTime() {
        return serverTime;
    }

    /**
     * The instant to record now, to the ledger's precision. Call inside the append's transaction after
     * {@link Ledger#lockHead}: the server's clock is then read after every earlier append of the chain committed.
     */
    Instant now(Connection c) throws SQLException {
        if (!serverTime) {
            return LedgerEntry.truncate(tillClock.instant());
        }
        Instant server = Jdbc.serverNow(c);
        watch(server);
        return LedgerEntry.truncate(server);
    }

    /** The same outside a transaction (an import's time, read before it starts), on a connection of its own. */
    Instant now(Database db) {
        return serverTime ? db.withConnection(this::now) : LedgerEntry.truncate(tillClock.instant());
    }

    private void watch(Instant server) {
        Duration off = Duration.between(server, tillClock.instant());
        boolean isOff = off.abs().compareTo(TOLERANCE) > 0;
        if (isOff && !offLogged) {
            LOG.warn("This till's clock is {} s {} the store server's; consents take the server's time", 
                    off.abs().toSeconds(), off.isNegative() ? "behind" : "ahead of");
        } else if (!isOff && offLogged) {
            LOG.info("This till's clock agrees with the store server's again");
        }
        offLogged = isOff;
    }
}
