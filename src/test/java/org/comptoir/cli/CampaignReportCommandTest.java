package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.comptoir.AppContext;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.consent.Channel;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code campaign report} and {@code send-due} on a real data folder. */
class CampaignReportCommandTest {

    @TempDir
    Path dir;

    long seed() {
        try (AppContext ctx = AppContext.open(dir)) {
            ctx.settings().set("shop.name", "Léa Fleurs");
            for (String n : new String[] {"+33612345601", "+33612345602"}) {
                ctx.consent().recordOptIn(new PhoneNumber(n), null, ctx.consent().currentWording().id(), Channel.TILL, "t");
            }
            long id = ctx.campaigns().saveDraft(Campaign.draft("Soldes", CampaignKind.MARKETING, "-20 %", "", null)).id();
            ctx.campaigns().schedule(id, ScheduleRequest.asap());
            ctx.sending().outbox().start(id);
            return id;
        }
    }

    /** `campaign report|decide` through the real command line, as a shop's scheduled task runs it. */
    CliHarness.Result report(String... args) {
        return CliHarness.run(dir, args);
    }

    @Test
    void reportCountsByStateInTextAndJson() {
        long id = seed();
        CliHarness.Result text = report("campaign", "report", Long.toString(id));
        assertThat(text.code()).isEqualTo(Cli.OK);
        assertThat(text.out()).contains("Soldes").contains("QUEUED: 2").contains("SENT: 0");
        CliHarness.Result json = report("campaign", "report", Long.toString(id), "--json");
        assertThat(json.out()).contains("\"status\":\"SENDING\"").contains("\"QUEUED\":2").contains("\"total\":2");
    }

    @Test
    void anUnknownMessageIsListedThenDecidedAndTheDecisionAudited() {
        long id = seed();
        long outboxId;
        try (AppContext ctx = AppContext.open(dir)) {
            outboxId = ctx.database().withConnection(c -> org.comptoir.store.Jdbc.queryLong(c,
                    "SELECT MIN(id) FROM outbox WHERE campaign_id = ?", id));
            // a crash right after this message was handed to the gateway
            ctx.database().withConnection(c -> org.comptoir.store.Jdbc.update(c,
                    "UPDATE outbox SET state = 'SENDING' WHERE id = ?", outboxId));
            assertThat(ctx.sending().outbox().recoverInterrupted()).isEqualTo(1);
        }
        assertThat(report("campaign", "report", Long.toString(id)).out()).contains("#" + outboxId).contains("UNKNOWN INTERRUPTED");
        CliHarness.Result decided = report("campaign", "decide", Long.toString(outboxId), "--drop");
        assertThat(decided.code()).isEqualTo(Cli.OK);
        assertThat(report("campaign", "report", Long.toString(id), "--json").out()).contains("\"UNKNOWN\":0").contains("\"reason\":\"DROPPED\"");
        assertThat(report("campaign", "decide", Long.toString(outboxId), "--sent").code()).as("decided once").isEqualTo(Cli.FAILED);
        try (AppContext ctx = AppContext.open(dir)) {
            long decisions = ctx.database().withConnection(c -> org.comptoir.store.Jdbc.queryLong(c,
                    "SELECT COUNT(*) FROM audit WHERE action = 'OUTBOX_DECISION' AND actor = 'cli'"));
            assertThat(decisions).isEqualTo(1);
        }
    }

    @Test
    void anUnknownCampaignIsRefusedInWords() {
        seed();
        CliHarness.Result r = report("campaign", "report", "999");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("999");
    }

    @Test
    void sendDueWithoutAGatewaySaysHowToChooseOne() {
        seed();
        CliHarness.Result r = CliHarness.run(dir, "send-due");
        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("config set gateway");
    }
}
