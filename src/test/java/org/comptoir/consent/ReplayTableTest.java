package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The verifier's compact replay map and its reusable hasher, against plain Java collections and the formatter. */
class ReplayTableTest {

    @Test
    void findsEverySubjectPastItsExpectedSizeAndKeepsHandEditedOnesApart() {
        ReplayTable table = new ReplayTable(); // grows many times over
        Random r = new Random(1);
        Map<String, Integer> reference = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[32];
            r.nextBytes(b);
            String subject = HexFormat.of().formatHex(b);
            int e = table.entry(subject);
            table.apply(e, ConsentKind.OPT_IN, "OPT_IN", i + 1, i * 1_000L, 7);
            reference.put(subject, e);
        }
        // not 64 lower-case hex digits: what a hand-made row may hold; never confused with a real subject
        String upper = reference.keySet().iterator().next().toUpperCase(java.util.Locale.ROOT);
        int odd = table.entry(upper);
        table.apply(odd, null, "OPT_INN", 99_999, 0, ReplayTable.NONE);
        int shortOne = table.entry("abc");

        assertThat(table.size()).isEqualTo(20_002);
        reference.forEach((subject, e) -> {
            assertThat(table.find(subject)).isEqualTo(e);
            assertThat(table.subject(e)).isEqualTo(subject);
        });
        assertThat(table.find(upper)).isEqualTo(odd).isNotIn(reference.values());
        assertThat(table.subject(odd)).isEqualTo(upper);
        assertThat(table.statusName(odd)).isEqualTo("OPT_INN"); // the tampered kind is named as stored
        assertThat(table.status(odd)).isNull();
        assertThat(table.find("abc")).isEqualTo(shortOne);
        assertThat(table.has(shortOne, ReplayTable.HAS_EVENTS)).isFalse();
        assertThat(table.find("f".repeat(64))).isEqualTo(-1);
    }

    @Test
    void aConfirmationKeepsTheOptInsWordingAndTheLastEventDecides() {
        ReplayTable table = new ReplayTable();
        int e = table.entry("a".repeat(64));
        table.apply(e, ConsentKind.OPT_IN, "OPT_IN", 3, 30, 5);
        table.apply(e, ConsentKind.CONFIRMED, "CONFIRMED", 8, 80, ReplayTable.NONE);
        assertThat(table.status(e)).isEqualTo(ConsentStatus.CONFIRMED);
        assertThat(table.wordingId(e)).isEqualTo(5);
        assertThat(table.lastSeq(e)).isEqualTo(8);
        assertThat(table.sinceMicros(e)).isEqualTo(80);
        table.apply(e, ConsentKind.OPT_OUT, "OPT_OUT", 9, 90, ReplayTable.NONE);
        assertThat(table.status(e)).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(table.wordingId(e)).isEqualTo(ReplayTable.NONE);
        assertThat(table.has(e, ReplayTable.EVER_OPTED_IN)).isTrue();
    }

    @Test
    void seqsAndWordingIdsOutsideTheIntRangeComeBackExactly() {
        ReplayTable table = new ReplayTable();
        long[] values = {1, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 5_000_000_000L, Long.MAX_VALUE, 0, -1,
            Integer.MIN_VALUE, Integer.MIN_VALUE + 1L, Integer.MIN_VALUE + 2L, Long.MIN_VALUE + 1};
        for (int k = 0; k < values.length; k++) {
            int e = table.entry(String.format("%064x", k));
            table.apply(e, ConsentKind.OPT_IN, "OPT_IN", values[k], k, values[values.length - 1 - k]);
        }
        for (int k = 0; k < values.length; k++) {
            int e = table.find(String.format("%064x", k));
            assertThat(table.lastSeq(e)).isEqualTo(values[k]);
            assertThat(table.wordingId(e)).isEqualTo(values[values.length - 1 - k]);
        }
        // a value kept aside, then an ordinary one: the ordinary one wins
        int e = table.find(String.format("%064x", 3));
        table.apply(e, ConsentKind.OPT_OUT, "OPT_OUT", 42, 99, ReplayTable.NONE);
        assertThat(table.lastSeq(e)).isEqualTo(42);
        assertThat(table.wordingId(e)).isEqualTo(ReplayTable.NONE);
    }

    @Test
    void theHashersDatesAreTheFormattersToTheMicrosecond() {
        LedgerHasher hasher = new LedgerHasher();
        Random r = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(-62_000_000_000L, 253_402_300_799L), r.nextInt(1_000_000_000));
            assertThat(hasher.instant(t)).as("%s", t).isEqualTo(LedgerEntry.instant(t));
        }
        Instant beyond = Instant.parse("+12026-01-01T00:00:00Z");
        assertThat(hasher.instant(beyond)).isEqualTo(LedgerEntry.instant(beyond)).startsWith("+12026");
        assertThat(hasher.instant(null)).isNull();
    }

    @Test
    void oneHasherOverManyRowsGivesEachRowsOwnHash() {
        LedgerHasher reused = new LedgerHasher();
        ConsentWording w = new ConsentWording(2, 1, "fr", "Oui", "Léa Fleurs", "promotions", Instant.parse("2026-01-01T00:00:00Z"));
        ConsentWording other = new ConsentWording(3, 2, "fr", "Oui !", "Léa Fleurs", "promotions", Instant.parse("2026-02-01T00:00:00Z"));
        String prev = LedgerEntry.GENESIS;
        for (int i = 1; i <= 50; i++) {
            ConsentWording wording = i % 3 == 0 ? null : i % 2 == 0 ? w : other;
            LedgerEntry e = new LedgerEntry(i % 5 == 0 ? 1 : 2, i, "a".repeat(64), "OPT_IN", "TILL",
                    wording == null ? null : wording.id(), wording, i % 4 == 0 ? null : "Léa",
                    Instant.parse("2026-03-01T10:00:00.123456Z").plusSeconds(i), i % 7 == 0 ? "STOP é" : null, prev);
            String hash = reused.hash(e);
            assertThat(hash).isEqualTo(new LedgerHasher().hash(e)).hasSize(64);
            prev = hash;
        }
    }
}
