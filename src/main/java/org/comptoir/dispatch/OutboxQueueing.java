package org.comptoir.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.campaign.AudienceQuery;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.MessageComposer;
import org.comptoir.schedule.MessageClass;
import org.comptoir.sms.SmsAnalysis;
import org.comptoir.sms.SmsText;
import org.comptoir.store.Jdbc;

/**
 * Fills the outbox for a campaign that starts, on the caller's connection and transaction, with one
 * {@code INSERT ... SELECT} over the audience: the rows never travel through Java. What only Java can compute is
 * computed once per distinct value beforehand — the rendered text, its encoding and parts per first name (a few
 * hundred names for 100,000 customers), the window key per number prefix — into the scratch tables
 * {@code outbox_render} and {@code outbox_window}, joined by the insert and emptied before the transaction commits.
 * The unique constraint {@code outbox_once} keeps one row per campaign and recipient.
 */
final class OutboxQueueing {

    private static final int BATCH = 500;

    private OutboxQueueing() {
    }

    /** Queues every recipient of {@code audience} for {@code campaign}; returns how many. Blocks on the database. */
    static long queue(Connection c, Campaign campaign, MessageComposer composer, MessageClass messageClass,
                      AudienceQuery.Sql audience, Instant now) throws SQLException {
        long id = campaign.id();
        // what a crash between two starts could have left (the transaction rolled back, but to be sure)
        Jdbc.update(c, "DELETE FROM outbox_render WHERE campaign_id = ?", id);
        Jdbc.update(c, "DELETE FROM outbox_window WHERE campaign_id = ?", id);
        renders(c, campaign, composer, audience);
        windows(c, id, audience);
        List<Object> params = new ArrayList<>(List.of(id, messageClass.name(), campaign.sender(), now, now));
        params.addAll(audience.params());
        params.add(id);
        params.add(id);
        long queued = Jdbc.update(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding,"
                + " parts, state, message_class, sender, window_key, created_at, updated_at)"
                + " SELECT ?, a.subject, a.phone_e164, r.rendered_text, r.encoding, r.parts, 'QUEUED', ?, ?, w.window_key, ?, ?"
                + " FROM (SELECT c.subject, c.phone_e164, COALESCE(c.first_name, '') AS first_name" + audience.from() + ") a"
                + " JOIN outbox_render r ON r.campaign_id = ? AND r.first_name = a.first_name"
                + " JOIN outbox_window w ON w.campaign_id = ? AND w.prefix = LEFT(a.phone_e164, 7)", params.toArray());
        Jdbc.update(c, "DELETE FROM outbox_render WHERE campaign_id = ?", id);
        Jdbc.update(c, "DELETE FROM outbox_window WHERE campaign_id = ?", id);
        return queued;
    }

    /** The text of each distinct first name of the audience (the composer's rules: none, blank, a name). */
    private static void renders(Connection c, Campaign campaign, MessageComposer composer, AudienceQuery.Sql audience)
            throws SQLException {
        try (PreparedStatement names = Jdbc.prepare(c, "SELECT DISTINCT COALESCE(c.first_name, '')" + audience.from(),
                audience.params().toArray());
             ResultSet rs = names.executeQuery();
             PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_render (campaign_id, first_name,"
                     + " rendered_text, encoding, parts) VALUES (?, ?, ?, ?, ?)")) {
            int pending = 0;
            while (rs.next()) {
                String name = rs.getString(1);
                String text = composer.render(campaign.template(), name);
                SmsAnalysis analysis = SmsText.analyze(text);
                insert.setLong(1, campaign.id());
                insert.setString(2, name);
                insert.setString(3, text);
                insert.setString(4, analysis.encoding().name());
                insert.setInt(5, analysis.parts());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** The window key of each number prefix of the audience ({@link Outbox#windowKey}, from one number of it). */
    private static void windows(Connection c, long campaignId, AudienceQuery.Sql audience) throws SQLException {
        try (PreparedStatement prefixes = Jdbc.prepare(c, "SELECT LEFT(c.phone_e164, 7) AS p, MIN(c.phone_e164)"
                + audience.from() + " GROUP BY LEFT(c.phone_e164, 7)", audience.params().toArray());
             ResultSet rs = prefixes.executeQuery();
             PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_window (campaign_id, prefix, window_key)"
                     + " VALUES (?, ?, ?)")) {
            int pending = 0;
            while (rs.next()) {
                insert.setLong(1, campaignId);
                insert.setString(2, rs.getString(1));
                insert.setString(3, Outbox.windowKey(rs.getString(2)));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
