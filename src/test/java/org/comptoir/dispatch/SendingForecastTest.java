package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.comptoir.dispatch.SendingForecast.Forecast;
import org.comptoir.dispatch.SendingForecast.Group;
import org.comptoir.dispatch.SendingForecast.Limit;
import org.comptoir.dispatch.SendingForecast.Pace;
import org.comptoir.dispatch.SendingForecast.Route;
import org.comptoir.i18n.Messages;
import org.comptoir.schedule.MessageClass;
import org.comptoir.schedule.SendingRules;
import org.comptoir.schedule.SendingRulesFactory;
import org.junit.jupiter.api.Test;

/**
 * The forecast shown before "Programmer" and in the sending view, on fixed instants: the engine's windows (its
 * six-minute margin before a close included), Sundays, holidays, a Martinique number, the modem's caps and pace.
 */
class SendingForecastTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Messages FR = Messages.forLanguage("fr");
    private static final Messages EN = Messages.forLanguage("en");
    private static final String MAINLAND = "+33612345678";
    private static final String MARTINIQUE = "+596696123456";
    private final SendingRules rules = SendingRulesFactory.defaults();

    /** The default modem: a pause of 8 to 20 s (14 s on average) and 3 s per part: 17 s a one-part message. */
    private static Pace modem(int perDay, int perMonth, long sentToday) {
        return Pace.modem(8, 20, Duration.ofSeconds(3), perDay, perMonth, PARIS, sentToday, 0);
    }

    private static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    private Forecast forecast(List<Group> groups, int parts, Pace pace, String start) {
        return SendingForecast.of(groups, parts, MessageClass.MARKETING, rules, pace, paris(start));
    }

    @Test
    void saturdayAt1958IsTooCloseToTheEveningLimitAndWaitsForMonday() {
        Forecast f = forecast(List.of(new Group(MAINLAND, 10)), 1, modem(200, 500, 0), "2026-11-28T19:58");
        assertThat(f.firstSend()).contains(paris("2026-11-30T08:00"));
        assertThat(ForecastText.firstSend(f, modem(200, 500, 0), PARIS, FR))
                .isEqualTo("Premier envoi : lundi 30 novembre à 08:00 — hors des heures d'envoi (08:00–20:00)");
        // 10 messages 17 s apart: the last starts at 08:02:33 and takes 3 s
        assertThat(f.end()).contains(paris("2026-11-30T08:02:36"));
        assertThat(f.sendingDays()).isEqualTo(1);
    }

    @Test
    void aCampaignStartedSaturdayEveningStopsBeforeTwentyAndEndsMonday() {
        // from 19:50 the engine may start a message until 19:54 (its validity must end a minute before 20:00 and
        // last five): 15 starts 17 s apart, the other 5 on Monday morning
        Pace pace = modem(200, 500, 0);
        Forecast f = forecast(List.of(new Group(MAINLAND, 20)), 1, pace, "2026-11-28T19:50");
        assertThat(f.firstSend()).contains(paris("2026-11-28T19:50"));
        assertThat(f.hold()).isEmpty();
        assertThat(f.end()).contains(paris("2026-11-30T08:01:11"));
        assertThat(f.sendingDays()).isEqualTo(2);
        assertThat(f.limit()).isEqualTo(Limit.WINDOWS);
        assertThat(ForecastText.firstSend(f, pace, PARIS, FR))
                .isEqualTo("Premier envoi : samedi 28 novembre à 19:50 (envois jusqu'à 20:00)");
        assertThat(ForecastText.duration(f, pace, PARIS, FR))
                .isEqualTo("Durée prévue : ≈ 2 jours ouvrés au rythme du modem (estimé à 3 s par SMS), fin vers lundi 30 novembre à 08:01");
        assertThat(ForecastText.duration(f, pace, PARIS, EN))
                .isEqualTo("Expected duration: ≈ 2 sending days at the modem's pace (estimated at 3 s per SMS), ending around Monday 30 November at 08:01");
    }

    @Test
    void sundayIsForbidden() {
        Pace pace = modem(200, 500, 0);
        Forecast f = forecast(List.of(new Group(MAINLAND, 3)), 1, pace, "2026-11-29T10:00");
        assertThat(ForecastText.firstSend(f, pace, PARIS, FR))
                .isEqualTo("Premier envoi : lundi 30 novembre à 08:00 — dimanche interdit");
        assertThat(ForecastText.firstSend(f, pace, PARIS, EN))
                .isEqualTo("First send: Monday 30 November at 08:00 — no sending on Sundays");
        assertThat(ForecastText.duration(f, pace, PARIS, FR)).isEqualTo("Durée prévue : ≈ moins d'une minute au rythme du modem (estimé à 3 s par SMS)");
    }

    @Test
    void whitMonday2027PushesTheFirstSendToTuesday() {
        Pace pace = modem(200, 500, 0);
        Forecast f = forecast(List.of(new Group(MAINLAND, 3)), 1, pace, "2027-05-17T10:00");
        assertThat(f.firstSend()).contains(paris("2027-05-18T08:00"));
        assertThat(ForecastText.firstSend(f, pace, PARIS, FR))
                .isEqualTo("Premier envoi : mardi 18 mai à 08:00 — Lundi de Pentecôte, jour férié");
        // from the Sunday before, the reason is the Sunday and the first send still Tuesday
        Forecast sunday = forecast(List.of(new Group(MAINLAND, 3)), 1, pace, "2027-05-16T10:00");
        assertThat(sunday.firstSend()).contains(paris("2027-05-18T08:00"));
    }

    @Test
    void aMartiniqueNumberAtNineInParisWaitsForEightInMartinique() {
        Pace pace = modem(200, 500, 0);
        Forecast alone = forecast(List.of(new Group(MARTINIQUE, 2)), 1, pace, "2026-11-30T09:00");
        assertThat(alone.firstSend()).contains(paris("2026-11-30T13:00"));
        assertThat(ForecastText.firstSend(alone, pace, PARIS, FR))
                .isEqualTo("Premier envoi : lundi 30 novembre à 13:00, 08:00 chez le destinataire — hors des heures d'envoi (08:00–20:00)");
        // with mainland customers the first leaves at once; the Martinique ones follow when their morning comes
        Forecast mixed = forecast(List.of(new Group(MARTINIQUE, 2), new Group(MAINLAND, 2)), 1, pace, "2026-11-30T09:00");
        assertThat(mixed.firstSend()).contains(paris("2026-11-30T09:00"));
        assertThat(mixed.firstNumber()).isEqualTo(MAINLAND);
        assertThat(mixed.end()).contains(paris("2026-11-30T13:00:20")); // 13:00 and 13:00:17, 3 s each
    }

    @Test
    void theModemsDailyCapSpreadsFiveHundredOverThreeWorkingDays() {
        Pace pace = modem(200, 10_000, 0);
        Forecast f = forecast(List.of(new Group(MAINLAND, 500)), 1, pace, "2026-11-30T08:00");
        assertThat(f.sendingDays()).isEqualTo(3);
        assertThat(f.limit()).isEqualTo(Limit.DAILY_CAP);
        // the third day: 100 messages from 08:00, 17 s apart
        assertThat(f.end()).contains(paris("2026-12-02T08:28:06"));
        assertThat(ForecastText.duration(f, pace, PARIS, FR)).isEqualTo("Durée prévue : ≈ 3 jours ouvrés au rythme du modem (estimé à 3 s par SMS),"
                + " fin vers mercredi 2 décembre à 08:28 (plafond : 200 SMS par jour)");
        // two-part messages count twice against the cap: 100 a day
        Forecast twoParts = forecast(List.of(new Group(MAINLAND, 500)), 2, pace, "2026-11-30T08:00");
        assertThat(twoParts.sendingDays()).isEqualTo(5);
    }

    @Test
    void aCapAlreadyUsedUpTodayHoldsTheFirstSendToTomorrowWithThatReason() {
        Pace pace = modem(200, 10_000, 200);
        Forecast f = forecast(List.of(new Group(MAINLAND, 5)), 1, pace, "2026-11-30T10:00");
        assertThat(f.firstSend()).contains(paris("2026-12-01T08:00"));
        assertThat(ForecastText.firstSend(f, pace, PARIS, FR))
                .isEqualTo("Premier envoi : mardi 1 décembre à 08:00 — plafond du modem atteint aujourd'hui (200 SMS par jour)");
        assertThat(ForecastText.firstSend(f, pace, PARIS, EN))
                .isEqualTo("First send: Tuesday 1 December at 08:00 — the modem's cap is reached today (200 SMS a day)");
    }

    @Test
    void theMonthlyCapWaitsForNextMonthAndItsFirstWorkingDay() {
        // no pause, 3 s a message: 500 leave on 29 December; 1 January is a holiday, so the rest go on Saturday 2
        Pace pace = Pace.modem(0, 0, Duration.ofSeconds(3), 10_000, 500, PARIS, 0, 0);
        Forecast f = forecast(List.of(new Group(MAINLAND, 600)), 1, pace, "2026-12-29T08:00");
        assertThat(f.limit()).isEqualTo(Limit.MONTHLY_CAP);
        assertThat(f.end()).contains(paris("2027-01-02T08:05:00"));
        assertThat(f.sendingDays()).isEqualTo(2);
    }

    @Test
    void aCampaignBeyondAYearSaysSoInsteadOfADate() {
        Pace pace = modem(200, 500, 0);
        Forecast f = forecast(List.of(new Group(MAINLAND, 10_000)), 1, pace, "2026-11-30T08:00");
        assertThat(f.beyondHorizon()).isTrue();
        assertThat(f.end()).isEmpty();
        assertThat(f.sentWithinHorizon()).isBetween(6_000L, 6_500L); // 500 a month for twelve or thirteen months
        assertThat(ForecastText.duration(f, pace, PARIS, FR)).startsWith("Durée prévue : plus d'un an au rythme du modem (")
                .endsWith("(plafond : 500 destinataires par mois)");
    }

    @Test
    void httpAndRehearsalGoAtTheirRate() {
        Pace http = Pace.rate(Route.HTTP, 1.0, PARIS);
        Forecast f = forecast(List.of(new Group(MAINLAND, 7_200)), 1, http, "2026-11-30T10:00");
        assertThat(f.end()).contains(paris("2026-11-30T12:00"));
        assertThat(ForecastText.duration(f, http, PARIS, FR)).isEqualTo("Durée prévue : ≈ 2 h 00 au rythme du fournisseur SMS");
        Pace rehearsal = Pace.rate(Route.REHEARSAL, 0, PARIS);
        Forecast r = forecast(List.of(new Group(MAINLAND, 100_000)), 1, rehearsal, "2026-11-30T10:00");
        assertThat(r.duration()).isZero();
        assertThat(ForecastText.duration(r, rehearsal, PARIS, EN))
                .isEqualTo("Expected duration: ≈ less than a minute in rehearsal (nothing is sent)");
    }

    @Test
    void noRecipientIsSaidPlainly() {
        Pace pace = modem(200, 500, 0);
        Forecast f = forecast(List.of(), 1, pace, "2026-11-30T10:00");
        assertThat(f.firstSend()).isEmpty();
        assertThat(ForecastText.firstSend(f, pace, PARIS, FR)).isEqualTo("Aucun destinataire : rien ne partira.");
        assertThat(ForecastText.duration(f, pace, PARIS, FR)).isEmpty();
    }
}
