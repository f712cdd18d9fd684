package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.gateway.InMemoryGateway;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine's sending hours on a real store, an in-memory gateway and a clock that the waits move (virtual time):
 * Saturday evening to Monday, public holidays, the clock changes, and numbers of overseas departments in their own
 * zones. The rest of the engine is {@link SendingEngineTest}.
 */
@Timeout(120)
class SendingEngineHoursTest {

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
}
