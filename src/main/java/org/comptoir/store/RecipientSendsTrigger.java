package org.comptoir.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * Keeps {@code recipient_sends} (V14) equal to the outbox: for each subject, the instants of its MARKETING messages
 * that are SENT or DELIVERED, newest first, at most {@link #KEPT}. Fired by H2 after every insert, update and delete
 * on {@code outbox}, in the same transaction, so a rollback undoes both; a row going SENT → DELIVERED changes
 * nothing, a row leaving SENT/DELIVERED (a decision, a failure report) or deleted gives its instant back.
 *
 * <p>H2 makes one instance per trigger and calls it on the writing connection's thread.
 */
public final class RecipientSendsTrigger implements Trigger {

    /** The highest frequency cap the settings accept ({@code campaign.frequency-cap}: 1–100). */
    public static final int KEPT = 100;

    private int campaignColumn = -1;
    private int subjectColumn = -1;
    private int stateColumn = -1;
    private int sentAtColumn = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        try (ResultSet rs = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                int index = rs.getInt("ORDINAL_POSITION") - 1;
                switch (rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT)) {
                    case "CAMPAIGN_ID" -> campaignColumn = index;
                    case "SUBJECT" -> subjectColumn = index;
                    case "STATE" -> stateColumn = index;
                    case "SENT_AT" -> sentAtColumn = index;
                    default -> { }
                }
            }
        }
        if (campaignColumn < 0 || subjectColumn < 0 || stateColumn < 0 || sentAtColumn < 0) {
            throw new SQLException("outbox lacks campaign_id, subject, state or sent_at");
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        OffsetDateTime was = sentAt(oldRow);
        OffsetDateTime now = sentAt(newRow);
        if (was == null && now == null) {
            return; // queued, claimed, failed, skipped: not a send
        }
        if (was != null && now != null && was.isEqual(now)
                && Objects.equals(oldRow[subjectColumn], newRow[subjectColumn])
                && Objects.equals(oldRow[campaignColumn], newRow[campaignColumn])) {
            return; // SENT → DELIVERED, or another column changed
        }
        if (was != null && marketing(conn, oldRow)) {
            change(conn, (String) oldRow[subjectColumn], was, false);
        }
        if (now != null && marketing(conn, newRow)) {
            change(conn, (String) newRow[subjectColumn], now, true);
        }
    }

    /** The instant a row counts for, or null when it does not count (not sent, or no instant). */
    private OffsetDateTime sentAt(Object[] row) {
        if (row == null) {
            return null;
        }
        Object state = row[stateColumn];
        if (!"SENT".equals(state) && !"DELIVERED".equals(state)) {
            return null;
        }
        return row[sentAtColumn] instanceof OffsetDateTime at ? at : null;
    }

    private boolean marketing(Connection conn, Object[] row) throws SQLException {
        if (row[campaignColumn] == null) {
            return false; // a one-off reply (a STOP confirmation...) is not a promotion
        }
        try (PreparedStatement st = conn.prepareStatement("SELECT kind FROM campaign WHERE id = ?")) {
            st.setObject(1, row[campaignColumn]);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && "MARKETING".equals(rs.getString(1));
            }
        }
    }

    private static void change(Connection conn, String subject, OffsetDateTime at, boolean add) throws SQLException {
        List<OffsetDateTime> recent = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT recent FROM recipient_sends WHERE subject = ?")) {
            st.setString(1, subject);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    for (Object o : (Object[]) rs.getArray(1).getArray()) {
                        recent.add((OffsetDateTime) o);
                    }
                }
            }
        }
        if (add) {
            recent.add(at);
        } else {
            recent.stream().filter(at::isEqual).findFirst().ifPresent(recent::remove);
        }
        recent.sort(Comparator.comparing(OffsetDateTime::toInstant).reversed());
        if (recent.size() > KEPT) {
            recent = new ArrayList<>(recent.subList(0, KEPT));
        }
        if (recent.isEmpty()) {
            try (PreparedStatement st = conn.prepareStatement("DELETE FROM recipient_sends WHERE subject = ?")) {
                st.setString(1, subject);
                st.executeUpdate();
            }
            return;
        }
        try (PreparedStatement st = conn.prepareStatement("MERGE INTO recipient_sends (subject, recent) KEY (subject) VALUES (?, ?)")) {
            st.setString(1, subject);
            st.setObject(2, recent.toArray(new OffsetDateTime[0]));
            st.executeUpdate();
        }
    }
}
