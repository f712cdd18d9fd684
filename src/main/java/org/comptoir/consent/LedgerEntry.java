package org.comptoir.consent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The hashed content of one ledger row, and its canonical encoding (see docs/consent-ledger.md, which an auditor
 * can follow without Comptoir): {@code SHA-256( field_1 ‖ … ‖ field_n )} where each field is a 4-byte big-endian
 * length followed by its UTF-8 bytes, or the length -1 alone for null. Instants are written as
 * {@code uuuu-MM-ddTHH:mm:ss.SSSSSSZ} in UTC (H2 keeps microseconds, so instants are truncated to microseconds
 * before they are hashed or stored, and read back identical). Length prefixes make the encoding unambiguous
 * whatever the fields contain.
 *
 * <ul>
 * <li>Version 1 (rows recorded before V10): the tag {@code comptoir-ledger-v1}, seq (decimal), subject, kind,
 * channel, wording id (decimal), wording text, staff, occurred_at, evidence, prev_hash.</li>
 * <li>Version 2: the tag {@code comptoir-ledger-v2}, seq, subject, kind, channel, wording id, wording version
 * (decimal), wording language, wording shop name, wording purpose, wording text, wording created_at, staff,
 * occurred_at, evidence, prev_hash: every field an auditor is shown is covered.</li>
 * </ul>
 *
 * <p>Kind and channel are kept as the stored strings so a tampered value is reported, not a parse error.
 *
 * @param wording the wording row the event refers to as read now (null when none, or when it was deleted)
 */
record LedgerEntry(int hashVersion, long seq, String subject, String kind, String channel, Long wordingId,
                   ConsentWording wording, String staff, Instant occurredAt, String evidence, String prevHash) {

    /** prev_hash of the first row. */
    static final String GENESIS = "0".repeat(64);

    /** The version new rows are recorded with. */
    static final int CURRENT_VERSION = 2;

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Instants as the ledger keeps them. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static boolean knownVersion(int version) {
        return version == 1 || version == 2;
    }

    /**
     * The row's hash under its recipe version; throws IllegalStateException for an unknown version. A walk over many
     * rows uses one {@link LedgerHasher} instead (same bytes, no per-row allocation of the digest).
     */
    String computeHash() {
        return new LedgerHasher().hash(this);
    }

    /** An instant as the recipe writes it (null stays null). */
    static String instant(Instant i) {
        return i == null ? null : INSTANT.format(truncate(i));
    }
}
