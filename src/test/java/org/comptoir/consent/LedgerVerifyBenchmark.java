package org.comptoir.consent;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.comptoir.store.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code consent verify} over 1,000,000 ledger events (909,091 contacts, a tenth of them also unsubscribed) in a real
 * encrypted H2 store: chain, head, state replay and the key check of every contact. The fork gets a 128 MB heap, so
 * finishing at all shows memory does not grow with the ledger; the peak heap is printed after each run.
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench='LedgerVerifyBenchmark'}; figures in docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = "-Xmx128m")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class LedgerVerifyBenchmark {

    /**
     * Seeded contacts: 909,091 (+ one OPT_OUT for every tenth) = 1,000,001 events. {@code -p contacts=100000} reuses
     * ConsentBenchmark's template (110,000 events) when seeding a million rows takes too long on a loaded machine.
     */
    @Param("909091")
    int contacts;

    Path dir;
    Database db;
    ConsentService consent;

    @Setup(Level.Trial)
    public void open() throws IOException, java.sql.SQLException {
        Path template = contacts == ConsentBenchmark.CONTACTS ? ConsentBenchmark.TEMPLATE
                : Path.of("target", "ledger-verify-" + contacts);
        if (!Files.exists(template.resolve("comptoir.mv.db"))) {
            Path fresh = Files.createTempDirectory("verify-seed").resolve("data");
            long started = System.nanoTime();
            LedgerSeed.makeFolder(fresh, contacts);
            System.out.printf("seeded %,d contacts in %.1f s%n", contacts, (System.nanoTime() - started) / 1e9);
            ConsentBenchmark.copy(fresh, template);
        }
        dir = Files.createTempDirectory("verify-bench");
        ConsentBenchmark.copy(template, dir);
        db = Database.open(dir);
        consent = ConsentBenchmark.service(db, SubjectKey.forStore(db));
    }

    @Benchmark
    public VerifyReport verify() {
        VerifyReport r = consent.verify();
        if (!r.intact() || r.rowsChecked() < contacts) {
            throw new IllegalStateException("the seeded ledger should verify: " + r);
        }
        return r;
    }

    @TearDown(Level.Iteration)
    public void peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                pool.resetPeakUsage();
            }
        }
        System.out.printf("%npeak heap during the iteration: %.1f MB (max %d MB)%n", peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1_000_000);
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }
}
