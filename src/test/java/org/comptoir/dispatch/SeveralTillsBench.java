package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.PostgresServer;
import org.comptoir.store.StoreTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent saves per second with 4 tills writing at once, per store mode (docs/performance.md, "Several tills"):
 * embedded = 4 threads of one application (one process may open the file); shop server and PostgreSQL = 4 JVMs.
 * Not a test: runs only with {@code -Dcomptoir.bench=true}; {@code -Dcomptoir.bench.saves=N} saves per till.
 */
@EnabledIfSystemProperty(named = "comptoir.bench", matches = "true")
@ExtendWith(PostgresServer.class)
class SeveralTillsBench {

    private static final int TILLS = 4;
    private static final int SAVES = Integer.getInteger("comptoir.bench.saves", 100);

    @TempDir
    Path dir;

    @Test
    void consentSavesPerSecondWithFourTills(PostgresServer pg) throws Exception {
        SeveralTillsTest tills = new SeveralTillsTest();
        tills.dir = dir;
        try {
            double embedded = embedded(dir.resolve("embedded"));
            double shop = shopServer(tills, dir.resolve("shop"));
            double postgres = postgres(tills, pg, dir.resolve("pg"));
            System.out.printf("BENCH %d tills x %d saves: embedded %.1f/s, shop-server %.1f/s, postgresql %.1f/s%n",
                    TILLS, SAVES, embedded, shop, postgres);
        } finally {
            tills.stopChildren();
        }
    }

    private static double embedded(Path data) throws Exception {
        SeveralTillsTest.seed(data, StoreTarget.embedded());
        try (Database db = Database.open(data)) {
            Settings settings = new Settings(db, AppContext.settingDefinitions());
            ConsentService consent = new ConsentService(db, settings, SubjectKey.forStore(db), Clock.systemUTC());
            long wording = consent.currentWording().id();
            ExecutorService pool = Executors.newFixedThreadPool(TILLS, r -> new Thread(r, "bench-till"));
            try {
                long start = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < TILLS; t++) {
                    String prefix = "+336" + (1111 + t * 1111);
                    done.add(pool.submit(() -> {
                        for (int n = 0; n < SAVES; n++) {
                            consent.recordOptIn(new PhoneNumber(prefix + String.format("%02d", n % 100)), null, wording,
                                    Channel.TILL, "bench");
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(10, TimeUnit.MINUTES);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(consent.verify().intact()).isTrue();
                return TILLS * SAVES / seconds;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static double shopServer(SeveralTillsTest tills, Path base) throws Exception {
        Path serving = base.resolve("serving-pc");
        SeveralTillsTest.seed(serving, StoreTarget.embedded());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process server = tills.start(serving, List.of("serve", "127.0.0.1", String.valueOf(port), "bench", "serve"),
                "127.0.0.1");
        tills.awaitLine(server, "READY");
        List<String> shop = List.of("shop", "127.0.0.1:" + port, "bench");
        double rate = timed(tills, serving, base, shop);
        server.getOutputStream().close();
        server.waitFor(60, TimeUnit.SECONDS);
        return rate;
    }

    private static double postgres(SeveralTillsTest tills, PostgresServer pg, Path base) throws Exception {
        StoreTarget store = SeveralTillsTest.postgres(pg);
        Path first = base.resolve("till-0");
        SeveralTillsTest.seed(first, store);
        return timed(tills, first, base, SeveralTillsTest.pgArgs(store));
    }

    /** Saves per second from GO to the last DONE (the JVMs' start-up is before READY, outside the time). */
    private static double timed(SeveralTillsTest tills, Path keysFrom, Path base, List<String> store) throws Exception {
        List<Process> running = new ArrayList<>();
        for (int t = 0; t < TILLS; t++) {
            Path data = SeveralTillsTest.join(keysFrom, base.resolve("till-" + (t + 1)));
            running.add(tills.till(data, store, "consent", "+336" + (1111 + t * 1111), String.valueOf(SAVES)));
        }
        long[] start = new long[1];
        tills.runTogether(running, () -> start[0] = System.nanoTime());
        return TILLS * SAVES / ((System.nanoTime() - start[0]) / 1e9);
    }
}
