package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.gateway.modem.emulator.EmulatedModem;
import org.comptoir.gateway.modem.emulator.Pdus;
import org.comptoir.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Received messages land in the H2 store before the modem deletes them from the SIM. */
class InboundStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesOnceEvenWhenReadTwice() {
        try (Database db = Database.open(dir)) {
            InboundStore store = new InboundStore(db, "modem test", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
            InboundSms sms = new InboundSms("+33698765432", "STOP", Instant.parse("2026-11-29T20:35:00Z"));
            store.onInbound(sms);
            store.onInbound(sms);
            assertThat(store.latest(10)).singleElement().satisfies(r -> {
                assertThat(r.sender()).isEqualTo("+33698765432");
                assertThat(r.text()).isEqualTo("STOP");
                assertThat(r.handledAs()).isNull();
            });
        }
    }

    @Test
    void aMessageFromTheModemIsInTheDatabaseWhenTheSimCopyIsDeleted() throws Exception {
        try (Database db = Database.open(dir); EmulatedModem modem = new EmulatedModem()) {
            InboundStore store = new InboundStore(db, "modem test", Clock.systemUTC());
            ModemGateway gateway = new ModemGateway("emulator", modem::link,
                    ModemGateway.Config.defaults(null, true));
            gateway.setListener(store);
            gateway.connect();
            gateway.pollNow();
            int index = modem.emulator().storeSilently(Pdus.deliver("+33698765432", "STOP", 0).get(0));
            gateway.pollNow();
            // pollNow returns after the delete: by then the row is committed
            assertThat(modem.emulator().deleted()).contains(index);
            assertThat(store.latest(10)).singleElement().satisfies(r -> {
                assertThat(r.text()).isEqualTo("STOP");
                assertThat(r.sender()).isEqualTo("+33698765432");
            });
            gateway.close();
        }
    }
}
