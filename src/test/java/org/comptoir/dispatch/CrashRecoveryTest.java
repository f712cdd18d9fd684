package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN invariant 5 with a real crash: a separate JVM sending a campaign is killed with SIGKILL at random moments,
 * several times, then run to the end. No message may be sent twice, none lost, and rows caught SENDING become UNKNOWN.
 * {@code -Dcomptoir.crash.kills=N} runs more kills (the soak in docs/performance.md); the default keeps the build fast.
 */
@Timeout(600)
class CrashRecoveryTest {

    private static final int RECIPIENTS = 60;

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsNothingIsSentTwiceNothingIsLost() throws Exception {
        Path data = dir.resolve("data");
        Path sendLog = dir.resolve("sent.log");
        long campaign;
        try (EngineFixture f = new EngineFixture(data, Instant.now())) {
            for (int i = 0; i < RECIPIENTS; i++) {
                f.optIn(String.format("+336123456%02d", i), null);
            }
            campaign = f.schedule(CampaignKind.MARKETING, "Promo");
            f.outbox.start(campaign);
        }
        int kills = Integer.getInteger("comptoir.crash.kills", 4);
        long seed = Long.getLong("comptoir.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int k = 0; k < kills; k++) {
            long before = lines(sendLog);
            if (before >= RECIPIENTS - 2) {
                break;
            }
            Process child = start(data, sendLog);
            long target = before + 1 + random.nextInt(6);
            awaitLines(sendLog, target, child);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally, the H2 file left as it is
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Process last = start(data, sendLog);
        assertThat(last.waitFor(300, TimeUnit.SECONDS)).as("the final run ends by itself").isTrue();
        // what every run printed (the children write to child.out), so a failed restart says why
        Path childOut = data.resolveSibling("child.out");
        String output = Files.exists(childOut) ? Files.readString(childOut) : "";
        assertThat(last.exitValue()).as("seed " + seed + ": " + output).isZero();

        List<String> sent = Files.readAllLines(sendLog);
        assertThat(sent).as("seed %d: no message sent twice", seed).doesNotHaveDuplicates();
        try (EngineFixture f = new EngineFixture(data, Instant.now())) {
            Map<String, Long> states = f.states(campaign);
            assertThat(states.keySet()).as("seed %d: nothing left queued or in flight", seed).containsOnly("SENT", "UNKNOWN");
            assertThat(states.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(RECIPIENTS);
            Set<String> sentRows = new HashSet<>(f.db.withConnection(c -> Jdbc.query(c,
                    "SELECT 'outbox-' || id FROM outbox WHERE campaign_id = ? AND state = 'SENT'", rs -> rs.getString(1), campaign)));
            List<String> unknownRows = f.db.withConnection(c -> Jdbc.query(c,
                    "SELECT 'outbox-' || id FROM outbox WHERE campaign_id = ? AND state = 'UNKNOWN'", rs -> rs.getString(1), campaign));
            assertThat(sent).as("seed %d: every SENT row really left", seed).containsAll(sentRows);
            // none lost: a message that left is SENT or waits for the owner's decision, never QUEUED to go again
            assertThat(sentRows.size() + unknownRows.size()).isEqualTo(RECIPIENTS);
            assertThat(new HashSet<>(sent)).as("seed %d: what left is accounted for", seed)
                    .isSubsetOf(union(sentRows, unknownRows));
            assertThat(f.reasonsOfUnknown(campaign)).allSatisfy(r -> assertThat(r).isEqualTo("INTERRUPTED"));
        }
    }

    private static Set<String> union(Set<String> a, List<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Process start(Path data, Path sendLog) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                data.toString(), sendLog.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolveSibling("child.out").toFile()))
                .start();
    }

    private static long lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    /** Waits (polling the file, with a deadline) until it has {@code n} lines or the child ended. */
    private static void awaitLines(Path file, long n, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Object monitor = new Object();
        while (lines(file) < n && child.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the child sent nothing for 2 minutes; see " + file.resolveSibling("child.out"));
            }
            synchronized (monitor) {
                monitor.wait(5); // a polling interval with a deadline, not a timing assumption
            }
        }
    }

}
