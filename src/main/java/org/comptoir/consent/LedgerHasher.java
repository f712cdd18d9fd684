package org.comptoir.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * The ledger's hash recipe (described in {@link LedgerEntry} and docs/consent-ledger.md), with one digest and one
 * scratch buffer reused from row to row: {@code consent verify} hashes every row of the chain, and creating a
 * {@link MessageDigest}, a byte stream and a formatter per row cost more than the SHA-256 itself.
 *
 * <p>Not thread-safe: one per walk (or per call, as {@link LedgerEntry#computeHash()} does).
 */
final class LedgerHasher {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest;
    private final byte[] length = new byte[4];
    private final char[] instantChars = new char[27];
    private ConsentWording lastWording;
    private String lastWordingCreated;

    LedgerHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The row's hash under its recipe version, in lower-case hex; IllegalStateException for an unknown version. */
    String hash(LedgerEntry e) {
        if (!LedgerEntry.knownVersion(e.hashVersion())) {
            throw new IllegalStateException("unknown ledger hash version " + e.hashVersion());
        }
        digest.reset();
        ConsentWording w = e.wording();
        boolean v2 = e.hashVersion() >= 2;
        field("comptoir-ledger-v" + e.hashVersion());
        field(Long.toString(e.seq()));
        field(e.subject());
        field(e.kind());
        field(e.channel());
        field(e.wordingId() == null ? null : Long.toString(e.wordingId()));
        if (v2) {
            field(w == null ? null : Integer.toString(w.version()));
            field(w == null ? null : w.language());
            field(w == null ? null : w.shopName());
            field(w == null ? null : w.purpose());
        }
        field(w == null ? null : w.text());
        if (v2) {
            field(w == null ? null : wordingCreated(w));
        }
        field(e.staff());
        field(instant(e.occurredAt()));
        field(e.evidence());
        field(e.prevHash());
        return HEX.formatHex(digest.digest());
    }

    private String wordingCreated(ConsentWording w) {
        if (w != lastWording) {
            lastWording = w; // a walk meets the same few wordings over and over
            lastWordingCreated = instant(w.createdAt());
        }
        return lastWordingCreated;
    }

    private void field(String value) {
        if (value == null) {
            putLength(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putLength(bytes.length);
        digest.update(bytes);
    }

    private void putLength(int n) {
        length[0] = (byte) (n >>> 24);
        length[1] = (byte) (n >>> 16);
        length[2] = (byte) (n >>> 8);
        length[3] = (byte) n;
        digest.update(length);
    }

    /** {@code uuuu-MM-ddTHH:mm:ss.SSSSSSZ} in UTC, as {@link LedgerEntry#instant} writes it, without a formatter. */
    String instant(Instant i) {
        if (i == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return LedgerEntry.instant(i); // the formatter's sign and width rules, for dates no shop records
        }
        char[] c = instantChars;
        digits(c, 0, t.getYear(), 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1000, 6); // truncated to microseconds, as the ledger keeps them
        c[26] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            c[k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
