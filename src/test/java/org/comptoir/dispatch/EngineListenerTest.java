package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.comptoir.consent.ConsentEventView;
import org.comptoir.consent.ConsentKind;
import org.comptoir.gateway.InMemoryGateway;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine's gateway listener writes to the ledger when a route reports its own opt-outs, poll after poll. */
class EngineListenerTest {

    static final String NUMBER = "+33612345699";

    @TempDir
    Path dir;
    EngineFixture f;
    InMemoryGateway gateway;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, EngineFixture.SATURDAY_MORNING);
        gateway = new InMemoryGateway("memory");
        f.engine(gateway); // its listener is the gateway's
    }

    @AfterEach
    void close() {
        f.close();
    }

    java.util.List<ConsentKind> ledger() {
        return f.consent.history(new PhoneNumber(NUMBER)).stream().map(ConsentEventView::kind).toList();
    }

    @Test
    void theSameStopReportedAtEveryPollIsOneOptOut() {
        Instant stop = f.clock.instant();
        gateway.listener().onOptOut(NUMBER, "provider opt-out list", stop);
        f.clock.advance(Duration.ofMinutes(5));
        gateway.listener().onOptOut(NUMBER, "provider opt-out list", stop); // the next poll lists it again
        gateway.listener().onOptOut("0612345699", "provider opt-out list", stop); // in national form this time
        assertThat(ledger()).containsExactly(ConsentKind.OPT_OUT);
    }

    @Test
    void anOldStopStillListedAfterTheCustomerSaidYesAgainChangesNothingButANewOneCounts() {
        Instant stop = f.clock.instant();
        gateway.listener().onOptOut(NUMBER, "provider opt-out list", stop);
        f.clock.advance(Duration.ofDays(3));
        f.optIn(NUMBER, null); // yes again, at the till

        gateway.listener().onOptOut(NUMBER, "provider opt-out list", stop); // the provider's list still shows the old one
        assertThat(ledger()).containsExactly(ConsentKind.OPT_OUT, ConsentKind.OPT_IN);

        f.clock.advance(Duration.ofDays(1));
        gateway.listener().onOptOut(NUMBER, "provider opt-out list", f.clock.instant()); // a new STOP
        assertThat(ledger()).containsExactly(ConsentKind.OPT_OUT, ConsentKind.OPT_IN, ConsentKind.OPT_OUT);
    }
}
