package org.comptoir.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SERVICE audience is what the consent ledger says (issue 11, DESIGN.md invariant 8): consents recorded through
 * the real ledger, then consent_state doctored with SQL as a dishonest insider would.
 */
class ServiceAudienceLedgerTest {

    @TempDir
    Path dir;
    AppContext app;
    final PhoneNumber stopped = new PhoneNumber("+33611111111");
    final PhoneNumber erased = new PhoneNumber("+33622222222");
    final PhoneNumber client = new PhoneNumber("+33633333333");
    final PhoneNumber refused = new PhoneNumber("+33644444444");
    final PhoneNumber back = new PhoneNumber("+33655555555");

    @BeforeEach
    void open() {
        app = AppContext.open(dir);
        app.settings().set("shop.name", "Léa Fleurs");
        long wording = app.consent().currentWording().id();
        for (PhoneNumber n : List.of(stopped, erased, client, back)) {
            app.consent().recordOptIn(n, null, wording, Channel.TILL, "caisse");
        }
        app.consent().recordRefusal(refused, wording, Channel.TILL, "caisse");
        app.consent().recordOptOut(stopped, Channel.SMS_KEYWORD, "sms", "STOP");
        app.consent().erase(erased, "owner");
        // said STOP, then yes again at the till: the latest event is the one that counts
        app.consent().recordOptOut(back, Channel.SMS_KEYWORD, "sms", "STOP");
        app.consent().recordOptIn(back, null, wording, Channel.TILL, "caisse");
    }

    @AfterEach
    void close() {
        app.close();
    }

    private List<String> service() {
        return app.campaigns().audience().page(new Audience(CampaignKind.SERVICE, null), 0, 100).stream()
                .map(Recipient::phoneE164).toList();
    }

    private void sql(String statement, Object... args) {
        app.database().withConnection(c -> Jdbc.update(c, statement, args));
    }

    @Test
    void withAnHonestStateServiceReachesAllButStopAndErasure() {
        // a refusal recorded at the till leaves no contact to write to (the ledger keeps it under its keyed hash)
        assertThat(service()).containsExactlyInAnyOrder(client.e164(), back.e164());
        assertThat(app.campaigns().audience().count(new Audience(CampaignKind.SERVICE, null))).isEqualTo(2);
    }

    @Test
    void aStateRowEditedBackToOptedInDoesNotBringBackSomeoneWhoSaidStop() {
        sql("UPDATE consent_state SET status = 'OPTED_IN'");
        assertThat(service()).doesNotContain(stopped.e164()).containsExactlyInAnyOrder(client.e164(), back.e164());
        // the marketing audience was already guarded the same way
        assertThat(app.campaigns().audience().page(new Audience(CampaignKind.MARKETING, null), 0, 100))
                .extracting(Recipient::phoneE164).containsExactlyInAnyOrder(client.e164(), back.e164());
    }

    @Test
    void aDeletedStateRowDoesNotEitherAndTheSummaryAgrees() {
        sql("DELETE FROM consent_state");
        assertThat(service()).doesNotContain(stopped.e164()).contains(client.e164(), back.e164());
        AudienceQuery.AudienceSummary summary = app.campaigns().audience().summary(new Audience(CampaignKind.SERVICE, null));
        assertThat(summary.count()).isEqualTo(service().size());
    }

    @Test
    void aStateRowSayingStopStillKeepsThePersonOut() {
        sql("UPDATE consent_state SET status = 'OPTED_OUT' WHERE subject = (SELECT subject FROM contact WHERE phone_e164 = ?)",
                client.e164());
        assertThat(service()).doesNotContain(client.e164());
    }
}
