package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.gateway.modem.SocatPair;
import org.comptoir.gateway.modem.emulator.ModemEmulator;
import org.comptoir.gateway.modem.emulator.Pdus;
import org.comptoir.schedule.WindowDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine driving the real ModemGateway over jSerialComm on a socat pseudo-terminal, the project's modem emulator
 * on the other end: a network error on one recipient, a modem pulled out mid-send and plugged back, delivery reports
 * per part across the one-octet reference's wrap.
 */
@Timeout(180)
class ModemEngineTest {

    @TempDir
    Path dir;
    EngineFixture f;
    SocatPair socat;
    ModemEmulator emulator;
    ModemGateway modem;

    @BeforeAll
    static void needsSocat() {
        assumeTrue(SocatPair.available(), "socat is not installed");
    }

    void plug() throws IOException, InterruptedException {
        socat = new SocatPair(dir.resolve("pty")).start();
        ModemEmulator fresh = new ModemEmulator(new FileInputStream(socat.modem.toFile()),
                new FileOutputStream(socat.modem.toFile()));
        if (emulator != null) {
            fresh.takeOver(emulator);
            emulator.close();
        }
        emulator = fresh;
    }

    void open() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("pty"));
        // the modem reckons the validity from its own (real) clock: the engine's clock starts at the real now
        f = new EngineFixture(dir.resolve("data"), Instant.now());
        f.rules = (kind, to, at) -> new WindowDecision(true, at, at.plus(Duration.ofHours(8)), WindowDecision.Reason.OPEN, "");
        plug();
        ModemGateway.Config config = ModemGateway.Config.defaults(null, true)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(4))
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(400));
        modem = ModemGateway.onPort(socat.app.toString(), config);
        modem.connect();
    }

    @AfterEach
    void close() throws Exception {
        if (modem != null) {
            modem.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (socat != null) {
            socat.close();
        }
        if (f != null) {
            f.close();
        }
    }

    long campaign(int recipients, String template) {
        for (int i = 0; i < recipients; i++) {
            f.optIn(String.format("+33612345%03d", i), null);
        }
        long id = f.schedule(CampaignKind.MARKETING, template);
        f.outbox.start(id);
        return id;
    }

    @Test
    void aNetworkErrorOnOneRecipientDoesNotBlockTheOthers() throws Exception {
        open();
        long id = campaign(3, "Promo");
        List<String> order = f.queueOrder(id);
        emulator.failNextSend(38); // the first message: network out of order
        SendingEngine engine = f.engine(modem);

        SendingEngine.Summary first = f.runUntilIdle(engine);
        assertThat(first.sent()).isEqualTo(2);
        assertThat(emulator.sent()).extracting(ModemEmulator.Sent::destination)
                .containsExactly(order.get(1), order.get(2));
        assertThat(f.stateOf(id, order.get(0))).isEqualTo("QUEUED");
        assertThat(f.reasonOf(id, order.get(0))).isEqualTo("CMS 38");

        f.clock.advance(Duration.ofSeconds(31)); // the back-off is over
        assertThat(f.runUntilIdle(engine).sent()).isEqualTo(1);
        assertThat(f.states(id)).containsExactly(java.util.Map.entry("SENT", 3L));
    }

    @Test
    void anUnplugMidSendLeavesThatMessageUnknownAndTheCampaignResumesAfterReplug() throws Exception {
        open();
        long id = campaign(4, "Promo");
        String second = f.queueOrder(id).get(1);
        AtomicInteger sends = new AtomicInteger();
        SmsGateway pulledOnSecond = new Delegating(modem) {
            @Override
            public SendResult send(OutgoingSms sms) {
                if (sends.incrementAndGet() != 2) {
                    return super.send(sms);
                }
                emulator.vanishMidSend = true; // the PDU goes out, then the stick is pulled and stays out
                SendResult r = super.send(sms);
                try {
                    socat.kill();
                    await("DISCONNECTED", () -> modem.state() != GatewayState.READY);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return r;
            }
        };
        f.waiterForNews = Waiter.onClock(java.time.Clock.systemUTC());
        SendingEngine engine = f.engine(pulledOnSecond);
        engine.start();
        try {
            await("the second message is UNKNOWN", () -> "UNKNOWN".equals(f.stateOf(id, second)));
            assertThat(f.states(id)).as("nothing else went while unplugged").containsEntry("SENT", 1L);
            plug();
            await("READY again", () -> modem.state() == GatewayState.READY);
            await("the rest is sent", () -> f.states(id).getOrDefault("SENT", 0L) == 3L);
        } finally {
            engine.stop(Duration.ofSeconds(10));
        }
        assertThat(f.stateOf(id, second)).isEqualTo("UNKNOWN");
        assertThat(f.states(id)).containsEntry("SENT", 3L).containsEntry("UNKNOWN", 1L);
        assertThat(emulator.sent()).extracting(ModemEmulator.Sent::destination)
                .as("the unknown one is never resent").doesNotContain(second);
    }

    @Test
    void aModemThatStallsPausesTheCampaignWithAClearMessageAndItResumesWhenTheModemAnswersAgain() throws Exception {
        open();
        long id = campaign(3, "Promo");
        emulator.silent = true; // answers nothing: no prompt, no OK, no error
        f.waiterForNews = Waiter.onClock(java.time.Clock.systemUTC());
        SendingEngine engine = f.engine(modem);
        engine.start();
        try {
            await("the modem is declared gone", () -> modem.state() != GatewayState.READY);
            // the modem is declared gone inside the send that stalled, before the engine puts that row back in the
            // queue: wait for the release, then nothing may be lost
            await("the stalled send back in the queue", () -> java.util.Map.of("QUEUED", 3L).equals(f.states(id)));
            CampaignProgress paused = new OutboxReport(f.db).progress(id, modem.state(), modem.problem().orElse(null),
                    Instant.now()).orElseThrow();
            assertThat(paused.waitingReason()).isEqualTo("GATEWAY");
            assertThat(paused.gatewayProblem().key()).isIn("modem.error.link.lost", "modem.error.no.answer");
            String port = socat.app.toString();
            assertThat(org.comptoir.i18n.Messages.forLanguage("fr").render(paused.gatewayProblem()))
                    .contains(port).containsAnyOf("ne répond pas", "ne répond plus");
            assertThat(org.comptoir.i18n.Messages.forLanguage("en").render(paused.gatewayProblem()))
                    .contains(port).containsAnyOf("does not answer", "stopped answering");
            assertThat(f.states(id)).as("nothing failed, nothing lost").containsExactly(java.util.Map.entry("QUEUED", 3L));
            assertThat(attempts(id)).as("the modem's silence is not the messages' fault").isZero();

            emulator.silent = false;
            await("READY again", () -> modem.state() == GatewayState.READY);
            await("the campaign resumes by itself", () -> f.states(id).getOrDefault("SENT", 0L) == 3L);
        } finally {
            engine.stop(Duration.ofSeconds(10));
        }
        assertThat(emulator.sent()).hasSize(3);
    }

    long attempts(long id) {
        return f.db.withConnection(c -> org.comptoir.store.Jdbc.queryLong(c,
                "SELECT COALESCE(SUM(attempts), 0) FROM outbox WHERE campaign_id = ?", id));
    }

    @Test
    void deliveryReportsArriveOverThePtyAndAreMatchedPerPartAcrossTheReferenceWrap() throws Exception {
        open();
        // 129 two-part messages: 258 parts, so the one-octet reference wraps and the last message reuses the first's
        long id = campaign(129, "x".repeat(200));
        SendingEngine engine = f.engine(modem);
        f.waiterForNews = Waiter.onClock(java.time.Clock.systemUTC());
        assertThat(f.runUntilIdle(engine).sent()).isEqualTo(129);
        List<ModemEmulator.Sent> parts = emulator.sent();
        assertThat(parts).hasSize(258);
        int firstRef = parts.get(0).mr();
        assertThat(parts.get(256).mr()).as("wrapped").isEqualTo(firstRef);
        String last = parts.get(256).destination();
        String first = parts.get(0).destination();
        assertThat(last).isNotEqualTo(first);

        engine.start();
        try {
            emulator.statusReport(Pdus.statusReport(parts.get(256).mr(), last, 0));
            await("one part of two", () -> partsDelivered(id, last) == 1);
            assertThat(f.stateOf(id, last)).isEqualTo("SENT");
            emulator.statusReport(Pdus.statusReport(parts.get(257).mr(), last, 0));
            await("delivered", () -> "DELIVERED".equals(f.stateOf(id, last)));
            emulator.statusReport(Pdus.statusReport(parts.get(2).mr(), parts.get(2).destination(), 0x41)); // permanent error
            await("failed", () -> "FAILED".equals(f.stateOf(id, parts.get(2).destination())));
            assertThat(f.reasonOf(id, parts.get(2).destination())).isEqualTo("NOT_DELIVERED");
            assertThat(errorOf(id, parts.get(2).destination())).as("the network's status, code and words")
                    .isEqualTo("part 1 (reference " + parts.get(2).mr() + "): TP-ST 0x41 incompatible destination");
        } finally {
            engine.stop(Duration.ofSeconds(10));
        }
        assertThat(f.stateOf(id, first)).as("same references, other recipient: untouched").isEqualTo("SENT");
    }

    String errorOf(long id, String recipient) {
        return f.db.withConnection(c -> org.comptoir.store.Jdbc.queryOne(c, "SELECT error FROM outbox WHERE campaign_id = ?"
                + " AND recipient_e164 = ?", rs -> rs.getString(1), id, recipient)).orElse(null);
    }

    long partsDelivered(long id, String recipient) {
        return f.db.withConnection(c -> org.comptoir.store.Jdbc.queryLong(c, "SELECT COUNT(*) FROM outbox_part p JOIN outbox o"
                + " ON o.id = p.outbox_id WHERE o.campaign_id = ? AND o.recipient_e164 = ? AND p.status = 'DELIVERED'", id, recipient));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Object monitor = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            synchronized (monitor) {
                monitor.wait(25); // a polling interval with a deadline, not protocol timing
            }
        }
    }

    /** Forwards everything to a gateway; tests override a method. */
    static class Delegating implements SmsGateway {
        private final SmsGateway inner;

        Delegating(SmsGateway inner) {
            this.inner = inner;
        }

        @Override
        public SendResult send(OutgoingSms sms) {
            return inner.send(sms);
        }

        @Override
        public GatewayState state() {
            return inner.state();
        }

        @Override
        public void setListener(GatewayListener listener) {
            inner.setListener(listener);
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
