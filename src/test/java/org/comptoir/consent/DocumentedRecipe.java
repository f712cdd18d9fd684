package org.comptoir.consent;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A forger who read docs/consent-ledger.md and has write access to the database: written from that page alone (it
 * does not use LedgerEntry), so it also proves the page describes the real recipe. {@link #rechain} recomputes every
 * hash from a row on and moves the head, as someone covering an edit would.
 */
final class DocumentedRecipe {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private DocumentedRecipe() {
    }

    /** Recomputes the hash and prev_hash of every row from {@code fromSeq} to the end, then the head. */
    static void rechain(Connection c, long fromSeq) throws SQLException {
        rehash(c, fromSeq, Long.MAX_VALUE, true);
    }

    /** Recomputes rows {@code fromSeq..toSeq}; moves the head to the last of them when {@code moveHead}. */
    static void rehash(Connection c, long fromSeq, long toSeq, boolean moveHead) throws SQLException {
        String prev = fromSeq == 1 ? "0".repeat(64) : one(c, "SELECT hash FROM consent_event WHERE seq = " + (fromSeq - 1));
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT e.seq, e.subject, e.kind, e.channel, e.wording_id, e.staff, "
                + "e.occurred_at, e.evidence, e.hash_version, w.version, w.language, w.shop_name, w.purpose, w.text, "
                + "w.created_at FROM consent_event e LEFT JOIN consent_wording w ON w.id = e.wording_id "
                + "WHERE e.seq >= ? AND e.seq <= ? ORDER BY e.seq")) {
            st.setLong(1, fromSeq);
            st.setLong(2, toSeq);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong("seq"), rs.getString("subject"), rs.getString("kind"),
                            rs.getString("channel"), rs.getObject("wording_id"), rs.getString("staff"),
                            rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("evidence"),
                            rs.getInt("hash_version"), rs.getObject("version"), rs.getString("language"),
                            rs.getString("shop_name"), rs.getString("purpose"), rs.getString("text"),
                            rs.getObject("created_at", OffsetDateTime.class)});
                }
            }
        }
        long last = fromSeq - 1;
        for (Object[] r : rows) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int version = (Integer) r[8];
            boolean v2 = version == 2;
            field(out, v2 ? "comptoir-ledger-v2" : "comptoir-ledger-v1");
            field(out, r[0].toString());
            field(out, (String) r[1]);
            field(out, (String) r[2]);
            field(out, (String) r[3]);
            field(out, r[4] == null ? null : r[4].toString());
            if (v2) {
                field(out, r[9] == null ? null : r[9].toString());
                field(out, (String) r[10]);
                field(out, (String) r[11]);
                field(out, (String) r[12]);
            }
            field(out, (String) r[13]);
            if (v2) {
                field(out, instant((OffsetDateTime) r[14]));
            }
            field(out, (String) r[5]);
            field(out, instant((OffsetDateTime) r[6]));
            field(out, (String) r[7]);
            field(out, prev);
            String hash = sha256(out.toByteArray());
            try (PreparedStatement up = c.prepareStatement("UPDATE consent_event SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                up.setString(1, prev);
                up.setString(2, hash);
                up.setLong(3, (Long) r[0]);
                up.executeUpdate();
            }
            prev = hash;
            last = (Long) r[0];
        }
        if (!moveHead) {
            return;
        }
        try (PreparedStatement up = c.prepareStatement("UPDATE consent_ledger_head SET last_seq = ?, last_hash = ?")) {
            up.setLong(1, last);
            up.setString(2, prev);
            up.executeUpdate();
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String instant(OffsetDateTime t) {
        return t == null ? null : INSTANT.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
        out.writeBytes(b);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
