package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.InboundSms;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every received message before the gateway deletes it from the SIM (the {@link GatewayListener}
 * contract). The sending engine hands each stored message to its {@link InboundRouter}, which fills
 * {@code handled_as}.
 *
 * <p>Thread-safe; every method blocks on the database.
 */
public final class InboundStore implements GatewayListener {

    private static final Logger LOG = LoggerFactory.getLogger(InboundStore.class);

    /** One stored message. */
    public record Row(long id, String sender, String text, Instant receivedAt, String handledAs) {
    }

    private final Database database;
    private final String gatewayName;
    private final Clock clock;

    public InboundStore(Database database, String gatewayName, Clock clock) {
        this.database = database;
        this.gatewayName = gatewayName;
        this.clock = clock;
    }

    /** Stores {@code sms} (once: a second read of the same message is ignored); throws if it cannot. */
    @Override
    public void onInbound(InboundSms sms) {
        database.inTransaction(c -> {
            long seen = Jdbc.queryLong(c, "SELECT COUNT(*) FROM inbound WHERE sender = ? AND received_at = ? AND text = ?",
                    sms.from(), sms.receivedAt(), sms.text());
            if (seen == 0) {
                Jdbc.insert(c, "INSERT INTO inbound (sender, text, received_at, stored_at, gateway) VALUES (?, ?, ?, ?, ?)",
                        sms.from(), sms.text(), sms.receivedAt(), clock.instant(), gatewayName);
            }
            return null;
        });
    }

    @Override
    public void onDeliveryReport(DeliveryReport report) {
        // matched to the outbox by the sending engine (a later issue); logged meanwhile
        LOG.info("Delivery report {} for {}: {}", report.partReference(), report.recipient(), report.outcome());
    }

    @Override
    public void onStateChanged(GatewayState state) {
        LOG.info("Gateway {} is {}", gatewayName, state);
    }

    /** Stored messages no router has handled yet ({@code handled_as} NULL), oldest first. */
    public List<StoredInbound> unhandled(int limit) {
        return database.withConnection(c -> Jdbc.query(c,
                "SELECT id, sender, text, received_at, gateway FROM inbound WHERE handled_as IS NULL ORDER BY id LIMIT ?",
                rs -> new StoredInbound(rs.getLong("id"), rs.getString("sender"), rs.getString("text"),
                        Jdbc.instant(rs, "received_at"), rs.getString("gateway") == null ? "" : rs.getString("gateway")),
                limit));
    }

    /** Records what the router made of message {@code id}. */
    public void markHandled(long id, String handledAs) {
        database.withConnection(c -> Jdbc.update(c, "UPDATE inbound SET handled_as = ? WHERE id = ?",
                handledAs.length() > 30 ? handledAs.substring(0, 30) : handledAs, id));
    }

    /** The latest {@code limit} messages, newest first. */
    public List<Row> latest(int limit) {
        return database.withConnection(c -> Jdbc.query(c,
                "SELECT id, sender, text, received_at, handled_as FROM inbound ORDER BY received_at DESC, id DESC LIMIT ?",
                rs -> new Row(rs.getLong("id"), rs.getString("sender"), rs.getString("text"),
                        Jdbc.instant(rs, "received_at"), rs.getString("handled_as")), limit));
    }
}
