package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import org.comptoir.gateway.InMemoryGateway;
import org.comptoir.settings.ModemSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send-due}'s run against the modem route's caps (real H2 store, the route's own policy and send log): once a
 * cap is reached the run ends with the cap and the instant it lifts, instead of waiting until midnight or the 1st.
 */
@Timeout(120)
class RouteCapRunTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;
    EngineFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    private void modemRoute() {
        ModemSendLog log = new ModemSendLog(f.db);
        f.settings.set(ModemSettings.GAP_MIN_SECONDS, "0");
        f.settings.set(ModemSettings.GAP_MAX_SECONDS, "0");
        f.limits = RouteLimits.modem(new ModemRoutePolicy(f.settings, log, PARIS), log, new Random(1));
    }

    @Test
    void theDailyCapEndsTheRunAndSaysWhenSendingResumes() throws Exception {
        f = new EngineFixture(dir, Instant.parse("2026-12-01T09:00:00Z")); // Tuesday 10:00 Paris
        modemRoute();
        f.settings.set(ModemSettings.MAX_PER_DAY, "2");
        long id = f.queued(4, "Promo");
        InMemoryGateway gateway = new InMemoryGateway("modem");

        SendingEngine.Summary s = f.runUntilIdle(f.engine(gateway));

        assertThat(s.sent()).isEqualTo(2);
        assertThat(gateway.sent()).hasSize(2);
        Instant midnight = Instant.parse("2026-12-01T23:00:00Z"); // Wednesday 00:00 in Paris
        assertThat(s.capReached()).hasValueSatisfying(cap -> {
            assertThat(cap.reason().key()).isEqualTo("modem.route.cap.day");
            assertThat(cap.notBefore()).isEqualTo(midnight);
        });
        assertThat(f.clock.instant()).as("the run did not wait for midnight").isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(f.waiter.deadlines).doesNotContain(midnight);
        assertThat(f.states(id)).containsEntry("SENT", 2L).containsEntry("QUEUED", 2L);

        f.clock.set(Instant.parse("2026-12-02T07:00:00Z")); // Wednesday 08:00: the next scheduled run sends the rest
        SendingEngine.Summary next = f.runUntilIdle(f.engine(gateway));
        assertThat(next.sent()).isEqualTo(2);
        assertThat(next.capReached()).isEmpty();
    }

    @Test
    void theMonthlyCapEndsTheRunUntilTheFirstOfTheNextMonth() throws Exception {
        f = new EngineFixture(dir, Instant.parse("2026-12-01T09:00:00Z"));
        modemRoute();
        f.settings.set(ModemSettings.MAX_RECIPIENTS_PER_MONTH, "3");
        f.queued(5, "Promo");

        SendingEngine.Summary s = f.runUntilIdle(f.engine(new InMemoryGateway("modem")));

        assertThat(s.sent()).isEqualTo(3);
        assertThat(s.capReached()).hasValueSatisfying(cap -> {
            assertThat(cap.reason().key()).isEqualTo("modem.route.cap.month");
            assertThat(cap.notBefore()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z")); // 1 January, Paris
        });
        assertThat(f.clock.instant()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    }
}
