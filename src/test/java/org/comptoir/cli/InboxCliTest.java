package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.comptoir.AppContext;
import org.comptoir.cli.CliHarness.Result;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.dispatch.InboundStore;
import org.comptoir.gateway.InboundSms;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inbox sync}, {@code inbox list [--json]} and the owner's decisions over a real data folder. */
class InboxCliTest {

    private static final PhoneNumber MARIE = new PhoneNumber("+33612345678");

    @TempDir
    Path dir;

    @BeforeEach
    void repliesStoredByTheModemButNotHandledYet() {
        try (AppContext ctx = AppContext.open(dir)) {
            ctx.settings().set("shop.name", "Léa Fleurs");
            ctx.consent().recordOptIn(MARIE, "Marie", ctx.consent().currentWording().id(), Channel.TILL, "Léa");
            InboundStore store = new InboundStore(ctx.database(), "modem /dev/ttyUSB0", Clock.systemUTC());
            store.onInbound(new InboundSms(MARIE.e164(), "je voudrais stopper ma commande",
                    Instant.parse("2026-11-28T10:00:00Z")));
            store.onInbound(new InboundSms(MARIE.e164(), "À samedi !", Instant.parse("2026-11-28T11:00:00Z")));
        }
    }

    @Test
    void syncHandlesWhatWasStoredAndListShowsWhatWasDone() throws Exception {
        Result sync = CliHarness.run(dir, "inbox", "sync");
        assertThat(sync.code()).as(sync.err()).isEqualTo(Cli.OK);
        assertThat(sync.out()).contains("Aucune passerelle n'est configurée", "2 message(s) traité(s)",
                "peut-être un STOP : à vous de décider", "réponse à lire");

        Result list = CliHarness.run(dir, "inbox", "list", "--json");
        assertThat(list.code()).isEqualTo(Cli.OK);
        JsonNode rows = new ObjectMapper().readTree(list.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("text").asText()).isEqualTo("À samedi !");
        assertThat(rows.get(0).get("handledAs").asText()).isEqualTo("OTHER");
        assertThat(rows.get(1).get("handledAs").asText()).isEqualTo("REVIEW");
        assertThat(rows.get(1).get("waiting").asBoolean()).isTrue();
        assertThat(rows.get(1).get("receivedAt").asText()).isEqualTo("2026-11-28T10:00:00Z");

        // a second sync finds nothing new
        assertThat(CliHarness.run(dir, "inbox", "sync").out()).contains("0 message(s) traité(s)");
    }

    @Test
    void theOwnerMarksAReplyReadAndItNoLongerWaits() throws Exception {
        CliHarness.run(dir, "inbox", "sync");
        long other = new ObjectMapper().readTree(CliHarness.run(dir, "inbox", "list", "--json").out()).get(0)
                .get("id").asLong();
        Result read = CliHarness.run(dir, "inbox", "read", Long.toString(other));
        assertThat(read.out()).contains("lu");
        JsonNode waiting = new ObjectMapper().readTree(CliHarness.run(dir, "inbox", "list", "--waiting", "--json").out());
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("handledAs").asText()).isEqualTo("REVIEW");
        Result again = CliHarness.run(dir, "inbox", "read", Long.toString(other));
        assertThat(again.code()).isNotEqualTo(Cli.OK);
        assertThat(again.err()).contains("déjà été traité");
        try (AppContext ctx = AppContext.open(dir)) {
            assertThat(ctx.consent().lookup(MARIE).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        }
    }
}
