package org.comptoir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.e2e.Shop.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentEventView;
import org.comptoir.consent.ConsentKind;
import org.comptoir.consent.Handling;
import org.comptoir.gateway.modem.SocatPair;
import org.comptoir.gateway.modem.emulator.Pdus;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Saturday campaign pauses at 20:00; on Sunday, with the shop's PC off, a customer texts STOP and the message waits
 * on the SIM; on Monday morning the operating system's scheduler runs {@code comptoir send-due} — the real launcher
 * in its own JVM, its clock put at Monday 08:05 by {@code faketime} — which must read the SIM and honour the STOP
 * before it resumes the campaign.
 */
@Timeout(300)
class WeekendStopSendDueTest {

    static final String ANNE = "+33612345001";
    static final String BRUNO = "+33612345002";
    static final String CLAIRE = "+33612345003";
    static final String DENIS = "+33612345004";

    @TempDir
    Path dir;
    ShopOverModem shop;

    @BeforeAll
    static void needsSocatAndFaketime() {
        assumeTrue(SocatPair.available(), "socat is not installed (.ci/run installs it)");
        assumeTrue(onPath("faketime"), "faketime is not installed (.ci/run installs it)");
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    @AfterEach
    void close() throws Exception {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void aStopWaitingOnTheSimSinceSundayIsHonouredBySendDueBeforeMondaysSendingResumes() throws Exception {
        Instant saturday = Shop.nextSaturday(LocalTime.of(19, 0));
        shop = new ShopOverModem(dir, saturday);
        Duration gap = Duration.ofMinutes(30);
        shop.settings.set("modem.gap-max-seconds", Long.toString(gap.toSeconds()));
        shop.settings.set("modem.gap-min-seconds", Long.toString(gap.toSeconds()));
        for (String n : new String[] {ANNE, BRUNO, CLAIRE, DENIS}) {
            shop.optIn(n);
        }
        long id = shop.campaign("Promo -20 % sur les roses");
        shop.owner.outbox().start(id);
        // the engine takes the rows in the outbox's order, the subjects' (a keyed hash of the number, Outbox.start),
        // not the order of the opt-ins: the story's four customers are named in the order they will be sent to
        List<String> order = shop.queueOrder(id);
        String anne = order.get(0), bruno = order.get(1), claire = order.get(2), denis = order.get(3);
        shop.owner.engine().start();
        await("Anne's promotion at 19:00", () -> shop.sent().size() == 1 && shop.sentRows() == 1);
        shop.advance(gap);
        await("Bruno's at 19:30", () -> shop.sent().size() == 2 && shop.sentRows() == 2);
        shop.advance(gap);
        await("20:00: the rest waits for Monday", () -> shop.reasonOf(id, claire) != null
                && shop.reasonOf(id, denis) != null);
        assertThat(shop.stateOf(id, claire)).isEqualTo("QUEUED");
        assertThat(shop.stateOf(id, denis)).isEqualTo("QUEUED");
        shop.settings.set("modem.gap-min-seconds", "0"); // no pause on Monday: send-due runs to the end at once
        shop.settings.set("modem.gap-max-seconds", "0");
        shop.shutDown();

        // Sunday evening: the STOP reaches the SIM, nobody is listening
        shop.plug();
        int index = shop.emulator.storeSilently(Pdus.deliver(claire, "STOP", 0).get(0));
        assertThat(shop.emulator.stored()).containsKey(index);

        Instant monday = saturday.plus(Duration.ofDays(2)).plus(Duration.ofHours(13)).plus(Duration.ofMinutes(5));
        Result run = sendDueAt(monday);
        assertThat(run.code).as(run.out).isZero();
        assertThat(run.out).contains("Envoyés : 2 · échecs : 0 · non envoyés : 1 · sort inconnu : 0");

        List<String> commands = shop.emulator.commands();
        int firstList = IntStream.range(0, commands.size()).filter(i -> commands.get(i).startsWith("AT+CMGL")).findFirst().orElse(-1);
        int firstSend = IntStream.range(0, commands.size()).filter(i -> commands.get(i).startsWith("AT+CMGS")).findFirst().orElse(-1);
        assertThat(firstList).as("the SIM read").isNotNegative();
        assertThat(firstSend).as("before anything is sent").isGreaterThan(firstList);
        assertThat(shop.emulator.stored()).as("deleted once stored").isEmpty();

        assertThat(shop.sent()).extracting(s -> s.destination()).containsExactly(anne, bruno, claire, denis);
        assertThat(shop.textsTo(claire)).containsExactly("Vous ne recevrez plus de SMS de Léa Fleurs.");
        shop.clock.set(monday);
        shop.open();
        assertThat(shop.stateOf(id, claire)).isEqualTo("SKIPPED");
        assertThat(shop.reasonOf(id, claire)).isEqualTo("OPT_OUT");
        assertThat(shop.stateOf(id, denis)).isEqualTo("SENT");
        assertThat(shop.handledFrom(claire)).containsExactly(Handling.OPT_OUT);
        List<ConsentEventView> history = shop.consent.history(new PhoneNumber(claire));
        assertThat(history).extracting(ConsentEventView::kind).containsExactly(ConsentKind.OPT_IN, ConsentKind.OPT_OUT);
        assertThat(history.get(1).channel()).isEqualTo(Channel.SMS_KEYWORD);
        assertThat(shop.consent.verify().intact()).isTrue();
    }

    record Result(int code, String out) {
    }

    /** {@code comptoir send-due} through the launcher in a JVM whose clock starts at {@code at} (faketime). */
    Result sendDueAt(Instant at) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String start = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(at);
        List<String> command = new ArrayList<>(List.of("faketime", start, java, "-Duser.language=fr", "-cp", classPath,
                "org.comptoir.Launcher", "--data-dir", shop.data.toString(), "send-due", "--max-minutes", "5"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TZ", "UTC");
        pb.environment().put("FAKETIME_DONT_FAKE_MONOTONIC", "1"); // the JVM's timed waits keep real durations
        // and so need no "monotonic fix", which libfaketime turns on by itself with a recent glibc: it makes the JVM's
        // timed waits return early and spin, and the child took 9 s of CPU instead of 1 s to print its version
        pb.environment().put("FAKETIME_FORCE_MONOTONIC_FIX", "0");
        Path log = dir.resolve("send-due.out");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean ended = p.waitFor(240, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("send-due ends by itself: " + out).isTrue();
        return new Result(p.exitValue(), out);
    }
}
