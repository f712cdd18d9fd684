package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.comptoir.dispatch.ModemRoutePolicy;
import org.comptoir.dispatch.SendingEngine;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.junit.jupiter.api.Test;

/** What {@code send-due} prints after its counts when the modem's cap ended the run (dispatch.RouteCapRunTest runs it). */
class SendDueCapTextTest {

    @Test
    void theCapAndWhenSendingResumesAreSaidInTheUsersLanguage() {
        var cap = new ModemRoutePolicy.Decision(false, UserMessage.of("modem.route.cap.day", 200),
                Instant.parse("2026-12-01T23:00:00Z"));
        var s = new SendingEngine.Summary(200, 0, 0, 0, 1, Optional.of(Instant.parse("2026-12-01T09:00:00Z")), false,
                Optional.of(cap));
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(SendDueCommand.afterSummary(s, Messages.forLanguage("fr"), paris))
                .contains("Limite du modem atteinte : 200 SMS aujourd'hui")
                .contains("L'envoi reprend au plus tôt le 2026-12-02 00:00");
        assertThat(SendDueCommand.afterSummary(s, Messages.forLanguage("en"), paris))
                .contains("Modem limit reached: 200 SMS today").contains("Sending resumes at the earliest on 2026-12-02 00:00");
        var done = new SendingEngine.Summary(3, 0, 0, 0, 0, Optional.empty(), false);
        assertThat(SendDueCommand.afterSummary(done, Messages.forLanguage("en"), paris)).isEqualTo("Nothing else to send.");
    }
}
