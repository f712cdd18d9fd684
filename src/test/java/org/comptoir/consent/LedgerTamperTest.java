package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.consent.ConsentFixture.number;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.comptoir.i18n.Messages;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits the ledger behind Comptoir's back with raw SQL, as someone with the database file could. */
class LedgerTamperTest {

    @TempDir
    Path dir;

    ConsentFixture f;

    @BeforeEach
    void fiveEvents() {
        f = new ConsentFixture(dir);
        long w = f.consent.currentWording().id();
        f.consent.recordOptIn(number("+33611111111"), "Anne", w, Channel.TILL, "Léa");   // 1
        f.clock.advance(Duration.ofMinutes(1));
        f.consent.recordOptIn(number("+33622222222"), "Bruno", w, Channel.TILL, "Léa");  // 2
        f.clock.advance(Duration.ofMinutes(1));
        f.consent.recordOptOut(number("+33611111111"), Channel.SMS_KEYWORD, null, "STOP"); // 3
        f.clock.advance(Duration.ofMinutes(1));
        f.consent.recordRefusal(number("+33633333333"), w, Channel.TILL, "Paul");         // 4
        f.clock.advance(Duration.ofMinutes(1));
        f.consent.erase(number("+33622222222"), "owner");                                 // 5
        VerifyReport before = f.consent.verify();
        assertThat(before.problems()).isEmpty();
        assertThat(before.rowsChecked()).isEqualTo(5);
    }

    @AfterEach
    void close() {
        f.close();
    }

    void sql(String statement) {
        f.db.withConnection(c -> Jdbc.update(c, statement));
    }

    LedgerProblem problem() {
        VerifyReport r = f.consent.verify();
        assertThat(r.intact()).isFalse();
        return r.firstProblem().orElseThrow();
    }

    @Test
    void anEditedFieldIsNamed() {
        sql("UPDATE consent_event SET kind = 'OPT_IN' WHERE seq = 3");
        assertThat(problem()).extracting(LedgerProblem::seq, LedgerProblem::kind).containsExactly(3L, LedgerProblem.Kind.ALTERED);
    }

    @Test
    void anEditedTimeIsNamedEvenByOneMicrosecond() {
        sql("UPDATE consent_event SET occurred_at = DATEADD(MICROSECOND, 1, occurred_at) WHERE seq = 2");
        assertThat(problem()).extracting(LedgerProblem::seq, LedgerProblem::kind).containsExactly(2L, LedgerProblem.Kind.ALTERED);
    }

    @Test
    void anEditedWordingIsNamedAtItsFirstUse() {
        sql("UPDATE consent_wording SET text = 'J’accepte tout.'");
        assertThat(problem()).extracting(LedgerProblem::seq, LedgerProblem::kind).containsExactly(1L, LedgerProblem.Kind.ALTERED);
    }

    @Test
    void aDeletedMiddleRowIsNamed() {
        sql("DELETE FROM consent_event WHERE seq = 3");
        LedgerProblem p = problem();
        assertThat(p).extracting(LedgerProblem::seq, LedgerProblem::kind).containsExactly(3L, LedgerProblem.Kind.DELETED);
        assertThat(Messages.forLanguage("fr").render(p.message())).isEqualTo(
                "Ligne 3 : elle a été supprimée (la ligne suivante présente est la 4).");
    }

    @Test
    void aDeletedLastRowIsNamed() {
        sql("DELETE FROM consent_event WHERE seq = 5");
        assertThat(problem()).extracting(LedgerProblem::seq, LedgerProblem::kind).containsExactly(5L, LedgerProblem.Kind.DELETED);
    }

    @Test
    void aForgedRowAfterTheLastIsNamedEvenWithAValidHash() {
        // a forger who knows the recipe chains a correct-looking row to the end, but leaves the head alone
        String subject = f.consent.subjectOf(number("+33644444444"));
        java.time.Instant at = java.time.Instant.parse("2026-11-29T12:00:00Z");
        f.db.withConnection(c -> {
            Jdbc.update(c, "INSERT INTO consent_event (seq, subject, kind, channel, staff, occurred_at, prev_hash, hash, "
                    + "hash_version) VALUES (6, ?, 'OPT_IN', 'TILL', 'x', ?, '', '', 2)", subject, at);
            DocumentedRecipe.rehash(c, 6, 6, false);
            return null;
        });
        assertThat(problem()).extracting(LedgerProblem::seq, LedgerProblem::kind).containsExactly(6L, LedgerProblem.Kind.INSERTED);
    }

    @Test
    void aForgedRowWithANaiveHashIsNamed() {
        sql("INSERT INTO consent_event (seq, subject, kind, channel, occurred_at, prev_hash, hash) "
                + "VALUES (9, 'abc', 'OPT_IN', 'TILL', CURRENT_TIMESTAMP, 'x', 'y')");
        assertThat(problem()).extracting(LedgerProblem::seq, LedgerProblem::kind).containsExactly(9L, LedgerProblem.Kind.INSERTED);
    }

    @Test
    void aRowRewrittenWithItsHashRecomputedBreaksTheNextLink() {
        f.db.withConnection(c -> {
            Jdbc.update(c, "UPDATE consent_event SET kind = 'OPT_IN' WHERE seq = 3");
            DocumentedRecipe.rehash(c, 3, 3, false);
            return null;
        });
        LedgerProblem p = problem();
        assertThat(p).extracting(LedgerProblem::seq, LedgerProblem::kind).containsExactly(4L, LedgerProblem.Kind.BROKEN_LINK);
        assertThat(Messages.forLanguage("en").render(p.message())).contains("Row 4").contains("row 3");
    }

    @Test
    void concurrentAppendsFromFourTillsKeepTheChainIntact() throws Exception {
        long w = f.consent.currentWording().id();
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int till = t;
                Callable<Void> work = () -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        var n = number(String.format("+336%02d%06d", till, i));
                        f.consent.recordOptIn(n, "T" + till, w, Channel.TILL, "till" + till);
                        if (i % 5 == 0) {
                            f.consent.recordOptOut(n, Channel.SMS_KEYWORD, null, "STOP");
                        }
                    }
                    return null;
                };
                done.add(pool.submit(work));
            }
            start.countDown();
            for (Future<Void> d : done) {
                d.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        VerifyReport r = f.consent.verify();
        assertThat(r.firstProblem()).isEmpty();
        assertThat(r.rowsChecked()).isEqualTo(5 + 4 * (perThread + 5));
        Long seqs = f.db.withConnection(c -> Jdbc.queryLong(c, "SELECT MAX(seq) - MIN(seq) + 1 FROM consent_event"));
        assertThat(seqs).isEqualTo(r.rowsChecked());
    }

    @Test
    void verifyWhileTillsAppendFindsNothingWrong() throws Exception {
        long w = f.consent.currentWording().id();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            List<Future<Void>> tills = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int till = t;
                tills.add(pool.submit(() -> {
                    // bounded: each verify replays the whole ledger, so an unbounded one makes the loop quadratic
                    for (int i = 0; !stop.get() && i < 250; i++) {
                        f.consent.recordOptIn(number(String.format("+337%02d%06d", till, i)), null, w, Channel.TILL, null);
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 200; i++) {
                VerifyReport r = f.consent.verify(); // a walk that meets appends ending after it read its last row
                assertThat(r.firstProblem()).as("verify #" + i).isEmpty();
            }
            stop.set(true);
            for (Future<Void> t : tills) {
                t.get(60, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertThat(f.consent.verify().intact()).isTrue();
    }
}
