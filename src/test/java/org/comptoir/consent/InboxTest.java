package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner decides on the replies that wait: a doubtful one treated as STOP is an opt-out like any other. */
class InboxTest {

    private static final PhoneNumber MARIE = new PhoneNumber("+33612345678");

    @TempDir
    Path dir;
    private SmsConsentFixture f;

    @BeforeEach
    void open() {
        f = new SmsConsentFixture(dir);
        f.consent.recordOptIn(MARIE, "Marie", f.consent.currentWording().id(), Channel.TILL, "caisse");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aDoubtfulReplyTreatedAsStopRecordsTheOptOutWithItsTextAndConfirms() {
        f.receive(MARIE.e164(), "Arrêter les SMS le dimanche ce serait bien, sinon je vais finir par me désinscrire");
        Inbox inbox = f.sms.inbox();
        assertThat(inbox.routeUnhandled()).singleElement().extracting(Inbox.Entry::handledAs).isEqualTo(Handling.REVIEW);
        assertThat(inbox.waitingCount()).isEqualTo(1);
        long id = inbox.list(10, true).get(0).id();

        assertThat(inbox.treatAsStop(id, "owner").handledAs()).isEqualTo(Handling.OWNER_OPT_OUT);

        assertThat(f.consent.lookup(MARIE).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_OUT);
        ConsentEventView stop = f.history(MARIE.e164()).get(1);
        assertThat(f.evidenceText(stop.evidence())).hasValueSatisfying(t -> assertThat(t).startsWith("Arrêter les SMS"));
        assertThat(f.replies.withPurpose("OPTOUT_CONFIRM")).hasSize(1);
        assertThat(inbox.waitingCount()).isZero();
        long audited = f.db.withConnection(c -> Jdbc.queryLong(c,
                "SELECT COUNT(*) FROM audit WHERE action = 'INBOX_DECISION' AND detail LIKE '%REVIEW -> OWNER_OPT_OUT'"));
        assertThat(audited).isEqualTo(1);
        assertThatThrownBy(() -> inbox.markRead(id, "owner")).isInstanceOf(ComptoirException.class);
    }

    @Test
    void unroutedMessagesAreRoutedOnceInTheOrderTheyCame() {
        f.receive(MARIE.e164(), "Bonjour");
        f.clock.advance(java.time.Duration.ofMinutes(1));
        f.receive(MARIE.e164(), "STOP");
        assertThat(f.sms.inbox().routeUnhandled()).extracting(Inbox.Entry::handledAs)
                .containsExactly(Handling.OTHER, Handling.OPT_OUT);
        assertThat(f.sms.inbox().routeUnhandled()).isEmpty();
        assertThat(f.sms.inbox().list(10, false)).extracting(Inbox.Entry::handledAs)
                .containsExactly(Handling.OPT_OUT, Handling.OTHER);
    }
}
