package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.consent.ConsentKind;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayError;
import org.comptoir.gateway.InMemoryGateway;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a real store, an in-memory gateway and a clock that the waits move (virtual time): sending, failures
 * and retries, consent checked at sending time, delivery reports, inbound. The sending hours (evenings, holidays, clock
 * changes, overseas zones) are {@link SendingEngineHoursTest}.
 */
@Timeout(120)
class SendingEngineTest {

    @TempDir
    Path dir;
    EngineFixture f;

    EngineFixture open(Instant start) {
        f = new EngineFixture(dir, start);
        return f;
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void sendsEveryQueuedMessageOnceAndFinishesTheCampaign() throws Exception {
        open(EngineFixture.SATURDAY_MORNING);
        for (int i = 0; i < 5; i++) {
            f.optIn(String.format("+3361234560%d", i), "P" + i);
        }
        long id = f.schedule(CampaignKind.MARKETING, "Bonjour {prenom}");
        f.outbox.start(id);
        InMemoryGateway gateway = new InMemoryGateway("memory");

        SendingEngine.Summary s = f.runUntilIdle(f.engine(gateway));

        assertThat(s.sent()).isEqualTo(5);
        assertThat(gateway.sent()).extracting(OutgoingSms::recipientE164).doesNotHaveDuplicates().hasSize(5);
        assertThat(gateway.sent()).allSatisfy(sms -> {
            assertThat(sms.text()).endsWith("\nSTOP au 36180");
            // Saturday: the window closes at 20:00 Paris; the validity ends a minute before
            assertThat(sms.validUntil()).isEqualTo(Instant.parse("2026-11-28T18:59:00Z"));
        });
        assertThat(f.states(id)).containsExactly(Map.entry("SENT", 5L));
        assertThat(f.campaignStatus(id)).isEqualTo("DONE");
        String refs = f.db.withConnection(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM outbox_part", rs -> rs.getString(1))).orElseThrow();
        assertThat(refs).isEqualTo("5");
    }

    @Test
    void aStopRecordedMidCampaignSkipsThatNumbersQueuedMessage() throws Exception {
        open(EngineFixture.SATURDAY_MORNING);
        long id = f.queued(5, "Promo");
        String last = f.queueOrder(id).get(4); // the rows go in the subjects' order (Outbox.start): the last one's STOP
        InMemoryGateway gateway = new InMemoryGateway("memory");
        AtomicInteger n = new AtomicInteger();
        gateway.beforeSend(sms -> {
            if (n.incrementAndGet() == 2) {
                f.optOut(last); // the STOP arrives while the campaign runs
            }
            return null;
        });
        SendingEngine.Summary s = f.runUntilIdle(f.engine(gateway));
        assertThat(s.sent()).isEqualTo(4);
        assertThat(s.skipped()).isEqualTo(1);
        assertThat(gateway.sent()).extracting(OutgoingSms::recipientE164).doesNotContain(last);
        assertThat(f.stateOf(id, last)).isEqualTo("SKIPPED");
        assertThat(f.reasonOf(id, last)).isEqualTo(ConsentKind.OPT_OUT.name());
    }

    @Test
    void doubleOptInTurnedOnAfterQueueingSkipsTheUnconfirmedFromTheLedger() throws Exception {
        open(EngineFixture.SATURDAY_MORNING);
        f.optIn("+33612345601", null);
        f.optIn("+33612345602", null);
        f.consent.recordConfirmation(new PhoneNumber("+33612345602"), org.comptoir.consent.Channel.SMS_KEYWORD, "OUI");
        long id = f.schedule(CampaignKind.MARKETING, "Promo");
        f.outbox.start(id);
        f.settings.set("consent.double-optin", "true");
        InMemoryGateway gateway = new InMemoryGateway("memory");
        f.runUntilIdle(f.engine(gateway));
        assertThat(gateway.sent()).extracting(OutgoingSms::recipientE164).containsExactly("+33612345602");
        assertThat(f.reasonOf(id, "+33612345601")).isEqualTo("NO_CONSENT_OPT_IN");
    }

    @Test
    void theFrequencyCapIsCheckedAtSendingTime() throws Exception {
        open(EngineFixture.SATURDAY_MORNING);
        f.settings.set("campaign.frequency-cap", "1");
        f.optIn("+33612345601", null);
        long first = f.schedule(CampaignKind.MARKETING, "Un");
        long second = f.schedule(CampaignKind.MARKETING, "Deux");
        f.outbox.start(first);
        f.outbox.start(second); // both queued before either was sent
        InMemoryGateway gateway = new InMemoryGateway("memory");
        f.runUntilIdle(f.engine(gateway));
        assertThat(gateway.sent()).singleElement().satisfies(s -> assertThat(s.text()).startsWith("Un"));
        assertThat(f.reasonOf(second, "+33612345601")).isEqualTo("FREQUENCY_CAP");
    }

    @Test
    void aPermanentFailureIsFailedWithItsReasonAndDoesNotBlockTheOthers() throws Exception {
        open(EngineFixture.SATURDAY_MORNING);
        long id = f.queued(4, "Promo");
        InMemoryGateway gateway = new InMemoryGateway("memory");
        gateway.answer("+33612345601", sms -> new SendResult.Failed(
                new GatewayError("CMS 38", UserMessage.of("gateway.memory.not.ready", "CMS 38")), false));
        SendingEngine.Summary s = f.runUntilIdle(f.engine(gateway));
        assertThat(s.sent()).isEqualTo(3);
        assertThat(f.stateOf(id, "+33612345601")).isEqualTo("FAILED");
        assertThat(f.reasonOf(id, "+33612345601")).isEqualTo("CMS 38");
    }

    @Test
    void aMessageThatBreaksTheEngineIsPutAsideAndTheOthersGo() throws Exception {
        open(EngineFixture.SATURDAY_MORNING);
        long id = f.queued(3, "Promo");
        InMemoryGateway gateway = new InMemoryGateway("a gateway whose name is far longer than the outbox column allows");
        gateway.answer("+33612345601", sms -> {
            throw new IllegalStateException("driver bug");
        });
        SendingEngine.Summary s = f.runUntilIdle(f.engine(gateway));
        assertThat(s.sent()).isEqualTo(2);
        assertThat(f.stateOf(id, "+33612345601")).as("it may have left").isEqualTo("UNKNOWN");
        assertThat(f.reasonOf(id, "+33612345601")).isEqualTo("ERROR");
    }

    @Test
    void aRetryableFailureRetriesWithBackOffThenFails() throws Exception {
        open(EngineFixture.SATURDAY_MORNING);
        f.optIn("+33612345601", null);
        long id = f.schedule(CampaignKind.MARKETING, "Promo");
        f.outbox.start(id);
        InMemoryGateway gateway = new InMemoryGateway("memory");
        List<Instant> tries = new CopyOnWriteArrayList<>();
        gateway.answer("+33612345601", sms -> {
            tries.add(f.clock.instant());
            return new SendResult.Failed(new GatewayError("CMS 42", UserMessage.of("gateway.memory.not.ready", "busy")), true);
        });
        SendingEngine engine = f.engine(gateway);
        for (int i = 0; i < 5; i++) {
            SendingEngine.Summary s = f.runUntilIdle(engine);
            s.nextReady().ifPresent(f.clock::set);
        }
        assertThat(tries).hasSize(5);
        assertThat(Duration.between(tries.get(0), tries.get(1))).isEqualTo(Duration.ofSeconds(30));
        assertThat(Duration.between(tries.get(1), tries.get(2))).isEqualTo(Duration.ofSeconds(60));
        assertThat(f.stateOf(id, "+33612345601")).isEqualTo("FAILED");
        assertThat(f.campaignStatus(id)).isEqualTo("DONE");
    }

    @Test
    void anUnknownFateIsNeverResentByTheEngine() throws Exception {
        open(EngineFixture.SATURDAY_MORNING);
        f.optIn("+33612345601", null);
        f.optIn("+33612345602", null);
        long id = f.schedule(CampaignKind.MARKETING, "Promo");
        f.outbox.start(id);
        InMemoryGateway gateway = new InMemoryGateway("memory");
        AtomicInteger calls = new AtomicInteger();
        gateway.answer("+33612345601", sms -> {
            calls.incrementAndGet();
            return new SendResult.Unknown("link lost after the PDU");
        });
        SendingEngine engine = f.engine(gateway);
        f.runUntilIdle(engine);
        f.clock.advance(Duration.ofHours(1));
        f.runUntilIdle(engine);
        assertThat(calls).hasValue(1);
        assertThat(f.stateOf(id, "+33612345601")).isEqualTo("UNKNOWN");
        assertThat(f.stateOf(id, "+33612345602")).isEqualTo("SENT");
    }

    @Test
    void deliveryReportsAreMatchedPerPartEvenWhenTheReferenceWraps() throws Exception {
        open(EngineFixture.SATURDAY_MORNING);
        for (int i = 0; i < 130; i++) {
            f.optIn(String.format("+336123456%02d", i % 100).replace("+336123456", i < 100 ? "+336123456" : "+336123457"), null);
        }
        // two parts each: 260 references, so 0..3 are used twice
        long id = f.schedule(CampaignKind.MARKETING, "x".repeat(200));
        f.outbox.start(id);
        InMemoryGateway gateway = new InMemoryGateway("memory");
        SendingEngine engine = f.engine(gateway);
        f.runUntilIdle(engine);
        assertThat(gateway.sent()).hasSize(130);
        String first = gateway.sent().get(0).recipientE164();
        String last = gateway.sent().get(129).recipientE164();
        Instant at = f.clock.instant();
        // the last message got references 2 and 3 again (258, 259); the first got 0 and 1
        gateway.listener().onDeliveryReport(new DeliveryReport("2", last, DeliveryReport.Outcome.DELIVERED, at));
        gateway.listener().onDeliveryReport(new DeliveryReport("3", last, DeliveryReport.Outcome.DELIVERED, at));
        gateway.listener().onDeliveryReport(new DeliveryReport("0", first, DeliveryReport.Outcome.DELIVERED, at));
        gateway.listener().onDeliveryReport(new DeliveryReport("1", first, DeliveryReport.Outcome.FAILED, at));
        f.runUntilIdle(engine);
        assertThat(f.stateOf(id, last)).isEqualTo("DELIVERED");
        assertThat(f.stateOf(id, first)).isEqualTo("FAILED");
        assertThat(f.reasonOf(id, first)).isEqualTo("NOT_DELIVERED");
        String second = gateway.sent().get(1).recipientE164(); // references 2 and 3 the first time: untouched
        assertThat(f.stateOf(id, second)).isEqualTo("SENT");
    }

    @Test
    void inboundIsStoredWithAnE164SenderRoutedAndAProvidersOptOutReachesTheLedger() throws Exception {
        open(EngineFixture.SATURDAY_MORNING);
        List<StoredInbound> routed = new CopyOnWriteArrayList<>();
        f.router = m -> {
            routed.add(m);
            return "REVIEW";
        };
        InMemoryGateway gateway = new InMemoryGateway("memory");
        SendingEngine engine = f.engine(gateway);
        gateway.holdInbound(new InboundSms("+0612345678", "STOP", Instant.parse("2026-11-28T08:00:00Z")));
        gateway.holdInbound(new InboundSms("0692123456", "Merci", Instant.parse("2026-11-28T08:01:00Z")));
        engine.collectPending();
        f.runUntilIdle(engine);
        assertThat(routed).extracting(StoredInbound::sender).containsExactly("+33612345678", "+262692123456");
        assertThat(f.inbound.latest(10)).allSatisfy(r -> assertThat(r.handledAs()).isEqualTo("REVIEW"));

        gateway.listener().onOptOut("+33612345699", "provider opt-out list", f.clock.instant());
        assertThat(f.consent.history(new PhoneNumber("+33612345699"))).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ConsentKind.OPT_OUT));
    }

    @Test
    void twoEnginesOnOneCampaignNeverSendARowTwice() throws Exception {
        open(EngineFixture.SATURDAY_MORNING);
        long id = f.queued(60, "Promo");
        InMemoryGateway a = new InMemoryGateway("a");
        InMemoryGateway b = new InMemoryGateway("b");
        var runA = f.engine(a).runUntilIdle();
        var runB = f.engine(b).runUntilIdle();
        int sent = runA.get(60, java.util.concurrent.TimeUnit.SECONDS).sent() + runB.get(60, java.util.concurrent.TimeUnit.SECONDS).sent();
        assertThat(sent).isEqualTo(60);
        List<String> all = new java.util.ArrayList<>();
        a.sent().forEach(s -> all.add(s.recipientE164()));
        b.sent().forEach(s -> all.add(s.recipientE164()));
        assertThat(all).hasSize(60).doesNotHaveDuplicates();
        assertThat(f.states(id)).containsExactly(Map.entry("SENT", 60L));
    }

    @Test
    void aReplyIsSentInTheServiceWindowOnceAndEvenAfterAnOptOut() throws Exception {
        open(Instant.parse("2026-11-28T19:30:00Z")); // Saturday 20:30 Paris: marketing closed, service open
        f.optOut("+33612345601");
        InMemoryGateway gateway = new InMemoryGateway("memory");
        SendingEngine engine = f.engine(gateway);
        OutboxReplies replies = new OutboxReplies(f.db, f.consent, f.clock, engine::wake);
        assertThat(replies.queue("+33612345601", "Vous ne recevrez plus nos SMS.", "OPTOUT_CONFIRM", "k1")).isTrue();
        assertThat(replies.queue("+33612345601", "Vous ne recevrez plus nos SMS.", "OPTOUT_CONFIRM", "k1")).isFalse();
        f.runUntilIdle(engine);
        assertThat(gateway.sent()).singleElement().satisfies(s -> assertThat(s.text()).startsWith("Vous ne"));
    }
}
