package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hand-over between verify's reading thread and its checking thread: order, failures, no thread left behind. */
class VerifyHandoffTest {

    private static final int ROWS = VerifyHandoff.BATCH * 10 + 7; // many full batches and a partial one

    @Test
    void everyRowArrivesOnceInOrderOnTheCheckingThread() {
        List<Long> seen = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        try (VerifyHandoff h = new VerifyHandoff(row -> {
            seen.add(((VerifyRow.Contact) row).id());
            threads.add(Thread.currentThread().getName());
        })) {
            for (long i = 0; i < ROWS; i++) {
                h.add(new VerifyRow.Contact("s", "p", i));
            }
            h.finish(); // returns once every row is checked: what the verifier reads afterwards is complete
        }
        assertThat(seen).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        assertThat(Set.copyOf(threads)).containsExactly("consent-verify-check");
    }

    @Test
    void aFailingCheckReachesTheReaderAndTheCheckingThreadEnds() {
        IllegalStateException boom = new IllegalStateException("check failed");
        VerifyHandoff h = new VerifyHandoff(row -> {
            if (((VerifyRow.Contact) row).id() == 5) {
                throw boom;
            }
        });
        // the reader goes on adding (more than the queue holds) and is told at the latest by finish()
        assertThatThrownBy(() -> {
            for (long i = 0; i < ROWS; i++) {
                h.add(new VerifyRow.Contact("s", "p", i));
            }
            h.finish();
        }).isSameAs(boom);
        h.close();
        assertThat(checkingThreadAlive()).isFalse();
    }

    @Test
    void aReaderThatFailsMidwayLeavesNoCheckingThreadBehind() {
        try (VerifyHandoff h = new VerifyHandoff(row -> { })) {
            for (long i = 0; i < VerifyHandoff.BATCH * 3; i++) {
                h.add(new VerifyRow.Contact("s", "p", i));
            }
            // no finish(): as when the store throws while reading; close() ends the thread
        }
        assertThat(checkingThreadAlive()).isFalse();
    }

    private static boolean checkingThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("consent-verify-check") && t.isAlive());
    }
}
