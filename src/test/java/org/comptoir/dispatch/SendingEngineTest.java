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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine on a real store, an in-memory gateway and a clock that the waits move (virtual time). */
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

    /** Records when each message left, on the fixture's clock. */
    static final class Recording {
        final List<Instant> at = new CopyOnWriteArrayList<>();
        final List<OutgoingSms> sms = new CopyOnWriteArrayList<>();
    }

    Recording record(InMemoryGateway gateway) {
        Recording r = new Recording();
        gateway.beforeSend(sms -> {
            r.at.add(f.clock.instant());
            r.sms.add(sms);
            return null;
        });
        return r;
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
    void startedSaturdayEveningItStopsBeforeEightPmAndResumesMondayAtEight() throws Exception {
        open(Instant.parse("2026-11-28T18:50:00Z")); // Saturday 19:50 in Paris
        for (int i = 0; i < 10; i++) {
            f.optIn(String.format("+3361234560%d", i), null);
        }
        f.limits = EngineFixture.fixedGap(Duration.ofMinutes(1));
        long id = f.schedule(CampaignKind.MARKETING, "Promo");
        f.outbox.start(id);
        InMemoryGateway gateway = new InMemoryGateway("memory");
        Recording r = record(gateway);
        SendingEngine engine = f.engine(gateway);

        SendingEngine.Summary saturday = f.runUntilIdle(engine);
        // 19:50..19:54 leave; from 19:55 less than 5 minutes of validity is left before 19:59
        assertThat(saturday.sent()).isEqualTo(5);
        assertThat(r.at).allSatisfy(t -> assertThat(t).isBefore(Instant.parse("2026-11-28T18:55:00Z")));
        Instant monday8 = Instant.parse("2026-11-30T07:00:00Z");
        assertThat(saturday.nextReady()).contains(monday8);
        Instant waiting = f.db.withConnection(c -> Jdbc.queryOne(c, "SELECT waiting_until FROM campaign WHERE id = ?",
                rs -> Jdbc.instant(rs, "waiting_until"), id)).orElseThrow();
        assertThat(waiting).as("the screen can say until when").isEqualTo(monday8);
        assertThat(f.campaignStatus(id)).isEqualTo("SENDING");

        f.clock.set(Instant.parse("2026-11-29T10:00:00Z")); // Sunday: nothing
        assertThat(f.runUntilIdle(engine).sent()).isZero();

        f.clock.set(monday8);
        SendingEngine.Summary monday = f.runUntilIdle(engine);
        assertThat(monday.sent()).isEqualTo(5);
        assertThat(r.at.subList(5, 10)).allSatisfy(t -> assertThat(t).isBetween(monday8, monday8.plus(Duration.ofMinutes(5))));
        assertThat(r.sms).extracting(OutgoingSms::recipientE164).doesNotHaveDuplicates();
        assertThat(f.campaignStatus(id)).isEqualTo("DONE");
    }

    @Test
    void aHolidayMondayPushesTheCampaignToTuesday() throws Exception {
        open(Instant.parse("2027-05-15T18:58:00Z")); // Saturday 15 May 2027, 20:58 in Paris: closed; Monday 17 is Whit Monday
        f.optIn("+33612345601", null);
        long id = f.schedule(CampaignKind.MARKETING, "Promo");
        f.outbox.start(id);
        SendingEngine.Summary s = f.runUntilIdle(f.engine(new InMemoryGateway("memory")));
        assertThat(s.sent()).isZero();
        assertThat(s.nextReady()).contains(Instant.parse("2027-05-18T06:00:00Z")); // Tuesday 08:00 CEST
        assertThat(f.reasonOf(id, "+33612345601")).isEqualTo("OUTSIDE_HOURS");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // a public holiday at 10:00 in Paris: nothing leaves, the campaign waits for the next open day at 08:00
        "1 May 2027 (a Saturday), 2027-05-01T08:00:00Z, 2027-05-03T06:00:00Z",
        "14 July 2027, 2027-07-14T08:00:00Z, 2027-07-15T06:00:00Z",
        "Easter Monday 2027, 2027-03-29T08:00:00Z, 2027-03-30T06:00:00Z",
        "Ascension 2027, 2027-05-06T08:00:00Z, 2027-05-07T06:00:00Z",
        "Christmas 2026, 2026-12-25T09:00:00Z, 2026-12-26T07:00:00Z",
        // the clock changes: Saturday evening to Monday 08:00 in the NEW offset (never an hour early)
        "March change (Sat 27 March 2027 20:30 CET), 2027-03-27T19:30:00Z, 2027-03-30T06:00:00Z",
        "October change (Sat 30 Oct 2027 20:30 CEST; Monday is All Saints), 2027-10-30T18:30:00Z, 2027-11-02T07:00:00Z",
    })
    void heldOnHolidaysAndAcrossClockChanges(String what, Instant start, Instant resumes) throws Exception {
        open(start);
        f.optIn("+33612345601", null);
        long id = f.schedule(CampaignKind.MARKETING, "Promo");
        f.outbox.start(id);
        InMemoryGateway gateway = new InMemoryGateway("memory");
        SendingEngine engine = f.engine(gateway);
        SendingEngine.Summary held = f.runUntilIdle(engine);
        assertThat(held.sent()).isZero();
        assertThat(held.nextReady()).contains(resumes);
        f.clock.set(resumes.minusSeconds(60));
        assertThat(f.runUntilIdle(engine).sent()).as("not a minute early").isZero();
        f.clock.set(resumes);
        assertThat(f.runUntilIdle(engine).sent()).isEqualTo(1);
    }

    @Test
    void aReunionMayotteMobileGoesOnlyWhenBothZonesAllow() throws Exception {
        open(Instant.parse("2026-12-01T04:30:00Z")); // Tuesday: 08:30 in Réunion, 07:30 in Mayotte
        f.optIn("+262692123456", null);
        long id = f.schedule(CampaignKind.MARKETING, "Promo");
        f.outbox.start(id);
        InMemoryGateway gateway = new InMemoryGateway("memory");
        SendingEngine engine = f.engine(gateway);
        SendingEngine.Summary s = f.runUntilIdle(engine);
        assertThat(s.sent()).isZero();
        assertThat(s.nextReady()).contains(Instant.parse("2026-12-01T05:00:00Z")); // 08:00 in Mayotte
        f.clock.set(Instant.parse("2026-12-01T05:00:00Z"));
        assertThat(f.runUntilIdle(engine).sent()).isEqualTo(1);
        // its validity ends before the earlier close of the two: 20:00 in Réunion = 16:00Z
        assertThat(gateway.sent().get(0).validUntil()).isBeforeOrEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    }

    @Test
    void aMartiniqueNumberIsHeldAtNineInParisWhileParisGoes() throws Exception {
        open(Instant.parse("2026-12-01T08:00:00Z")); // Tuesday 09:00 Paris, 04:00 Martinique
        f.optIn("+33612345601", null);
        f.optIn("+596696123456", null);
        long id = f.schedule(CampaignKind.MARKETING, "Promo");
        f.outbox.start(id);
        InMemoryGateway gateway = new InMemoryGateway("memory");
        SendingEngine.Summary s = f.runUntilIdle(f.engine(gateway));
        assertThat(gateway.sent()).extracting(OutgoingSms::recipientE164).containsExactly("+33612345601");
        assertThat(f.stateOf(id, "+596696123456")).isEqualTo("QUEUED");
        assertThat(s.nextReady()).contains(Instant.parse("2026-12-01T12:00:00Z")); // 08:00 in Martinique
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
