package org.comptoir.consent;

import java.nio.file.Path;
import org.comptoir.store.Database;

/**
 * {@code consent verify} run several times in one JVM on a seeded data folder, with the time of each run and the
 * heap still in use after a full collection between runs: what stays from one run to the next (the store's page
 * cache; nothing of the verifier's). {@code LedgerVerifyRuns DIR RUNS}; figures in docs/performance.md.
 */
final class LedgerVerifyRuns {

    private LedgerVerifyRuns() {
    }

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[1]);
        try (Database db = Database.open(Path.of(args[0]))) {
            ConsentService consent = ConsentBenchmark.service(db, SubjectKey.forStore(db));
            for (int run = 1; run <= runs; run++) {
                long started = System.nanoTime();
                VerifyReport r = consent.verify();
                double seconds = (System.nanoTime() - started) / 1e9;
                System.gc(); // a measuring tool: the heap that outlives the run
                Runtime rt = Runtime.getRuntime();
                System.out.printf("verify %d: %.1f s, intact %s, %,d rows; heap in use after a full GC: %.1f MB%n",
                        run, seconds, r.intact(), r.rowsChecked(), (rt.totalMemory() - rt.freeMemory()) / 1e6);
            }
        }
    }
}
