package org.comptoir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.e2e.Shop.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.consent.ContactStatus;
import org.comptoir.consent.Handling;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign through the application's wiring with {@code gateway=http} and {@code http.provider=twilio}, against a
 * Twilio account served on loopback: the engine collects from the provider while it sends (the desktop has no public
 * address, so replies and statuses are polled), a STOP texted to the shop's Twilio number mid-campaign skips that
 * number's queued promotion and is confirmed by Twilio itself (the shop sends none), an "ARRET" Twilio does not
 * intercept gets the shop's own confirmation, and delivery statuses polled are matched to the outbox rows —
 * also for messages sent before the application was restarted.
 */
@Timeout(180)
class CampaignOverHttpTest {

    static final String ANNE = "+33612345001";
    static final String BRUNO = "+33612345002";
    static final String CLAIRE = "+33612345003";
    static final String DENIS = "+33612345004";

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

    void open() throws Exception {
        twilio = new FakeTwilio();
        shop = new Shop(dir, Shop.nextSaturday(LocalTime.of(10, 0)));
        shop.open();
        twilio.configure(shop);
    }

    ConsentStatus status(String e164) {
        return shop.consent.lookup(new PhoneNumber(e164)).map(ContactStatus::status).orElse(null);
    }

    @Test
    void aStopPolledFromTheProviderMidCampaignSkipsThatNumberAndStatusesReachTheRowsAcrossARestart() throws Exception {
        open();
        // one request at a time: holding Anne's send at Twilio then freezes the campaign with the other three still
        // queued, which is the "mid-campaign" this test is about (with four in flight all four would have left before
        // Claire's STOP; ConcurrentSendsOverHttpTest covers sends in flight together)
        shop.settings.set("http.concurrency", "1");
        for (String n : new String[] {ANNE, BRUNO, CLAIRE, DENIS}) {
            shop.optIn(n);
        }
        long id = shop.campaign("Promo -20 % sur les roses");
        shop.owner.outbox().start(id);
        // the engine takes the rows in the outbox's order, the subjects' (a keyed hash of the number, Outbox.start),
        // not the order of the opt-ins: the story's four customers are named in the order they will be sent to
        List<String> order = shop.queueOrder(id);
        String anne = order.get(0), bruno = order.get(1), claire = order.get(2), denis = order.get(3);
        twilio.holdSend(1);
        shop.owner.engine().start();

        assertThat(twilio.awaitHeld()).as("Anne's promotion reached Twilio").isTrue();
        // while Twilio takes its time with Anne's, Claire texts STOP to the shop's number, and a minute passes
        twilio.reply(claire, "STOP", shop.clock.instant());
        shop.clock.advance(Duration.ofMinutes(1));
        twilio.release();

        // Twilio intercepts a STOP on its long code and confirms it itself: the shop sends no second confirmation
        await("three messages at Twilio", () -> twilio.sent.size() == 3 && shop.handledFrom(claire).size() == 1
                && shop.handledFrom(claire).get(0) != null);
        assertThat(twilio.sent).extracting(m -> m.to).containsExactly(anne, bruno, denis);
        assertThat(shop.stateOf(id, claire)).isEqualTo("SKIPPED");
        assertThat(shop.reasonOf(id, claire)).isEqualTo("OPT_OUT");
        assertThat(shop.handledFrom(claire)).containsExactly(Handling.OPT_OUT);
        assertThat(status(claire)).isEqualTo(ConsentStatus.OPTED_OUT);
        await("Claire's reply deleted from Twilio's log once stored", () -> twilio.inboundLeft().isEmpty());
        assertThat(shop.repliesTo(claire)).as("Twilio confirmed her STOP: no confirmation queued").isEmpty();

        // the network's news, read at the next collection
        twilio.status(anne, "delivered");
        twilio.status(bruno, "undelivered");
        shop.advance(Duration.ofMinutes(1));
        await("Anne's delivered, Bruno's failed", () -> "DELIVERED".equals(shop.stateOf(id, anne))
                && "FAILED".equals(shop.stateOf(id, bruno)));
        assertThat(shop.reasonOf(id, bruno)).isEqualTo("NOT_DELIVERED");
        assertThat(shop.stateOf(id, denis)).isEqualTo("SENT");

        // the shop closes the application; Denis's message is delivered meanwhile; the application starts again
        shop.shutDown();
        twilio.status(denis, "delivered");
        shop.clock.advance(Duration.ofHours(2));
        shop.open();
        shop.owner.engine().start();
        await("Denis's delivery read after the restart", () -> "DELIVERED".equals(shop.stateOf(id, denis)));
        assertThat(twilio.sent).as("nothing sent again after the restart").hasSize(3);
    }

    /**
     * "ARRET" is not one of the keywords Twilio answers itself: the shop's own confirmation goes, once, as with the
     * modem.
     */
    @Test
    void aStopWordTwilioDoesNotInterceptGetsTheShopsConfirmation() throws Exception {
        open();
        shop.optIn(CLAIRE);
        twilio.reply(CLAIRE, "Arrêt", shop.clock.instant());
        shop.owner.engine().start();

        await("the confirmation recorded as sent", () ->
                shop.repliesTo(CLAIRE).equals(java.util.List.of(Map.entry("OPTOUT_CONFIRM", "SENT"))));
        assertThat(status(CLAIRE)).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(twilio.sent).singleElement().satisfies(m -> {
            assertThat(m.to).isEqualTo(CLAIRE);
            assertThat(m.body).isEqualTo("Vous ne recevrez plus de SMS de Léa Fleurs.");
        });
    }

    /**
     * OVHcloud keeps its own STOP list (replies "STOP" to its short number): each number on it becomes one OPT_OUT
     * in the shop's ledger — once, even though the list is read again after every start of the application.
     */
    @Test
    void theProvidersStopListIsOneOptOutInTheLedgerAcrossRestarts() throws Exception {
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        // when Claire texted STOP to OVHcloud, on the shop's clock: after her yes at the till (a STOP older than the
        // person's latest decision changes nothing), so it is set once that yes is recorded, never a fixed date that
        // the calendar overtakes
        java.util.concurrent.atomic.AtomicReference<String> stopCreated = new java.util.concurrent.atomic.AtomicReference<>("");
        try (mockwebserver3.MockWebServer ovh = new mockwebserver3.MockWebServer()) {
            ovh.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest r) {
                    String path = r.getUrl().encodedPath();
                    asked.add(r.getMethod() + " " + path);
                    String body = path.endsWith("/auth/time") ? Long.toString(java.time.Instant.now().getEpochSecond())
                            : path.endsWith("/blacklists") ? "[\"" + CLAIRE + "\"]"
                            : path.endsWith("/blacklists/%2B33612345003") ? "{\"number\":\"" + CLAIRE
                                    + "\",\"dateCreation\":\"" + stopCreated.get() + "\"}"
                            : path.endsWith("/incoming") ? "[]" : null;
                    return body == null ? new mockwebserver3.MockResponse.Builder().code(404).body("{\"message\":\"not found\"}").build()
                            : new mockwebserver3.MockResponse.Builder().code(200).body(body)
                                    .addHeader("Content-Type", "application/json").build();
                }
            });
            ovh.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
            shop = new Shop(dir, Shop.nextSaturday(LocalTime.of(10, 0)));
            shop.open();
            shop.settings.set("gateway", "http");
            shop.settings.set("http.provider", "ovh");
            shop.settings.set("http.baseUrl", ovh.url("/1.0").toString());
            shop.settings.set("http.ovh.applicationKey", "ak-test");
            shop.settings.set("http.ovh.applicationSecret", "as-secret-test");
            shop.settings.set("http.ovh.consumerKey", "ck-secret-test");
            shop.settings.set("http.ovh.serviceName", "sms-ab12345-1");
            shop.optIn(CLAIRE);
            java.time.Instant optedIn = shop.clock.instant();
            shop.clock.advance(Duration.ofMinutes(30));
            // OVHcloud writes its dates with the offset of Paris
            stopCreated.set(optedIn.plus(Duration.ofMinutes(20)).atZone(org.comptoir.phone.RecipientZone.PARIS)
                    .toOffsetDateTime().toString());

            for (int start = 0; start < 3; start++) {
                shop.owner.sendDue(Duration.ofMinutes(2));
                shop.shutDown();
                shop.clock.advance(Duration.ofHours(1));
                shop.open();
            }
            assertThat(asked).filteredOn(a -> a.endsWith("/blacklists")).as("read at each start").hasSize(3);
            assertThat(status(CLAIRE)).isEqualTo(ConsentStatus.OPTED_OUT);
            java.util.List<org.comptoir.consent.ConsentEventView> history = shop.consent.history(new PhoneNumber(CLAIRE));
            assertThat(history).extracting(org.comptoir.consent.ConsentEventView::kind)
                    .containsExactly(org.comptoir.consent.ConsentKind.OPT_IN, org.comptoir.consent.ConsentKind.OPT_OUT);
            assertThat(history.get(1).evidence()).contains("ovh")
                    .contains(java.time.OffsetDateTime.parse(stopCreated.get()).toInstant().toString());
            assertThat(shop.consent.verify().intact()).isTrue();
        }
    }
}
