package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.comptoir.i18n.Messages;
import org.comptoir.schedule.MessageClass;
import org.comptoir.settings.ModemSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modem's duration forecast rests on the pace its own send log measured once it holds
 * {@link ModemSendLog#PACE_MIN_SENDS} sends of the last 30 days, else on the assumed 3 s per part, and says which.
 */
class MeasuredPaceTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;
    EngineFixture f;
    ModemSendLog log;
    CampaignProgressQuery query;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, TUESDAY);
        f.settings.set(ModemSettings.GATEWAY, "modem");
        f.settings.set(ModemSettings.GAP_MIN_SECONDS, "0");
        f.settings.set(ModemSettings.GAP_MAX_SECONDS, "0");
        log = new ModemSendLog(f.db);
        query = new CampaignProgressQuery(f.db, f.settings, f.campaigns, PARIS);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** {@code n} one-part sends that took {@code took} each, on the days before Tuesday. */
    private void sends(int n, Duration took, Instant around) {
        for (int i = 0; i < n; i++) {
            log.record("+336123456" + String.format("%02d", i), around.minusSeconds(60L * i), 1, List.of("7"), took);
        }
    }

    private String duration(SendingForecast.Pace pace, Messages m) {
        SendingForecast.Forecast forecast = SendingForecast.of(List.of(new SendingForecast.Group("+33612345678", 100)), 1,
                MessageClass.MARKETING, f.rules, pace, TUESDAY);
        return ForecastText.duration(forecast, pace, PARIS, m);
    }

    @Test
    void withTooFewSendsTheAssumedThreeSecondsAreUsedAndSaidSo() {
        sends(ModemSendLog.PACE_MIN_SENDS - 1, Duration.ofSeconds(9), TUESDAY.minus(Duration.ofDays(1)));
        sends(30, Duration.ofSeconds(9), TUESDAY.minus(Duration.ofDays(40))); // older than 30 days: not counted
        // a send whose fate stayed unknown says nothing of the pace
        log.record("+33699999999", TUESDAY.minusSeconds(5), 1, List.of(), Duration.ofSeconds(120));
        SendingForecast.Pace pace = query.pace(TUESDAY);
        assertThat(pace.sendTimePerPart()).isEqualTo(CampaignProgressQuery.MODEM_TIME_PER_PART);
        assertThat(pace.measuredSends()).isZero();
        assertThat(duration(pace, Messages.forLanguage("fr")))
                .isEqualTo("Durée prévue : ≈ 5 min au rythme du modem (estimé à 3 s par SMS)");
    }

    @Test
    void withEnoughRecentSendsTheirMeasuredPaceIsUsedAndSaidSo() {
        sends(ModemSendLog.PACE_MIN_SENDS, Duration.ofMillis(4_500), TUESDAY.minus(Duration.ofDays(2)));
        // a two-part message that took 9 s: 4.5 s per part as well
        log.record("+33612345699", TUESDAY.minus(Duration.ofDays(3)), 2, List.of("8", "9"), Duration.ofSeconds(9));
        SendingForecast.Pace pace = query.pace(TUESDAY);
        assertThat(pace.sendTimePerPart()).isEqualTo(Duration.ofMillis(4_500));
        assertThat(pace.measuredSends()).isEqualTo(21);
        assertThat(duration(pace, Messages.forLanguage("fr")))
                .isEqualTo("Durée prévue : ≈ 7 min au rythme du modem (mesuré : 4,5 s par SMS sur 21 envois)");
        assertThat(duration(pace, Messages.forLanguage("en")))
                .isEqualTo("Expected duration: ≈ 7 min at the modem's pace (measured: 4.5 s per SMS over 21 sends)");
    }

    @Test
    void theEngineLogsHowLongEachModemSendTook() throws Exception {
        f.limits = RouteLimits.modem(new ModemRoutePolicy(f.settings, log, PARIS), log, new java.util.Random(1));
        f.queued(ModemSendLog.PACE_MIN_SENDS, "Promo");
        org.comptoir.gateway.InMemoryGateway gateway = new org.comptoir.gateway.InMemoryGateway("modem");
        gateway.beforeSend(sms -> {
            f.clock.advance(Duration.ofSeconds(6)); // the network takes 6 s to accept each message
            return null;
        });
        f.runUntilIdle(f.engine(gateway));
        assertThat(log.measuredPace(f.clock.instant())).hasValueSatisfying(p -> {
            assertThat(p.perPart()).isEqualTo(Duration.ofSeconds(6));
            assertThat(p.sends()).isEqualTo(ModemSendLog.PACE_MIN_SENDS);
        });
    }

    @Test
    void aTestSmsThroughTheModemTeachesThePaceToo() throws Exception {
        RouteLimits limits = RouteLimits.modem(new ModemRoutePolicy(f.settings, log, PARIS), log, new java.util.Random(1));
        ModemOneOff oneOff = new ModemOneOff(f.settings, limits, f.clock);
        org.comptoir.gateway.InMemoryGateway gateway = new org.comptoir.gateway.InMemoryGateway("modem");
        gateway.beforeSend(sms -> {
            f.clock.advance(Duration.ofSeconds(7)); // this modem takes 7 s to hand a message to the network
            return null;
        });
        for (int i = 0; i < ModemSendLog.PACE_MIN_SENDS; i++) {
            oneOff.send(gateway, tap -> () -> { }, "+336123456" + String.format("%02d", i), "Essai", Duration.ZERO,
                    step -> { });
        }
        assertThat(log.measuredPace(f.clock.instant())).hasValueSatisfying(p -> {
            assertThat(p.perPart()).isEqualTo(Duration.ofSeconds(7));
            assertThat(p.sends()).isEqualTo(ModemSendLog.PACE_MIN_SENDS);
        });
    }
}
