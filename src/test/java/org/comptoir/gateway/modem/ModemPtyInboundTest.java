package org.comptoir.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.modem.emulator.Pdus;
import org.junit.jupiter.api.Test;

/**
 * Inbound messages against the emulator on a real pseudo-terminal (issue 9, items 1–3): SMS waiting on the
 * SIM at start-up and arriving in the middle of a send never deadlock the gateway; a listener that does not
 * store never gets messages read or deleted; nothing is read before the session is initialised.
 */
class ModemPtyInboundTest extends PtyTest {

    static String sender(int i) {
        return "+336987654" + String.format("%02d", i);
    }

    @Test
    void manyMessagesOnTheSimAtStartAndArrivingMidSendNeverDeadlockTheSends() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            int stored = 25;
            for (int i = 0; i < stored; i++) {
                m.emulator.storeSilently(Pdus.deliver(sender(i), "STOP " + i, 0).get(0));
            }
            ModemGateway gateway = m.gateway(PtyModem.config(Duration.ofSeconds(10)));
            List<String> expected = new ArrayList<>(IntStream.range(0, stored).mapToObj(i -> "STOP " + i).toList());
            assertTimeoutPreemptively(PtyModem.BOUND, () -> {
                gateway.connect(); // the catch-up listing of the 25 stored messages starts now, on its own thread
                for (int k = 0; k < 6; k++) {
                    List<String> arriving = new ArrayList<>();
                    for (int j = 0; j < 3; j++) {
                        String text = "ARRET " + k + "." + j;
                        arriving.add(Pdus.deliver(sender(30 + 3 * k + j), text, 0).get(0));
                        expected.add(text);
                    }
                    m.emulator.arriveDuringNextSend(arriving);
                    SendResult r = gateway.send(new OutgoingSms("d-" + k, "+33612345678", "Promo " + k, false));
                    assertThat(r).as("send %d", k).isInstanceOf(SendResult.Sent.class);
                }
                PtyModem.await("every message stored", () -> m.inbound.size() == expected.size());
                PtyModem.await("the SIM emptied", () -> m.emulator.stored().isEmpty());
            });
            assertThat(m.inbound).extracting(InboundSms::text).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(m.emulator.sent()).extracting(s -> s.text())
                    .containsExactly("Promo 0", "Promo 1", "Promo 2", "Promo 3", "Promo 4", "Promo 5");
        }
    }

    @Test
    void aListenerThatDoesNotStoreNeverGetsMessagesReadOrDeleted() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            m.stores = false;
            int a = m.emulator.storeSilently(Pdus.deliver("+33698765432", "STOP", 0).get(0));
            ModemGateway gateway = m.gateway(PtyModem.config(Duration.ofSeconds(10)));
            assertTimeoutPreemptively(PtyModem.BOUND, () -> {
                gateway.connect();
                int b = m.emulator.receive(Pdus.deliver("+33698765433", "STOP SVP", 0).get(0));
                m.emulator.arriveDuringNextSend(List.of(Pdus.deliver("+33698765434", "ARRET", 0).get(0)));
                assertThat(gateway.send(new OutgoingSms("n-1", "+33612345678", "Test", false)))
                        .isInstanceOf(SendResult.Sent.class);
                gateway.collectPending();
                gateway.awaitIdle();
                assertThat(m.emulator.stored()).containsKeys(a, b).hasSize(3);
            });
            assertThat(m.inbound).isEmpty();
            assertThat(m.emulator.commands()).noneMatch(c -> c.matches("AT\\+CMG[RLD]=.*"));
            assertThat(m.emulator.deleted()).isEmpty();
        }
    }

    @Test
    void aMessageAnnouncedDuringInitialisationIsReadOnlyOnceTheSessionIsReady() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            m.emulator.arrivingAfterFirstAt = Pdus.deliver("+33698765432", "STOP", 0).get(0);
            ModemGateway gateway = m.gateway(PtyModem.config(Duration.ofSeconds(10)));
            assertTimeoutPreemptively(PtyModem.BOUND, () -> {
                gateway.connect();
                PtyModem.await("the early message stored", () -> m.inbound.size() == 1);
                PtyModem.await("and deleted", () -> m.emulator.stored().isEmpty());
            });
            List<String> commands = m.emulator.commands();
            int firstRead = IntStream.range(0, commands.size())
                    .filter(i -> commands.get(i).matches("AT\\+CMG[RLD]=.*")).findFirst().orElseThrow();
            assertThat(commands.subList(0, firstRead)).contains("ATE0", "AT+CPIN?", "AT+CMGF=0",
                    "AT+CPMS=\"SM\",\"SM\",\"SM\"");
            assertThat(commands.subList(0, firstRead)).anyMatch(c -> c.startsWith("AT+CNMI="));
            assertThat(m.inbound.get(0).text()).isEqualTo("STOP");
        }
    }

    @Test
    void aLongReplyMissingAPartIsDeliveredWithWhatArrivedOnceItsWaitIsOverAndOnlyThenDeleted() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            String text = "Bonjour, je voudrais savoir si la promotion de samedi vaut aussi pour les bouquets de "
                    + "mariage et les compositions de deuil, merci de me répondre avant vendredi soir. Mme Martin, "
                    + "cliente fidèle depuis des années, et toujours ravie de vos conseils. Je passerai sans doute "
                    + "jeudi après-midi pour voir les nouvelles roses et les pivoines dont vous m'aviez parlé.";
            List<String> parts = Pdus.deliver("+33698765432", text, 42);
            assertThat(parts).hasSize(3);
            int first = m.emulator.storeSilently(parts.get(0));
            int third = m.emulator.storeSilently(parts.get(2)); // the second part never comes
            org.comptoir.MutableClock clock = new org.comptoir.MutableClock(java.time.Instant.parse(
                    "2026-12-01T10:00:00Z"));
            ModemGateway.Config config = PtyModem.config(Duration.ofSeconds(10))
                    .withPoll(Duration.ofHours(1), Duration.ofHours(2));
            m.gateway = new ModemGateway(m.socat.app.toString(),
                    () -> JSerialCommLink.open(m.socat.app.toString()), config, clock);
            m.gateway.setListener(m);
            assertTimeoutPreemptively(PtyModem.BOUND, () -> {
                m.gateway.connect();
                m.gateway.collectPending();
                assertThat(m.inbound).isEmpty();
                assertThat(m.emulator.stored()).containsKeys(first, third);

                clock.advance(Duration.ofHours(2));
                m.gateway.collectPending();
            });
            assertThat(m.inbound).singleElement().satisfies(sms -> {
                assertThat(sms.text()).startsWith(text.substring(0, 40)).contains("…");
                assertThat(sms.from()).isEqualTo("+33698765432");
            });
            assertThat(m.emulator.deleted()).containsExactlyInAnyOrder(first, third);
        }
    }

    @Test
    void aNationalSenderKeepsItsDigitsAndAnInternationalOneItsPlus() throws Exception {
        try (PtyModem m = new PtyModem(dir)) {
            m.emulator.storeSilently(Pdus.deliver("0612345678", "STOP", 0).get(0));
            m.emulator.storeSilently(Pdus.deliver("+33698765432", "ARRET", 0).get(0));
            ModemGateway gateway = m.gateway(PtyModem.config(Duration.ofSeconds(10)));
            assertTimeoutPreemptively(PtyModem.BOUND, () -> {
                gateway.connect();
                gateway.collectPending();
            });
            assertThat(m.inbound).extracting(InboundSms::from).containsExactlyInAnyOrder("0612345678",
                    "+33698765432");
        }
    }
}
