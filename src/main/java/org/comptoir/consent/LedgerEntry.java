package org.comptoir.consent;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hashed content of one ledger row, and its canonical encoding (version 1):
 * {@code SHA-256( field_1 ‖ … ‖ field_n )} where each field is a 4-byte big-endian length followed by its
 * UTF-8 bytes, or the length -1 alone for null, in this fixed order: the tag {@code comptoir-ledger-v1}, seq
 * (decimal), subject, kind, channel, wording id (decimal), wording text, staff, occurred_at, evidence,
 * prev_hash. occurred_at is written as {@code uuuu-MM-ddTHH:mm:ss.SSSSSSZ} in UTC: H2 keeps microseconds,
 * so instants are truncated to microseconds before they are hashed or stored, and read back identical.
 * Length prefixes make the encoding unambiguous whatever the fields contain. The wording text is included so
 * that editing the sentence a person agreed to is detected like any other edit.
 *
 * <p>Kind and channel are kept as the stored strings so a tampered value is reported, not a parse error.
 */
record LedgerEntry(long seq, String subject, String kind, String channel, Long wordingId, String wordingText,
                   String staff, Instant occurredAt, String evidence, String prevHash) {

    /** prev_hash of the first row. */
    static final String GENESIS = "0".repeat(64);

    private static final String TAG = "comptoir-ledger-v1";
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Instants as the ledger keeps them. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    String computeHash() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, TAG);
        field(out, Long.toString(seq));
        field(out, subject);
        field(out, kind);
        field(out, channel);
        field(out, wordingId == null ? null : Long.toString(wordingId));
        field(out, wordingText);
        field(out, staff);
        field(out, occurredAt == null ? null : INSTANT.format(truncate(occurredAt)));
        field(out, evidence);
        field(out, prevHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
