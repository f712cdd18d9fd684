package org.comptoir.consent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.comptoir.dispatch.StoredInbound;
import org.comptoir.store.Jdbc;

/**
 * The text of an SMS that proves a ledger event, kept in {@code consent_sms_evidence} beside the ledger rather
 * than in the hashed row: the row holds {@code evidence=<id> text-hmac=<hex>}, an HMAC-SHA-256 of the text under a
 * random salt kept with the text. Erasure deletes text and salt; the ledger row, and so the chain, stays as it
 * was. While the text is there, {@link #matches} shows that it is the one the ledger row was written with.
 *
 * <p>Runs inside the caller's transaction; blocks on the database.
 */
final class SmsEvidence {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SmsEvidence() {
    }

    /** Stores the text of {@code message} and returns what the ledger row's evidence says. */
    static String store(Connection c, String subject, StoredInbound message, ConsentKind kind, Instant now)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Jdbc.update(c, "INSERT INTO consent_sms_evidence (id, subject, inbound_id, kind, text, salt, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, subject, message.id(), kind.name(), message.text(),
                HexFormat.of().formatHex(salt), now);
        return ledgerReference(id, message, hmac(salt, message.text()));
    }

    /** What the ledger row says: where the SMS came from and which evidence row holds its text; no personal data. */
    static String ledgerReference(String evidenceId, StoredInbound message, String textHmac) {
        return "sms inbound=" + message.id() + " gateway=" + (message.gateway() == null ? "-" : message.gateway().replace(' ', '_'))
                + " received=" + message.receivedAt() + " evidence=" + evidenceId + " text-hmac=" + textHmac;
    }

    /** Whether {@code inboundId} was already acted on as {@code kind} (a message routed twice acts once). */
    static boolean actedOn(Connection c, long inboundId, ConsentKind kind) throws SQLException {
        return Jdbc.queryLong(c, "SELECT COUNT(*) FROM consent_sms_evidence WHERE inbound_id = ? AND kind = ?",
                inboundId, kind.name()) > 0;
    }

    /** The stored text of evidence {@code id}, when it was not erased. */
    static Optional<String> text(Connection c, String id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT text FROM consent_sms_evidence WHERE id = ?", rs -> rs.getString(1), id);
    }

    /** Whether the text kept for a ledger row's {@code evidence} is the one the row was written with. */
    static boolean matches(Connection c, String ledgerEvidence) throws SQLException {
        String id = field(ledgerEvidence, "evidence");
        String expected = field(ledgerEvidence, "text-hmac");
        if (id == null || expected == null) {
            return false;
        }
        return Jdbc.queryOne(c, "SELECT text, salt FROM consent_sms_evidence WHERE id = ?",
                rs -> hmac(HexFormat.of().parseHex(rs.getString("salt")), rs.getString("text")).equals(expected), id)
                .orElse(false);
    }

    /** Deletes every text kept for {@code subject}; returns how many. */
    static int erase(Connection c, String subject) throws SQLException {
        return Jdbc.update(c, "DELETE FROM consent_sms_evidence WHERE subject = ?", subject);
    }

    static String field(String evidence, String name) {
        if (evidence == null) {
            return null;
        }
        for (String part : evidence.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String hmac(byte[] salt, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
