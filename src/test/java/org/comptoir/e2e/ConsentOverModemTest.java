package org.comptoir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.comptoir.e2e.Shop.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.comptoir.consent.ConsentKind;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.consent.ContactStatus;
import org.comptoir.consent.Handling;
import org.comptoir.gateway.modem.SocatPair;
import org.comptoir.gateway.modem.emulator.Pdus;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Consent over SMS through the application's own wiring (gateway owner, sending engine, consent router, outbox
 * replies) and a modem emulator on a real pseudo-terminal: the replies people send arrive as SMS-DELIVER PDUs on
 * the SIM, and what the shop sends is what the modem received with AT+CMGS. The modem's pause between sends
 * ({@code modem.gap-*}, ten minutes here) is how the test holds the campaign between two messages: the engine waits
 * for it on the shop's clock, which only the test moves.
 */
@Timeout(240)
class ConsentOverModemTest {

    static final String ANNE = "+33612345001";
    static final String BRUNO = "+33612345002";
    static final String CLAIRE = "+33612345003";
    static final String DENIS = "+33612345004";
    static final Duration GAP = Duration.ofMinutes(10);

    @TempDir
    Path dir;
    ShopOverModem shop;

    @BeforeAll
    static void needsSocat() {
        assumeTrue(SocatPair.available(), "socat is not installed (.ci/run installs it)");
    }

    @AfterEach
    void close() throws Exception {
        if (shop != null) {
            shop.close();
        }
    }

    void open(LocalTime at) throws Exception {
        shop = new ShopOverModem(dir, Shop.nextSaturday(at));
        shop.settings.set("modem.gap-max-seconds", Long.toString(GAP.toSeconds()));
        shop.settings.set("modem.gap-min-seconds", Long.toString(GAP.toSeconds()));
    }

    void receive(String from, String text) {
        shop.emulator.receive(Pdus.deliver(from, text, 0).get(0));
    }

    ConsentStatus status(String e164) {
        return shop.consent.lookup(new PhoneNumber(e164)).map(ContactStatus::status).orElse(null);
    }

    long optOutEvents(String e164) {
        return shop.consent.history(new PhoneNumber(e164)).stream().filter(e -> e.kind() == ConsentKind.OPT_OUT).count();
    }

    @Test
    void aStopMidCampaignSkipsThatNumberAndGetsOneConfirmationNamingTheShopEvenWhenRepeated() throws Exception {
        open(LocalTime.of(19, 0));
        for (String n : new String[] {ANNE, BRUNO, CLAIRE, DENIS}) {
            shop.optIn(n);
        }
        long id = shop.campaign("Promo -20 % sur les roses ce samedi");
        assertThat(shop.owner.outbox().start(id)).isEqualTo(4);
        // the engine takes the rows in the outbox's order, the subjects' (a keyed hash of the number, Outbox.start),
        // not the order of the opt-ins: the story's four customers are named in the order they will be sent to
        List<String> order = shop.queueOrder(id);
        String anne = order.get(0), bruno = order.get(1), claire = order.get(2), denis = order.get(3);
        shop.owner.engine().start();

        await("Anne's promotion", () -> shop.sent().size() == 1 && shop.sentRows() == 1);
        assertThat(shop.sent().get(0).destination()).isEqualTo(anne);
        // the engine now waits out the modem's pause; Claire answers the week's earlier promotion meanwhile
        receive(claire, "Stop merci !");
        await("Claire's STOP routed", () -> shop.handledFrom(claire).equals(java.util.List.of(Handling.OPT_OUT)));
        await("deleted from the SIM once stored", () -> shop.emulator.stored().isEmpty());
        assertThat(status(claire)).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(shop.stateOf(id, claire)).as("still queued: the check is at sending").isEqualTo("QUEUED");

        shop.advance(GAP);
        await("Bruno's promotion", () -> shop.sent().size() == 2 && shop.sentRows() == 2);
        shop.advance(GAP);
        await("Denis's promotion, Claire's passed over", () -> shop.sent().size() == 3 && shop.sentRows() == 3);
        assertThat(shop.stateOf(id, claire)).isEqualTo("SKIPPED");
        assertThat(shop.reasonOf(id, claire)).isEqualTo("OPT_OUT");
        shop.advance(GAP);
        await("the confirmation", () -> shop.sent().size() == 4 && shop.sentRows() == 4);

        assertThat(shop.sent()).extracting(s -> s.destination()).containsExactly(anne, bruno, denis, claire);
        assertThat(shop.textsTo(claire)).as("one SMS to Claire, the confirmation, never the promotion")
                .containsExactly("Vous ne recevrez plus de SMS de Léa Fleurs.");
        assertThat(shop.stateOf(id, denis)).isEqualTo("SENT");

        // the same evening she sends it again, and an ARRÊT: one event is the proof, no second confirmation today
        receive(claire, "STOP!!");
        receive(claire, "ARRÊT");
        await("both routed", () -> shop.handledFrom(claire).size() == 3 && !shop.handledFrom(claire).contains(null));
        assertThat(shop.handledFrom(claire)).containsExactly(Handling.OPT_OUT, Handling.OPT_OUT_AGAIN, Handling.OPT_OUT_AGAIN);
        shop.advance(GAP);
        assertThat(optOutEvents(claire)).isEqualTo(1);
        assertThat(shop.repliesTo(claire)).containsExactly(Map.entry("OPTOUT_CONFIRM", "SENT"));
        assertThat(shop.textsTo(claire)).hasSize(1);
    }

    @Test
    void helpIsAnsweredAndAYesFromSomeoneWhoStoppedDoesNotResubscribe() throws Exception {
        open(LocalTime.of(10, 0));
        shop.optIn(CLAIRE);
        shop.optIn(DENIS);
        shop.owner.engine().start();

        receive(DENIS, "Aide ?");
        receive(CLAIRE, "STOP");
        await("Denis answered, Claire confirmed", () -> shop.sent().size() == 1 && shop.sentRows() == 1);
        shop.advance(GAP);
        await("the second reply", () -> shop.sent().size() == 2 && shop.sentRows() == 2);
        assertThat(shop.textsTo(DENIS)).singleElement().asString()
                .contains("Léa Fleurs").contains("répondez STOP").contains("STOP");
        assertThat(shop.textsTo(CLAIRE)).containsExactly("Vous ne recevrez plus de SMS de Léa Fleurs.");

        // Claire changes her mind by SMS: OUI and START are not a consent by themselves
        shop.advance(GAP);
        receive(CLAIRE, "OUI");
        receive(CLAIRE, "start");
        await("both routed", () -> shop.handledFrom(CLAIRE).size() == 3 && !shop.handledFrom(CLAIRE).contains(null));
        assertThat(shop.handledFrom(CLAIRE)).containsExactly(Handling.OPT_OUT, Handling.YES_IGNORED, Handling.YES_IGNORED);
        assertThat(status(CLAIRE)).isEqualTo(ConsentStatus.OPTED_OUT);

        long id = shop.campaign("Nouvelle collection");
        assertThat(shop.owner.outbox().start(id)).as("Denis only").isEqualTo(1);
        shop.advance(GAP);
        await("the promotion", () -> shop.sent().size() == 3 && shop.sentRows() == 3);
        shop.advance(GAP);
        assertThat(shop.stateOf(id, CLAIRE)).isNull();
        assertThat(shop.stateOf(id, DENIS)).isEqualTo("SENT");
        assertThat(shop.textsTo(CLAIRE)).as("nothing more to Claire").hasSize(1);
    }

    @Test
    void withDoubleOptInOnlyTheAnswerOuiPutsTheCustomerInTheAudience() throws Exception {
        open(LocalTime.of(10, 0));
        shop.settings.set("consent.double-optin", "true");
        PhoneNumber emma = new PhoneNumber("+33612345005");
        ContactStatus captured = shop.consent.recordOptIn(emma, "Emma", shop.consent.currentWording().id(),
                org.comptoir.consent.Channel.TILL, "Léa");
        assertThat(shop.sms.doubleOptIn().afterCapture(emma, captured)).isPresent();
        shop.owner.engine().start();
        await("the confirmation request", () -> shop.sent().size() == 1 && shop.sentRows() == 1);
        assertThat(shop.textsTo(emma.e164())).singleElement().asString()
                .startsWith("Répondez OUI sous").contains("Léa Fleurs").contains("STOP");

        // not confirmed yet: not in the audience, so a campaign to her alone has nobody to send to
        assertThatThrownBy(() -> shop.campaign("Avant la confirmation"))
                .isInstanceOf(org.comptoir.i18n.ComptoirException.class).hasMessageContaining("audience.empty");

        shop.advance(Duration.ofHours(1));
        receive(emma.e164(), "Oui");
        await("her answer routed", () -> shop.handledFrom(emma.e164()).equals(java.util.List.of(Handling.CONFIRMED)));
        assertThat(status(emma.e164())).isEqualTo(ConsentStatus.CONFIRMED);

        long after = shop.campaign("Après la confirmation");
        assertThat(shop.owner.outbox().start(after)).isEqualTo(1);
        shop.advance(GAP);
        await("her first promotion", () -> shop.sent().size() == 2 && shop.sentRows() == 2);
        assertThat(shop.stateOf(after, emma.e164())).isEqualTo("SENT");
        assertThat(shop.textsTo(emma.e164()).get(1)).startsWith("Après la confirmation");
    }
}
