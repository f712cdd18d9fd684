package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.gateway.InMemoryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One engine over a gateway that takes several sends at once (an HTTP provider's {@code http.concurrency}) runs,
 * ends, and runs again: the second run gets workers of its own. The application does this on every "send-due" and
 * after a pause; an engine that kept the first run's shut-down workers refused its first hand-over after a restart.
 */
class EngineRestartConcurrentTest {

    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, Instant.parse("2026-12-01T09:00:00Z")); // a Tuesday morning in Paris
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aConcurrentEngineRunsAgainAfterItsFirstRunEnded() throws Exception {
        InMemoryGateway provider = new InMemoryGateway("http");
        // an in-memory gateway that says it takes three sends at once, as an HTTP provider with concurrency 3 does
        SendingEngine engine = f.engine(new ModemEngineTest.Delegating(provider) {
            @Override
            public int maxInFlight() {
                return 3;
            }
        });

        long first = f.queued(7, "Promo de mardi");
        SendingEngine.Summary one = f.runUntilIdle(engine);
        assertThat(one.sent()).isEqualTo(7);
        assertThat(f.states(first)).isEqualTo(Map.of("SENT", 7L));

        f.clock.advance(Duration.ofHours(1));
        long second = f.schedule(CampaignKind.MARKETING, "Promo de mardi, suite");
        f.outbox.start(second);
        SendingEngine.Summary two = f.runUntilIdle(engine);
        assertThat(two.sent()).isEqualTo(7);
        assertThat(f.states(second)).isEqualTo(Map.of("SENT", 7L));
        assertThat(provider.sent()).hasSize(14);
    }
}
