package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A consent captured at the till asks for OUI by SMS; OUI in time confirms, silence expires and is listed. */
class DoubleOptInTest {

    private static final PhoneNumber ANNE = new PhoneNumber("+33612345678");

    @TempDir
    Path dir;
    private SmsConsentFixture f;

    @BeforeEach
    void open() {
        f = new SmsConsentFixture(dir);
        f.settings.set(ConsentSettings.DOUBLE_OPTIN, "true");
        f.settings.set(ConsentSmsSettings.DOUBLE_OPTIN_HOURS, "24");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private ContactStatus captureAtTill() {
        ContactStatus s = f.consent.recordOptIn(ANNE, "Anne", f.consent.currentWording().id(), Channel.TILL, "caisse");
        f.doubleOptIn.afterCapture(ANNE, s);
        return s;
    }

    @Test
    void aTillConsentSendsTheRequestWithTheOptOutMention() {
        captureAtTill();
        assertThat(f.replies.all()).singleElement().satisfies(q -> {
            assertThat(q.to()).isEqualTo(ANNE.e164());
            assertThat(q.purpose()).isEqualTo("OPTIN_REQUEST");
            assertThat(q.text()).startsWith("Répondez OUI sous 24 h pour confirmer que vous acceptez de recevoir par SMS les offres de Léa Fleurs.")
                    .endsWith("STOP au 36180");
        });
        assertThat(f.consent.allowsMarketing(ANNE)).as("not yet confirmed").isFalse();
        assertThat(f.doubleOptIn.list(DoubleOptIn.Status.PENDING)).singleElement()
                .satisfies(r -> assertThat(r.number()).isEqualTo(ANNE));
    }

    @Test
    void ouiWithinTheDelayConfirms() {
        captureAtTill();
        f.clock.advance(Duration.ofHours(23));
        assertThat(f.receiveAndRoute(ANNE.e164(), "OUI !")).isEqualTo(Handling.CONFIRMED);
        assertThat(f.consent.lookup(ANNE).orElseThrow().status()).isEqualTo(ConsentStatus.CONFIRMED);
        assertThat(f.consent.allowsMarketing(ANNE)).isTrue();
        assertThat(f.history(ANNE.e164()).get(1).channel()).isEqualTo(Channel.SMS_KEYWORD);
        assertThat(f.doubleOptIn.list(DoubleOptIn.Status.CONFIRMED)).hasSize(1);
        assertThat(f.doubleOptIn.list(DoubleOptIn.Status.PENDING)).isEmpty();
    }

    @Test
    void anUnansweredRequestExpiresIsListedAndALateYesConfirmsNothing() {
        captureAtTill();
        f.clock.advance(Duration.ofHours(24));
        assertThat(f.doubleOptIn.expireDue()).isEqualTo(1);
        assertThat(f.doubleOptIn.list(DoubleOptIn.Status.EXPIRED)).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(ANNE);
            assertThat(r.firstName()).isEqualTo("Anne");
        });
        assertThat(f.receiveAndRoute(ANNE.e164(), "OUI")).isEqualTo(Handling.CONFIRM_LATE);
        assertThat(f.consent.lookup(ANNE).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(f.consent.allowsMarketing(ANNE)).isFalse();
    }

    @Test
    void aYesPastTheDelayExpiresTheRequestEvenBeforeTheSweep() {
        captureAtTill();
        f.clock.advance(Duration.ofHours(25));
        assertThat(f.receiveAndRoute(ANNE.e164(), "yes")).isEqualTo(Handling.CONFIRM_LATE);
        assertThat(f.doubleOptIn.list(DoubleOptIn.Status.EXPIRED)).hasSize(1);
    }

    @Test
    void withDoubleOptInOffNothingIsAsked() {
        f.settings.set(ConsentSettings.DOUBLE_OPTIN, "false");
        captureAtTill();
        assertThat(f.replies.all()).isEmpty();
        assertThat(f.consent.allowsMarketing(ANNE)).isTrue();
    }

    @Test
    void aSecondCaptureReplacesTheFirstRequest() {
        captureAtTill();
        f.clock.advance(Duration.ofHours(1));
        captureAtTill();
        assertThat(f.doubleOptIn.list(DoubleOptIn.Status.PENDING)).hasSize(1);
        assertThat(f.replies.withPurpose("OPTIN_REQUEST")).hasSize(2);
    }
}
