package org.comptoir.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.comptoir.phone.RecipientZone;
import org.comptoir.schedule.WindowDecision.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sending windows against known dates, in the recipient's local time. */
class SendingRulesTest {

    static final String PARIS_MOBILE = "+33612345678";
    static final String MARTINIQUE = "+596696123456";
    static final String REUNION_OR_MAYOTTE = "+262692123456";
    static final String MAYOTTE = "+262639001234";
    static final String NEW_YORK = "+12125551234";
    static final ZoneId PARIS = RecipientZone.PARIS;

    private final SendingRules france = SendingRulesFactory.defaults();
    private final SendingRules alsace = new WindowRules(WindowPreset.FRANCE, true);

    static Instant at(String localDateTime, String zone) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    static Instant paris(String localDateTime) {
        return at(localDateTime, "Europe/Paris");
    }

    @ParameterizedTest(name = "{0} Paris → {1} next {2} ({3})")
    @CsvSource({
        // Saturday 28 November 2026: open until 20:00, then closed until Monday 08:00
        "2026-11-28T19:58, true,  2026-11-28T19:58, OPEN",
        "2026-11-28T19:59:59, true, 2026-11-28T19:59:59, OPEN",
        "2026-11-28T20:00, false, 2026-11-30T08:00, OUTSIDE_HOURS",
        "2026-11-29T10:00, false, 2026-11-30T08:00, SUNDAY",
        "2026-11-30T07:59, false, 2026-11-30T08:00, OUTSIDE_HOURS",
        "2026-11-30T08:00, true,  2026-11-30T08:00, OPEN",
        // Whit Monday 2027 is 17 May: a Saturday-evening campaign resumes on Tuesday
        "2027-05-15T20:00, false, 2027-05-18T08:00, OUTSIDE_HOURS",
        "2027-05-17T10:00, false, 2027-05-18T08:00, HOLIDAY",
        "2026-05-01T10:00, false, 2026-05-02T08:00, HOLIDAY",
        "2026-07-14T10:00, false, 2026-07-15T08:00, HOLIDAY",
        "2026-04-06T10:00, false, 2026-04-07T08:00, HOLIDAY",
        "2026-05-14T10:00, false, 2026-05-15T08:00, HOLIDAY",
        "2026-12-25T10:00, false, 2026-12-26T08:00, HOLIDAY",
        // not holidays in mainland France
        "2026-04-03T10:00, true,  2026-04-03T10:00, OPEN",
        "2026-12-26T10:00, true,  2026-12-26T10:00, OPEN"})
    void mainlandMarketing(String local, boolean allowed, String next, Reason reason) {
        WindowDecision d = france.check(MessageClass.MARKETING, PARIS_MOBILE, paris(local));
        assertThat(d.allowed()).isEqualTo(allowed);
        assertThat(d.nextAllowed()).isEqualTo(paris(next));
        assertThat(d.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2026-01-01T10:00, Jour de l'an",
        "2026-04-06T10:00, Lundi de Pâques",
        "2026-05-01T10:00, Fête du Travail",
        "2026-05-08T10:00, Victoire 1945",
        "2026-05-14T10:00, Ascension",
        "2027-05-17T10:00, Lundi de Pentecôte",
        "2026-07-14T10:00, Fête nationale",
        "2026-08-15T10:00, Assomption",
        "2027-11-01T10:00, Toussaint",
        "2026-11-11T10:00, Armistice 1918",
        "2026-12-25T10:00, Noël"})
    void theElevenMainlandHolidaysAreNamedInFrench(String local, String name) {
        WindowDecision d = france.check(MessageClass.MARKETING, PARIS_MOBILE, paris(local));
        assertThat(d.reason()).isEqualTo(Reason.HOLIDAY);
        assertThat(d.detail()).isEqualTo(name);
    }

    @Test
    void closesAtIsTheEveningLimit() {
        WindowDecision d = france.check(MessageClass.MARKETING, PARIS_MOBILE, paris("2026-11-28T19:58"));
        assertThat(d.closesAt()).isEqualTo(paris("2026-11-28T20:00"));
        WindowDecision held = france.check(MessageClass.MARKETING, PARIS_MOBILE, paris("2026-11-28T20:00"));
        assertThat(held.closesAt()).isEqualTo(paris("2026-11-30T20:00"));
    }

    @ParameterizedTest(name = "Alsace-Moselle {0}: {1}")
    @CsvSource({
        "2026-04-03T10:00, Vendredi saint, 2026-04-04T08:00",
        // 26 December 2026 is a Saturday: then Sunday, so Monday 28
        "2026-12-26T10:00, Saint-Étienne, 2026-12-28T08:00"})
    void alsaceMoselleAddsGoodFridayAndSaintStephenOnlyWithTheOption(String local, String name, String next) {
        WindowDecision without = france.check(MessageClass.MARKETING, PARIS_MOBILE, paris(local));
        assertThat(without.allowed()).isTrue();
        WindowDecision with = alsace.check(MessageClass.MARKETING, PARIS_MOBILE, paris(local));
        assertThat(with.allowed()).isFalse();
        assertThat(with.reason()).isEqualTo(Reason.HOLIDAY);
        assertThat(with.detail()).isEqualTo(name);
        assertThat(with.nextAllowed()).isEqualTo(paris(next));
    }

    @Test
    void christmasInAlsaceSkipsTwoHolidaysAndASunday() {
        WindowDecision d = alsace.check(MessageClass.MARKETING, PARIS_MOBILE, paris("2026-12-24T20:00"));
        assertThat(d.nextAllowed()).isEqualTo(paris("2026-12-28T08:00"));
    }

    @Test
    void alsaceMoselleDoesNotTouchOverseasNumbers() {
        // Good Friday 2026, 10:00 in Martinique
        WindowDecision d = alsace.check(MessageClass.MARKETING, MARTINIQUE, at("2026-04-03T10:00", "America/Martinique"));
        assertThat(d.allowed()).isTrue();
    }

    @Test
    void martiniqueIsJudgedOnItsOwnClock() {
        // 09:00 in Paris on a Monday is 04:00 in Martinique
        WindowDecision d = france.check(MessageClass.MARKETING, MARTINIQUE, paris("2026-11-30T09:00"));
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).isEqualTo(Reason.OUTSIDE_HOURS);
        assertThat(d.nextAllowed()).isEqualTo(at("2026-11-30T08:00", "America/Martinique"));
        assertThat(d.nextAllowed()).isEqualTo(paris("2026-11-30T13:00"));
        assertThat(d.closesAt()).isEqualTo(at("2026-11-30T20:00", "America/Martinique"));
        // and a Paris number at the same instant is open
        assertThat(france.check(MessageClass.MARKETING, PARIS_MOBILE, paris("2026-11-30T09:00")).allowed()).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1} in its own territory only")
    @CsvSource({
        // abolition of slavery, each territory's own day (jollyday has them all)
        "+596696123456, 2026-05-22T10:00, America/Martinique, 2026-05-23T08:00",
        // Guadeloupe's 27 May, then Saint-Martin's 28 May (a +590 number may be either)
        "+590690123456, 2026-05-27T10:00, America/Guadeloupe, 2026-05-29T08:00",
        "+594694123456, 2026-06-10T10:00, America/Cayenne, 2026-06-11T08:00",
        "+262262123456, 2027-12-20T10:00, Indian/Reunion, 2027-12-21T08:00",
        "+262639001234, 2026-04-27T10:00, Indian/Mayotte, 2026-04-28T08:00"})
    void overseasAbolitionDays(String number, String local, String zone, String next) {
        Instant instant = at(local, zone);
        WindowDecision d = france.check(MessageClass.MARKETING, number, instant);
        assertThat(d.reason()).isEqualTo(Reason.HOLIDAY);
        assertThat(d.detail()).isEqualTo("Abolition de l'esclavage");
        assertThat(d.nextAllowed()).isEqualTo(at(next, zone));
        // the same wall-clock moment is an ordinary day in mainland France
        assertThat(france.check(MessageClass.MARKETING, PARIS_MOBILE, at(local, "Europe/Paris")).allowed()).isTrue();
    }

    @Test
    void a590NumberKeepsTheDaysOfSaintMartinAndSaintBarthelemyToo() {
        // +590 is shared by Guadeloupe, Saint-Martin (28 May) and Saint-Barthélemy (9 October): the number
        // cannot tell, so every one of their days holds
        assertThat(france.check(MessageClass.MARKETING, "+590690123456", at("2026-05-28T10:00", "America/Guadeloupe")).reason())
                .isEqualTo(Reason.HOLIDAY);
        assertThat(france.check(MessageClass.MARKETING, "+590690123456", at("2026-10-09T10:00", "America/Guadeloupe")).reason())
                .isEqualTo(Reason.HOLIDAY);
        assertThat(france.check(MessageClass.MARKETING, "+590690123456", at("2026-10-08T10:00", "America/Guadeloupe")).allowed())
                .isTrue();
    }

    @Test
    void reunionMobileIsAllowedOnlyWhenMayotteAllowsToo() {
        // 08:30 in Réunion is 07:30 in Mayotte: closed until 08:00 in Mayotte, 09:00 in Réunion
        WindowDecision morning = france.check(MessageClass.MARKETING, REUNION_OR_MAYOTTE, at("2026-11-30T08:30", "Indian/Reunion"));
        assertThat(morning.allowed()).isFalse();
        assertThat(morning.reason()).isEqualTo(Reason.OUTSIDE_HOURS);
        assertThat(morning.nextAllowed()).isEqualTo(at("2026-11-30T09:00", "Indian/Reunion"));
        // 19:30 in Réunion is 18:30 in Mayotte: open, but only until 20:00 in Réunion
        WindowDecision evening = france.check(MessageClass.MARKETING, REUNION_OR_MAYOTTE, at("2026-11-30T19:30", "Indian/Reunion"));
        assertThat(evening.allowed()).isTrue();
        assertThat(evening.closesAt()).isEqualTo(at("2026-11-30T20:00", "Indian/Reunion"));
        // a Mayotte-only mobile is open at the Réunion morning instant
        assertThat(france.check(MessageClass.MARKETING, MAYOTTE, at("2026-11-30T09:30", "Indian/Reunion")).allowed()).isTrue();
    }

    @Test
    void reunionMobileKeepsTheHolidaysOfBothIslands() {
        // 27 April (Mayotte) and 20 December (Réunion) both hold a +262 692 number
        WindowDecision mayotteDay = france.check(MessageClass.MARKETING, REUNION_OR_MAYOTTE, at("2026-04-27T12:00", "Indian/Reunion"));
        assertThat(mayotteDay.reason()).isEqualTo(Reason.HOLIDAY);
        assertThat(mayotteDay.nextAllowed()).isEqualTo(at("2026-04-28T09:00", "Indian/Reunion"));
        WindowDecision reunionDay = france.check(MessageClass.MARKETING, REUNION_OR_MAYOTTE, at("2027-12-20T12:00", "Indian/Reunion"));
        assertThat(reunionDay.reason()).isEqualTo(Reason.HOLIDAY);
        assertThat(france.check(MessageClass.MARKETING, MAYOTTE, at("2027-12-20T12:00", "Indian/Mayotte")).allowed()).isTrue();
    }

    @ParameterizedTest(name = "DST {0} Paris (UTC {1}) → {2}")
    @CsvSource({
        // Saturday before the March change: closes at 20:00 CET, opens Monday at 08:00 CEST (06:00 UTC)
        "2026-03-28T20:00, 2026-03-28T19:00:00Z, 2026-03-30T06:00:00Z",
        // Saturday before the October change: closes at 20:00 CEST, opens Monday at 08:00 CET (07:00 UTC)
        "2026-10-24T20:00, 2026-10-24T18:00:00Z, 2026-10-26T07:00:00Z"})
    void marketingAcrossTheClockChanges(String local, String utc, String nextUtc) {
        assertThat(paris(local)).isEqualTo(Instant.parse(utc));
        WindowDecision d = france.check(MessageClass.MARKETING, PARIS_MOBILE, Instant.parse(utc));
        assertThat(d.allowed()).isFalse();
        assertThat(d.nextAllowed()).isEqualTo(Instant.parse(nextUtc));
    }

    @ParameterizedTest(name = "service on {0} at {1}: {2}")
    @CsvSource({
        // Sunday 29 March 2026, clocks jump 02:00 → 03:00: 08:00 is 06:00 UTC, so 06:59 UTC is open and 05:59 is not
        "2026-03-29T06:59:00Z, true,  2026-03-29T06:59:00Z",
        "2026-03-29T05:59:00Z, false, 2026-03-29T06:00:00Z",
        // Sunday 25 October 2026, clocks fall 03:00 → 02:00: 08:00 is 07:00 UTC, and 06:30 UTC (07:30 CET) is not open
        "2026-10-25T06:30:00Z, false, 2026-10-25T07:00:00Z",
        "2026-10-25T07:00:00Z, true,  2026-10-25T07:00:00Z"})
    void serviceAcrossTheClockChanges(String utc, boolean allowed, String nextUtc) {
        WindowDecision d = france.check(MessageClass.SERVICE, PARIS_MOBILE, Instant.parse(utc));
        assertThat(d.allowed()).isEqualTo(allowed);
        assertThat(d.nextAllowed()).isEqualTo(Instant.parse(nextUtc));
    }

    @Test
    void aCustomWindowInsideTheSpringGapClosesAtTheJump() {
        // 01:00–02:30 on Sunday 29 March 2026: 02:00–03:00 does not exist, so it closes when the clock jumps
        WindowRules night = SendingRulesFactory.from("custom", "sun", "01:00-02:30", false);
        assertThat(night.check(MessageClass.MARKETING, PARIS_MOBILE, Instant.parse("2026-03-29T00:59:00Z")).closesAt())
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(night.check(MessageClass.MARKETING, PARIS_MOBILE, Instant.parse("2026-03-29T01:00:00Z")).allowed()).isFalse();
    }

    @Test
    void aCustomWindowInsideTheAutumnOverlapNeverReopens() {
        // 01:00–02:30 on Sunday 25 October 2026: closes at the first 02:30 (00:30 UTC); the clock shows 02:00–02:30
        // again an hour later, and that second pass stays closed; next Sunday is 1 November, Toussaint, so the 8th
        WindowRules night = SendingRulesFactory.from("custom", "sun", "01:00-02:30", false);
        WindowDecision open = night.check(MessageClass.MARKETING, PARIS_MOBILE, Instant.parse("2026-10-25T00:00:00Z"));
        assertThat(open.allowed()).isTrue();
        assertThat(open.closesAt()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        WindowDecision secondPass = night.check(MessageClass.MARKETING, PARIS_MOBILE, Instant.parse("2026-10-25T01:15:00Z"));
        assertThat(secondPass.allowed()).isFalse();
        assertThat(secondPass.nextAllowed()).isEqualTo(paris("2026-11-08T01:00"));
    }

    @ParameterizedTest(name = "service {0} Paris → {1}")
    @CsvSource({
        "2026-11-29T10:00, true,  2026-11-29T10:00",   // Sunday
        "2026-07-14T10:00, true,  2026-07-14T10:00",   // Fête nationale
        "2026-11-28T21:30, true,  2026-11-28T21:30",
        "2026-11-28T22:00, false, 2026-11-29T08:00",
        "2026-11-29T07:59, false, 2026-11-29T08:00"})
    void serviceMessagesHaveTheirWiderWindow(String local, boolean allowed, String next) {
        WindowDecision d = france.check(MessageClass.SERVICE, PARIS_MOBILE, paris(local));
        assertThat(d.allowed()).isEqualTo(allowed);
        assertThat(d.nextAllowed()).isEqualTo(paris(next));
    }

    @ParameterizedTest(name = "france-22h {0} → {1}")
    @CsvSource({
        "2026-11-28T21:30, true,  2026-11-28T21:30",
        "2026-11-28T22:00, false, 2026-11-30T08:00",
        "2026-11-29T12:00, false, 2026-11-30T08:00",
        "2026-12-25T12:00, false, 2026-12-26T08:00"})
    void theTenPmEveningLimit(String local, boolean allowed, String next) {
        WindowDecision d = SendingRulesFactory.from("france-22h", "", "", false)
                .check(MessageClass.MARKETING, PARIS_MOBILE, paris(local));
        assertThat(d.allowed()).isEqualTo(allowed);
        assertThat(d.nextAllowed()).isEqualTo(paris(next));
    }

    @ParameterizedTest(name = "us {0} {1} → {2}")
    @CsvSource({
        // Sunday and Thanksgiving are open under the federal rule; 8 a.m. to 9 p.m. on the recipient's clock
        "+12125551234, 2026-11-29T08:00, America/New_York, true,  2026-11-29T08:00",
        "+12125551234, 2026-11-26T20:59, America/New_York, true,  2026-11-26T20:59",
        "+12125551234, 2026-11-26T21:00, America/New_York, false, 2026-11-27T08:00",
        "+12125551234, 2026-11-29T07:59, America/New_York, false, 2026-11-29T08:00",
        "+18085551234, 2026-11-29T07:00, Pacific/Honolulu, false, 2026-11-29T08:00"})
    void theUsPreset(String number, String local, String zone, boolean allowed, String next) {
        WindowDecision d = SendingRulesFactory.from("us", "", "", false)
                .check(MessageClass.MARKETING, number, at(local, zone));
        assertThat(d.allowed()).isEqualTo(allowed);
        assertThat(d.nextAllowed()).isEqualTo(at(next, zone));
    }

    @ParameterizedTest(name = "custom tue-fri 09:00-19:00 {0} → {1} {2}")
    @CsvSource({
        "2026-11-30T10:00, false, 2026-12-01T09:00, CLOSED_DAY",    // Monday
        "2026-11-29T10:00, false, 2026-12-01T09:00, SUNDAY",
        "2026-12-01T08:59, false, 2026-12-01T09:00, OUTSIDE_HOURS",
        "2026-12-01T18:59, true,  2026-12-01T18:59, OPEN",
        "2026-12-04T19:00, false, 2026-12-08T09:00, OUTSIDE_HOURS", // Friday evening → Tuesday
        "2026-07-14T10:00, false, 2026-07-15T09:00, HOLIDAY"})      // holidays stay closed
    void aCustomWindow(String local, boolean allowed, String next, Reason reason) {
        WindowDecision d = SendingRulesFactory.from("custom", "tue-fri", "09:00-19:00", false)
                .check(MessageClass.MARKETING, PARIS_MOBILE, paris(local));
        assertThat(d.allowed()).isEqualTo(allowed);
        assertThat(d.nextAllowed()).isEqualTo(paris(next));
        assertThat(d.reason()).isEqualTo(reason);
    }

    @Test
    void outsideHoursSaysTheHours() {
        WindowDecision d = france.check(MessageClass.MARKETING, PARIS_MOBILE, paris("2026-11-30T07:00"));
        assertThat(d.detail()).isEqualTo("08:00–20:00");
    }

    @Test
    void aForeignNumberGetsItsOwnCountrysHolidays() {
        // 21 July is Belgium's national day, 10:00 in Brussels; an ordinary Tuesday in France
        WindowDecision d = france.check(MessageClass.MARKETING, "+32470123456", at("2026-07-21T10:00", "Europe/Brussels"));
        assertThat(d.reason()).isEqualTo(Reason.HOLIDAY);
        assertThat(france.check(MessageClass.MARKETING, PARIS_MOBILE, paris("2026-07-21T10:00")).allowed()).isTrue();
    }

    @Test
    void notANumberIsRefused() {
        assertThatThrownBy(() -> france.check(MessageClass.MARKETING, "0612345678", paris("2026-11-30T10:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
