package org.comptoir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.e2e.Shop.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import org.comptoir.cli.Cli;
import org.comptoir.cli.CliHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery failure polled from the provider reaches the campaign report in the provider's words: a campaign through
 * the application's wiring to a Twilio account on loopback, one message refused by the network with Twilio's error
 * 30003, and {@code campaign report ID --json} run through the real command line on the same data folder.
 */
@Timeout(180)
class DeliveryReasonOverHttpTest {

    static final String ANNE = "+33612345001";
    static final String BRUNO = "+33612345002";

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
    void aFailedDeliveryShowsTheProvidersReasonInTheCampaignReport() throws Exception {
        twilio = new FakeTwilio();
        shop = new Shop(dir, Shop.nextSaturday(LocalTime.of(10, 0)));
        shop.open();
        twilio.configure(shop);
        shop.optIn(ANNE);
        shop.optIn(BRUNO);
        long id = shop.campaign("Promo -20 % sur les roses");
        shop.owner.outbox().start(id);
        shop.owner.engine().start();
        await("both at Twilio", () -> shop.sentRows() == 2);

        twilio.status(ANNE, "delivered");
        twilio.status(BRUNO, "undelivered", 30003);
        shop.advance(Duration.ofMinutes(1));
        await("Bruno's failure read", () -> "FAILED".equals(shop.stateOf(id, BRUNO)));
        shop.shutDown();

        CliHarness.Result report = CliHarness.run(shop.data, "campaign", "report", Long.toString(id), "--json");

        assertThat(report.code()).isEqualTo(Cli.OK);
        assertThat(report.out()).contains("\"reason\":\"NOT_DELIVERED\"")
                .contains("twilio undelivered, error 30003: Unreachable destination handset")
                .contains(BRUNO.substring(0, 6));
    }
}
