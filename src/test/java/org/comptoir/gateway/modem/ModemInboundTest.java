package org.comptoir.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.modem.emulator.Pdus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Received messages and delivery reports through the emulator: read, stored, then deleted — in that order. */
class ModemInboundTest {

    GatewayFixture f;

    @BeforeEach
    void ready() throws Exception {
        f = new GatewayFixture(null);
        f.gateway.connect();
        f.await("catch-up poll", x -> x.emulator().commands().contains("AT+CMGL=4"));
        f.gateway.awaitIdle();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aNewMessageIsReadHandedOverAndOnlyThenDeleted() throws Exception {
        int index = f.emulator().receive(Pdus.deliver("+33698765432", "STOP", 0).get(0));
        f.await("inbound", x -> x.inbound.size() == 1);
        assertThat(f.inbound.get(0).from()).isEqualTo("+33698765432");
        assertThat(f.inbound.get(0).text()).isEqualTo("STOP");
        assertThat(f.inbound.get(0).receivedAt()).hasToString("2026-11-29T20:35:00Z");
        // when the listener ran, the message was still on the SIM and nothing had been deleted
        assertThat(f.atInboundCall).containsExactly("stored=[" + index + "] deleted=[]");
        f.await("deleted", x -> x.emulator().deleted().contains(index));
        assertThat(f.emulator().stored()).isEmpty();
        assertThat(f.emulator().commands()).containsSubsequence("AT+CMGR=" + index, "AT+CMGD=" + index);
    }

    @Test
    void aListenerThatFailsLeavesTheMessageOnTheSimForTheNextPoll() throws Exception {
        f.inboundFailure = new IllegalStateException("disk full");
        int index = f.emulator().receive(Pdus.deliver("+33698765432", "Oui", 0).get(0));
        f.await("listener called", x -> x.atInboundCall.size() == 1);
        f.gateway.awaitIdle();
        assertThat(f.emulator().deleted()).isEmpty();
        assertThat(f.emulator().stored()).containsKey(index);

        f.inboundFailure = null;
        f.gateway.pollNow();
        assertThat(f.inbound).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("Oui"));
        assertThat(f.emulator().deleted()).containsExactly(index);
    }

    @Test
    void aMultipartReplyIsJoinedAndAllItsPartsDeletedAfterwards() throws Exception {
        String text = "Bonjour, je voudrais savoir si la promotion de samedi vaut aussi pour les bouquets de mariage "
                + "et les compositions de deuil, merci de me répondre avant vendredi soir. Cordialement, Mme Martin";
        List<String> parts = Pdus.deliver("+33698765432", text, 77);
        assertThat(parts).hasSizeGreaterThan(1);
        // the second part arrives first: order on the air is not guaranteed
        f.emulator().receive(parts.get(1));
        f.emulator().receive(parts.get(0));
        for (int k = 2; k < parts.size(); k++) {
            f.emulator().receive(parts.get(k));
        }
        f.await("joined", x -> x.inbound.size() == 1);
        assertThat(f.inbound.get(0).text()).isEqualTo(text);
        f.await("all deleted", x -> x.emulator().deleted().size() == parts.size());
        assertThat(f.emulator().stored()).isEmpty();
    }

    @Test
    void thePollCollectsMessagesWhoseNoticeWasMissed() throws Exception {
        int a = f.emulator().storeSilently(Pdus.deliver("+33698765432", "ARRET", 0).get(0));
        int b = f.emulator().storeSilently(
                "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37");
        f.gateway.pollNow();
        assertThat(f.inbound).extracting(m -> m.text()).containsExactly("ARRET", "hellohello");
        assertThat(f.emulator().deleted()).containsExactly(a, b);
    }

    @Test
    void statusReportsAreMatchedToTheSentPartByReferenceAndRecipient() throws Exception {
        SendResult r = f.gateway.send(new OutgoingSms("o-1", "+33612345678", "Promo", true));
        String ref = ((SendResult.Sent) r).partReferences().get(0);
        assertThat(f.emulator().sent().get(0).statusReport()).isTrue();
        // CNMI ds=2 was accepted: the report is stored and announced with +CDSI
        f.emulator().statusReport(Pdus.statusReport(Integer.parseInt(ref), "+33612345678", 0x00));
        f.await("report", x -> x.reports.size() == 1);
        DeliveryReport d = f.reports.get(0);
        assertThat(d.partReference()).isEqualTo(ref);
        assertThat(d.recipient()).isEqualTo("+33612345678");
        assertThat(d.outcome()).isEqualTo(DeliveryReport.Outcome.DELIVERED);
        f.await("report deleted", x -> x.emulator().stored().isEmpty());
    }

    @Test
    void anInlineStatusReportForAnExpiredMessageIsAFailure() throws Exception {
        f.emulator().emit("+CDS: 25\r\n" + Pdus.statusReport(9, "+33612345678", 0x46));
        f.await("report", x -> x.reports.size() == 1);
        assertThat(f.reports.get(0).outcome()).isEqualTo(DeliveryReport.Outcome.FAILED);
        assertThat(f.reports.get(0).partReference()).isEqualTo("9");
    }
}
