package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/** {@link GatewayOwner#sendDue}'s steps, headless, on the owner's engine. */
final class DueRun {

    private DueRun() {
    }

    /**
     * Collects what waits at the gateway first (a STOP received over the weekend is stored and routed before anything
     * is sent), starts every SCHEDULED campaign whose time has come, then sends until nothing is ready now (all done,
     * waiting for the next allowed hour, or a modem cap reached). Blocks, up to {@code timeout}; throws
     * {@link ComptoirException} when it runs out.
     */
    static SendingEngine.Summary run(SendingEngine e, Outbox outbox, Clock clock, Duration timeout) {
        e.collectPending();
        for (long id : outbox.dueCampaigns(clock.instant())) {
            outbox.start(id);
        }
        try {
            return e.runUntilIdle().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ex.getCause());
        } catch (java.util.concurrent.TimeoutException ex) {
            e.stop(Duration.ofSeconds(30));
            throw new ComptoirException(UserMessage.of("dispatch.error.timeout", timeout.toMinutes()), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            e.stop(Duration.ofSeconds(30));
            throw new ComptoirException(UserMessage.of("dispatch.error.timeout", timeout.toMinutes()), ex);
        }
    }
}
