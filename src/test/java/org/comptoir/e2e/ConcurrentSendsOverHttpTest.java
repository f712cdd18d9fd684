package org.comptoir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.e2e.Shop.await;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sending engine keeps an HTTP provider's configured concurrency busy: with {@code http.concurrency} 4 the
 * provider sees four requests at once (never more), and every customer gets exactly one message. Before the engine
 * handed sends to workers it called the gateway from its one thread, so the setting changed nothing in a campaign.
 */
@Timeout(180)
class ConcurrentSendsOverHttpTest {

    @TempDir
    Path dir;
    Shop shop;
    FakeTwilio twilio;

    @AfterEach
    void close() throws Exception {
        if (shop != null) {
            shop.close();
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    @Test
    void fourRequestsInFlightAtOnceAndEachCustomerOnce() throws Exception {
        twilio = new FakeTwilio();
        twilio.gatherSends(4);
        shop = new Shop(dir, Shop.nextSaturday(LocalTime.of(10, 0)));
        shop.open();
        twilio.configure(shop);
        shop.settings.set("http.concurrency", "4");
        for (int i = 1; i <= 8; i++) {
            shop.optIn(String.format("+336123450%02d", i));
        }
        long id = shop.campaign("Promo -20 % sur les roses");
        shop.owner.outbox().start(id);
        shop.owner.engine().start();

        await("all eight at Twilio", () -> shop.sentRows() == 8);

        assertThat(twilio.mostInFlight.get()).isEqualTo(4);
        assertThat(twilio.sent.stream().collect(Collectors.groupingBy(m -> m.to, Collectors.counting())))
                .hasSize(8).allSatisfy((to, times) -> assertThat(times).isOne());
        assertThat(twilio.requestsFor("POST", "/Messages.json")).isEqualTo(8);
    }
}
