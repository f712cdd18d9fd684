package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.comptoir.gateway.InMemoryGateway;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery belongs to the claimer: with two senders on one real H2 store, a sender's start-up turns into UNKNOWN
 * only the rows of a sender that is gone, never the row another live sender holds in hand.
 */
@Timeout(120)
class SenderLeaseTest {

    @TempDir
    Path dir;
    EngineFixture f;
    final CountDownLatch network = new CountDownLatch(1);
    SendingEngine holder;

    @AfterEach
    void close() {
        network.countDown();
        if (holder != null) {
            holder.stop(Duration.ofSeconds(10));
        }
        f.close();
    }

    /** An engine whose gateway keeps its first message in hand (a slow network) until the test lets it answer. */
    private SendingEngine holding(Path lockDir) throws InterruptedException {
        InMemoryGateway slow = new InMemoryGateway("slow");
        SendingEngine engine = new SendingEngine(new ModemEngineTest.Delegating(slow) {
            @Override
            public SendResult send(OutgoingSms sms) {
                try {
                    network.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.send(sms);
            }
        }, parts(), EngineConfig.defaults(), f.clock, f.waiter, lockDir);
        engine.start();
        ModemEngineTest.await("a row in hand", () -> sending() == 1);
        return engine;
    }

    private SendingEngine.Parts parts() {
        return new SendingEngine.Parts(f.outbox, new Eligibility(f.db, f.settings, f.clock), f.rules, f.limits,
                f.inbound, f.router, f.consent, new SenderNumbers("FR"), org.comptoir.i18n.Messages.forLanguage("en"));
    }

    private long sending() {
        return f.db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM outbox WHERE state = 'SENDING'"));
    }

    private String holderOfSendingRow() {
        return f.db.withConnection(c -> Jdbc.queryOne(c, "SELECT claimed_by FROM outbox WHERE state = 'SENDING'",
                rs -> rs.getString(1)).orElse(null));
    }

    @Test
    void aLiveSendersRowInHandIsLeftAloneAndBecomesUnknownOnlyOnceItsLeaseLapses() throws Exception {
        f = new EngineFixture(dir.resolve("data"), EngineFixture.SATURDAY_MORNING);
        long id = f.queued(5, "Promo");
        // the holder runs on another PC: its lock file is in that PC's data folder, not in this one
        holder = holding(dir.resolve("other-pc").resolve("sending"));
        assertThat(holderOfSendingRow()).isEqualTo(holder.lease().id());

        InMemoryGateway here = new InMemoryGateway("here");
        SendingEngine.Summary first = f.runUntilIdle(f.engine(here));
        assertThat(first.unknown()).isZero();
        assertThat(first.sent()).as("the other rows go out beside it").isEqualTo(4);
        assertThat(f.states(id)).containsEntry("SENDING", 1L).doesNotContainKey("UNKNOWN");

        holder.lease().halt(); // the other PC loses power: no more renewals, its row still SENDING in the store
        f.clock.advance(SenderLease.LEASE.minusSeconds(1));
        assertThat(f.outbox.recoverInterrupted()).as("within its lease it may still be sending").isZero();
        f.runUntilIdle(f.engine(here));
        assertThat(f.states(id)).containsEntry("SENDING", 1L);

        f.clock.advance(Duration.ofSeconds(2)); // the lease lapsed
        f.runUntilIdle(f.engine(here));
        assertThat(f.states(id)).containsExactlyInAnyOrderEntriesOf(Map.of("SENT", 4L, "UNKNOWN", 1L));
        assertThat(f.reasonsOfUnknown(id)).containsExactly("INTERRUPTED");
        assertThat(f.audit("OUTBOX_UNKNOWN")).singleElement().satisfies(d -> assertThat(d).contains(holder.lease().id()));
        assertThat(here.sent()).as("never resent").hasSize(4);
    }

    @Test
    void thisFoldersPreviousRunIsRecoveredAtOnceWithoutWaitingForItsLease() throws Exception {
        f = new EngineFixture(dir.resolve("data"), EngineFixture.SATURDAY_MORNING);
        long id = f.queued(3, "Promo");
        holder = holding(dir.resolve("data").resolve("sending")); // the same data folder, as a restart after a crash
        SendingEngine.Summary whileAlive = f.runUntilIdle(f.engine(new InMemoryGateway("here")));
        assertThat(whileAlive.sent()).isEqualTo(2);
        assertThat(f.states(id)).containsEntry("SENDING", 1L);

        holder.lease().halt(); // killed: the operating system frees its lock file, its lease has not lapsed yet
        f.runUntilIdle(f.engine(new InMemoryGateway("here")));
        assertThat(f.states(id)).containsExactlyInAnyOrderEntriesOf(Map.of("SENT", 2L, "UNKNOWN", 1L));
    }

    @Test
    void anEngineBuiltThroughTheOwnersPublicPathRecoversTooAndARenewingLeaseKeepsItsRecord() throws Exception {
        f = new EngineFixture(dir.resolve("data"), Instant.parse("2026-12-01T09:00:00Z"));
        long id = f.queued(2, "Promo");
        long first = f.db.withConnection(c -> Jdbc.queryLong(c, "SELECT MIN(id) FROM outbox WHERE campaign_id = ?", id));
        f.outbox.claim(first, "modem"); // claimed by a version that recorded no holder, then the PC crashed
        f.settings.set("gateway", "rehearsal");
        try (GatewayOwner owner = new GatewayOwner(f.db, f.settings, f.consent, f.campaigns, () -> f.rules,
                ReviewRouter::new, f.clock)) {
            SendingEngine.Summary s = owner.engine().runUntilIdle().get(60, TimeUnit.SECONDS);
            assertThat(s.sent()).isEqualTo(1);
        }
        assertThat(f.states(id)).containsExactlyInAnyOrderEntriesOf(Map.of("SENT", 1L, "UNKNOWN", 1L));
        long records = f.db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM sending_instance"));
        assertThat(records).as("a run that ended removes its record").isZero();

        SenderLease lease = new SenderLease(f.db, f.clock, "sending-lease-test");
        lease.open(n -> { });
        try {
            f.clock.advance(SenderLease.LEASE.plusMinutes(1));
            lease.renew();
            Instant until = f.db.withConnection(c -> Jdbc.queryOne(c, "SELECT lease_until FROM sending_instance WHERE id = ?",
                    rs -> Jdbc.instant(rs, "lease_until"), lease.id())).orElseThrow();
            assertThat(until).isEqualTo(f.clock.instant().plus(SenderLease.LEASE));
        } finally {
            lease.close();
        }
    }
}
