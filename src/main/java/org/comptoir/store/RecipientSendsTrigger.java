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
 * nothing, a row leaving SENT/DELIVERED (a decision, a failure report) or deleted gives its instant back, and when
 * that leaves a full list one short, the list is read again from the outbox (older sends trimmed from it count again).
 * Where one statement changes several rows of one subject and the trigger sees the outbox after all of them
 * (PostgreSQL's AFTER triggers do), a list read back may already hold the later rows' changes and be off by those
 * until the next read-back; the application changes counted rows one statement each, or one row per subject.
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
        boolean nowCounts = now != null && marketing(conn, newRow);
        if (was != null && marketing(conn, oldRow)) {
            String subject = (String) oldRow[subjectColumn];
            boolean refilled = change(conn, subject, was, false);
            if (refilled && nowCounts && subject.equals(newRow[subjectColumn])) {
                return; // read back from the outbox, which holds the row's new instant already
            }
        }
        if (nowCounts) {
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

    /**
     * Adds or removes one instant of {@code subject}'s list. Returns true when the list was read back from the outbox
     * instead: a full list losing one of its instants may have trimmed older sends that count again now.
     */
    private static boolean change(Connection conn, String subject, OffsetDateTime at, boolean add) throws SQLException {
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
        boolean refill = false;
        if (add) {
            recent.add(at);
        } else {
            boolean full = recent.size() >= KEPT;
            boolean removed = recent.stream().filter(at::isEqual).findFirst().map(recent::remove).orElse(false);
            refill = full && removed;
            if (refill) {
                recent = fromOutbox(conn, subject);
            }
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
            return refill;
        }
        try (PreparedStatement st = conn.prepareStatement("MERGE INTO recipient_sends (subject, recent) KEY (subject) VALUES (?, ?)")) {
            st.setString(1, subject);
            st.setObject(2, recent.toArray(new OffsetDateTime[0]));
            st.executeUpdate();
        }
        return refill;
    }

    /**
     * The subject's newest {@link #KEPT} marketing instants as the outbox holds them now (this row's change included:
     * the trigger fires after it). Campaign by campaign, so that {@code outbox_once (campaign_id, subject)} answers
     * each with one look-up: the outbox has no index on the subject alone (V24).
     */
    private static List<OffsetDateTime> fromOutbox(Connection conn, String subject) throws SQLException {
        List<OffsetDateTime> out = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT o.sent_at FROM campaign k JOIN outbox o"
                + " ON o.campaign_id = k.id AND o.subject = ? WHERE k.kind = 'MARKETING'"
                + " AND o.state IN ('SENT', 'DELIVERED') AND o.sent_at IS NOT NULL")) {
            st.setString(1, subject);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, OffsetDateTime.class));
                }
            }
        }
        return out;
    }
}
