package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.comptoir.dispatch.StoredInbound;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STOP, HELP, YES and sign-up replies against the real ledger in H2; replies recorded at the engine's port. */
class ConsentInboundRouterTest {

    private static final String ANNE = "+33612345678";
    private static final PhoneNumber ANNE_NUMBER = new PhoneNumber(ANNE);

    @TempDir
    Path dir;
    private SmsConsentFixture f;

    @BeforeEach
    void open() {
        f = new SmsConsentFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void optInAtTill() {
        f.consent.recordOptIn(ANNE_NUMBER, "Anne", f.consent.currentWording().id(), Channel.TILL, "caisse");
    }

    @Test
    void stopRecordsTheOptOutWithTheTextAsEvidenceAndQueuesOneConfirmationNamingTheShop() {
        optInAtTill();
        assertThat(f.consent.allowsMarketing(ANNE_NUMBER)).isTrue();

        assertThat(f.receiveAndRoute(ANNE, "Stop merci 🙏")).isEqualTo(Handling.OPT_OUT);

        assertThat(f.consent.allowsMarketing(ANNE_NUMBER)).isFalse();
        ConsentEventView last = f.history(ANNE).get(1);
        assertThat(last.kind()).isEqualTo(ConsentKind.OPT_OUT);
        assertThat(last.channel()).isEqualTo(Channel.SMS_KEYWORD);
        // the hashed row names the SMS and its evidence row, not the text
        assertThat(last.evidence()).contains("gateway=modem_/dev/ttyUSB0", "evidence=", "text-hmac=")
                .doesNotContain("Stop merci").doesNotContain(ANNE);
        assertThat(f.evidenceText(last.evidence())).contains("Stop merci 🙏");
        assertThat(f.evidenceMatches(last.evidence())).isTrue();
        assertThat(f.replies.all()).singleElement().satisfies(q -> {
            assertThat(q.to()).isEqualTo(ANNE);
            assertThat(q.text()).isEqualTo("Vous ne recevrez plus de SMS de Léa Fleurs.");
            assertThat(q.purpose()).isEqualTo("OPTOUT_CONFIRM");
        });
        assertThat(f.consent.verify().intact()).isTrue();
    }

    @Test
    void theSameInboundRoutedTwiceIsOneEventAndOneConfirmation() {
        optInAtTill();
        StoredInbound stop = f.receive(ANNE, "STOP");
        // the same SMS read again from the SIM is stored once
        assertThat(f.receive(ANNE, "STOP").id()).isEqualTo(stop.id());

        assertThat(f.router.route(stop)).isEqualTo(Handling.OPT_OUT);
        assertThat(f.router.route(stop)).isEqualTo(Handling.OPT_OUT); // a crash before handled_as was written

        assertThat(f.history(ANNE)).extracting(ConsentEventView::kind)
                .containsExactly(ConsentKind.OPT_IN, ConsentKind.OPT_OUT);
        assertThat(f.replies.withPurpose("OPTOUT_CONFIRM")).hasSize(1);
    }

    @Test
    void repeatedStopsGetOneConfirmationADayAndNoNewEvent() {
        optInAtTill();
        assertThat(f.receiveAndRoute(ANNE, "STOP")).isEqualTo(Handling.OPT_OUT);
        f.clock.advance(Duration.ofMinutes(5));
        assertThat(f.receiveAndRoute(ANNE, "stop!!")).isEqualTo(Handling.OPT_OUT_AGAIN);
        f.clock.advance(Duration.ofMinutes(5));
        assertThat(f.receiveAndRoute(ANNE, "ARRÊT")).isEqualTo(Handling.OPT_OUT_AGAIN);
        assertThat(f.replies.withPurpose("OPTOUT_CONFIRM")).hasSize(1);

        f.clock.advance(Duration.ofDays(1));
        assertThat(f.receiveAndRoute(ANNE, "STOP")).isEqualTo(Handling.OPT_OUT_AGAIN);
        assertThat(f.replies.withPurpose("OPTOUT_CONFIRM")).hasSize(2);
        assertThat(f.history(ANNE)).extracting(ConsentEventView::kind)
                .containsExactly(ConsentKind.OPT_IN, ConsentKind.OPT_OUT);
    }

    @Test
    void aStopFromANumberNeverSeenIsRecordedAndConfirmed() {
        assertThat(f.receiveAndRoute("+33698765432", "STPO")).isEqualTo(Handling.OPT_OUT);
        assertThat(f.consent.lookup(new PhoneNumber("+33698765432")).orElseThrow().status())
                .isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(f.replies.all()).hasSize(1);
    }

    @Test
    void helpIsAnsweredWithTheShopAndHowToStop() {
        assertThat(f.receiveAndRoute(ANNE, "Aide ?")).isEqualTo(Handling.HELP);
        assertThat(f.replies.all()).singleElement().satisfies(q -> {
            assertThat(q.text()).contains("Léa Fleurs", "STOP");
            assertThat(q.purpose()).isEqualTo("HELP");
        });
        assertThat(f.consent.lookup(ANNE_NUMBER)).isEmpty(); // asking records nothing
    }

    @Test
    void ambiguousAndOrdinaryRepliesWaitForTheOwnerAndDoNothing() {
        optInAtTill();
        assertThat(f.receiveAndRoute(ANNE, "je voudrais stopper ma commande")).isEqualTo(Handling.REVIEW);
        assertThat(f.receiveAndRoute(ANNE, "À quelle heure ouvrez-vous samedi ?")).isEqualTo(Handling.OTHER);
        assertThat(f.receiveAndRoute("ORANGE", "Votre forfait")).isEqualTo(Handling.NOT_A_NUMBER);
        assertThat(f.replies.all()).isEmpty();
        assertThat(f.consent.allowsMarketing(ANNE_NUMBER)).isTrue();
        assertThat(Handling.WAITING).contains(Handling.REVIEW, Handling.OTHER, Handling.NOT_A_NUMBER);
    }

    @Test
    void startFromSomeoneWhoStoppedDoesNotResubscribe() {
        optInAtTill();
        f.receiveAndRoute(ANNE, "STOP");
        assertThat(f.receiveAndRoute(ANNE, "START")).isEqualTo(Handling.YES_IGNORED);
        assertThat(f.receiveAndRoute(ANNE, "OUI")).isEqualTo(Handling.YES_IGNORED);
        assertThat(f.consent.lookup(ANNE_NUMBER).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_OUT);
    }

    @Test
    void signUpKeywordOptsInWithTheTextAndTheCurrentWordingAndWelcomes() {
        f.settings.set(ConsentSmsSettings.SIGNUP_KEYWORD, "OUI FLEURS");
        assertThat(f.receiveAndRoute(ANNE, "oui fleurs !")).isEqualTo(Handling.SIGNED_UP);

        List<ConsentEventView> history = f.history(ANNE);
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ConsentKind.OPT_IN);
            assertThat(e.channel()).isEqualTo(Channel.SMS_KEYWORD);
            assertThat(e.wordingVersion()).isEqualTo(f.consent.currentWording().version());
            assertThat(f.evidenceText(e.evidence())).contains("oui fleurs !");
        });
        assertThat(f.consent.allowsMarketing(ANNE_NUMBER)).isTrue();
        assertThat(f.replies.all()).singleElement().satisfies(q -> {
            assertThat(q.purpose()).isEqualTo("WELCOME");
            assertThat(q.text()).contains("Léa Fleurs", "STOP au 36180");
        });
        assertThat(f.receiveAndRoute(ANNE, "OUI FLEURS")).isEqualTo(Handling.ALREADY_SIGNED_UP);
    }

    @Test
    void withDoubleOptInTheSignUpKeywordAsksForConfirmationFirst() {
        f.settings.set(ConsentSmsSettings.SIGNUP_KEYWORD, "OUI FLEURS");
        f.settings.set(ConsentSettings.DOUBLE_OPTIN, "true");
        assertThat(f.receiveAndRoute(ANNE, "OUI FLEURS")).isEqualTo(Handling.SIGNUP_PENDING);
        assertThat(f.consent.allowsMarketing(ANNE_NUMBER)).isFalse();
        assertThat(f.replies.all()).singleElement().satisfies(q -> {
            assertThat(q.purpose()).isEqualTo("OPTIN_REQUEST");
            assertThat(q.text()).contains("Répondez OUI", "STOP au 36180");
        });

        f.clock.advance(Duration.ofHours(3));
        assertThat(f.receiveAndRoute(ANNE, "Oui")).isEqualTo(Handling.CONFIRMED);
        assertThat(f.consent.allowsMarketing(ANNE_NUMBER)).isTrue();
        assertThat(f.replies.withPurpose("WELCOME")).hasSize(1);
    }

    @Test
    void aStoppedOrErasedNumberIsNotResubscribedByTheKeywordAlone() {
        f.settings.set(ConsentSmsSettings.SIGNUP_KEYWORD, "OUI FLEURS");
        optInAtTill();
        f.receiveAndRoute(ANNE, "STOP");
        String bea = "+33611112222";
        f.consent.erase(new PhoneNumber(bea), "owner");

        assertThat(f.receiveAndRoute(ANNE, "OUI FLEURS")).isEqualTo(Handling.SIGNUP_PENDING);
        assertThat(f.receiveAndRoute(bea, "OUI FLEURS")).isEqualTo(Handling.SIGNUP_PENDING);
        assertThat(f.consent.lookup(ANNE_NUMBER).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(f.consent.lookup(new PhoneNumber(bea)).orElseThrow().status()).isEqualTo(ConsentStatus.ERASED);
        assertThat(f.replies.withPurpose("OPTIN_REQUEST")).extracting(RecordingReplySender.Queued::to)
                .containsExactly(ANNE, bea);

        // only their explicit answer re-subscribes them, and the ledger shows the sign-up and the confirmation
        assertThat(f.receiveAndRoute(ANNE, "OUI")).isEqualTo(Handling.CONFIRMED);
        assertThat(f.history(ANNE)).extracting(ConsentEventView::kind).containsExactly(ConsentKind.OPT_IN,
                ConsentKind.OPT_OUT, ConsentKind.OPT_IN, ConsentKind.CONFIRMED);
        assertThat(f.consent.allowsMarketing(ANNE_NUMBER)).isTrue();
        assertThat(f.consent.verify().intact()).isTrue();
    }

    @Test
    void aStopAfterASignUpRequestMakesTheLaterYesConfirmNothing() {
        f.settings.set(ConsentSmsSettings.SIGNUP_KEYWORD, "OUI FLEURS");
        f.settings.set(ConsentSettings.DOUBLE_OPTIN, "true");
        f.receiveAndRoute(ANNE, "OUI FLEURS");
        f.receiveAndRoute(ANNE, "STOP");
        assertThat(f.receiveAndRoute(ANNE, "OUI")).isEqualTo(Handling.CONFIRM_LATE);
        assertThat(f.consent.lookup(ANNE_NUMBER).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_OUT);
    }
}
