package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.consent.ConsentFixture.number;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code consent verify}'s memory follows the people it replays, run after run, never a number read from the
 * database: a child JVM with a small heap verifies twice a real store whose head was moved to seq 1,999,999 by SQL.
 * The replay table was sized from the head (capped at 2,000,000 people: about 130 MB), so the first verify of a
 * three-event ledger ran out of memory instead of reporting the doctored head.
 */
class VerifyMemoryTest {

    /** Small enough that a table sized for the doctored head (over 100 MB) cannot fit. */
    private static final String HEAP = "-Xmx48m";

    @TempDir
    Path dir;

    @Test
    void aDoctoredHeadIsReportedTwiceInASmallHeapInsteadOfSizingTheReplay() throws Exception {
        try (ConsentFixture f = new ConsentFixture(dir)) {
            long wording = f.consent.currentWording().id();
            f.consent.recordOptIn(number("+33611111111"), "Anne", wording, Channel.TILL, "Léa");
            f.consent.recordOptIn(number("+33622222222"), "Bruno", wording, Channel.TILL, "Léa");
            f.consent.recordOptOut(number("+33611111111"), Channel.SMS_KEYWORD, null, "STOP");
            f.db.withConnection(c -> Jdbc.update(c, "UPDATE consent_ledger_head SET last_seq = ? WHERE id = 1",
                    1_999_999L));
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolveSibling(dir.getFileName() + "-child.txt");
        Process p = new ProcessBuilder(List.of(java, HEAP, "-cp", classPath, TwoVerifies.class.getName(),
                dir.toString())).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM should end").isTrue();
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(printed).isZero();
        assertThat(printed).doesNotContain("OutOfMemoryError")
                .contains("verify 1: DELETED at 4", "verify 2: DELETED at 4");
    }

    /** The child JVM: opens the store, verifies twice, prints each first problem. */
    static final class TwoVerifies {
        public static void main(String[] args) {
            try (Database db = Database.open(Path.of(args[0]))) {
                ConsentService consent = ConsentBenchmark.service(db, SubjectKey.forStore(db));
                for (int run = 1; run <= 2; run++) {
                    LedgerProblem first = consent.verify().firstProblem().orElseThrow();
                    System.out.println("verify " + run + ": " + first.kind() + " at " + first.seq());
                }
            }
        }
    }
}
