package org.comptoir.sms.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comptoir.MutableClock;
import org.comptoir.sms.SmsEncoding;
import org.junit.jupiter.api.Test;

class ConcatenationBufferTest {

    private static final Instant T0 = Instant.parse("2026-11-29T20:00:00Z");

    /** Moved by hand: expiry is driven by time, never by waiting. */
    private final MutableClock clock = new MutableClock(T0);
    private final ConcatenationBuffer buffer = new ConcatenationBuffer(Duration.ofMinutes(30), clock);

    private static SmsDeliver part(String from, int ref, int total, int seq, String text) {
        return new SmsDeliver(from, T0, SmsEncoding.GSM7, text, Optional.of(new ConcatInfo(ref, total, seq)));
    }

    @Test
    void singleMessageIsCompleteAtOnce() {
        SmsDeliver single = new SmsDeliver("+33612345678", T0, SmsEncoding.GSM7, "STOP", Optional.empty());

        assertThat(buffer.add(single)).contains("STOP");
        assertThat(buffer.add(part("+33612345678", 9, 1, 1, "ARRET"))).contains("ARRET");
        assertThat(buffer.pendingCount()).isZero();
    }

    @Test
    void partsOutOfOrderAndDuplicatedJoinInSequence() {
        assertThat(buffer.add(part("+33612345678", 42, 3, 3, "three"))).isEmpty();
        assertThat(buffer.add(part("+33612345678", 42, 3, 1, "one "))).isEmpty();
        assertThat(buffer.add(part("+33612345678", 42, 3, 1, "one again "))).isEmpty();

        assertThat(buffer.add(part("+33612345678", 42, 3, 2, "two "))).contains("one two three");
        assertThat(buffer.pendingCount()).isZero();
    }

    @Test
    void setsAreKeptApartByOriginatorReferenceAndTotal() {
        buffer.add(part("+33612345678", 1, 2, 1, "a1 "));
        buffer.add(part("+33699999999", 1, 2, 1, "b1 "));
        buffer.add(part("+33612345678", 2, 2, 1, "c1 "));
        buffer.add(part("+33612345678", 1, 3, 1, "d1 "));

        assertThat(buffer.pendingCount()).isEqualTo(4);
        assertThat(buffer.add(part("+33699999999", 1, 2, 2, "b2"))).contains("b1 b2");
        assertThat(buffer.add(part("+33612345678", 1, 2, 2, "a2"))).contains("a1 a2");
        assertThat(buffer.pendingCount()).isEqualTo(2);
    }

    @Test
    void incompleteSetExpiresWithItsPartialText() {
        buffer.add(part("+33612345678", 7, 4, 1, "Bonjour, "));
        buffer.add(part("+33612345678", 7, 4, 3, "STOP"));
        clock.set(T0.plus(Duration.ofMinutes(10)));
        buffer.add(part("+33699999999", 8, 2, 1, "later"));

        assertThat(buffer.expire(T0.plus(Duration.ofMinutes(29)))).isEmpty();
        List<ConcatenationBuffer.Incomplete> expired = buffer.expire(T0.plus(Duration.ofMinutes(30)));

        assertThat(expired).singleElement().satisfies(incomplete -> {
            assertThat(incomplete.originator()).isEqualTo("+33612345678");
            assertThat(incomplete.reference()).isEqualTo(7);
            assertThat(incomplete.total()).isEqualTo(4);
            assertThat(incomplete.firstSeen()).isEqualTo(T0);
            assertThat(incomplete.parts()).isEqualTo(Map.of(1, "Bonjour, ", 3, "STOP"));
            assertThat(incomplete.missing()).containsExactly(2, 4);
            assertThat(incomplete.partialText()).isEqualTo("Bonjour, …STOP…");
        });
        assertThat(buffer.pendingCount()).isEqualTo(1);
        // a late part of an expired set starts a new set instead of resurrecting the old one
        clock.set(T0.plus(Duration.ofMinutes(20)));
        assertThat(buffer.add(part("+33612345678", 7, 4, 2, "x"))).isEmpty();
        assertThat(buffer.expire(T0.plus(Duration.ofMinutes(40))))
                .extracting(ConcatenationBuffer.Incomplete::reference).containsExactly(8);
        assertThat(buffer.expire(T0.plus(Duration.ofMinutes(50))))
                .extracting(ConcatenationBuffer.Incomplete::missing).containsExactly(List.of(1, 3, 4));
    }
}
