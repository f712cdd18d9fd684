package org.comptoir.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentSettings;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.consent.DoubleOptIn;
import org.comptoir.consent.SubjectKey;
import org.comptoir.dispatch.ReplySender;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till's save is where a consent is captured: with double opt-in on, it sends the OUI request. */
class TillDoubleOptInTest {

    @TempDir
    Path dir;

    @Test
    void savingAnOptInAtTheTillQueuesTheConfirmationRequest() {
        try (Database db = Database.open(dir)) {
            Settings settings = new Settings(db, AppContext.settingDefinitions());
            settings.set("shop.name", "Léa Fleurs");
            settings.set(ConsentSettings.DOUBLE_OPTIN, "true");
            ConsentService consent = new ConsentService(db, settings, SubjectKey.forStore(db), Clock.systemUTC());
            List<String> queued = new ArrayList<>();
            ReplySender replies = (to, text, purpose, key) -> queued.add(to + " " + purpose + " " + text);
            DoubleOptIn doubleOptIn = new DoubleOptIn(db, settings, consent, replies, Clock.systemUTC());
            TillViewModel vm = new TillViewModel(consent, doubleOptIn, () -> new PhoneNumbers("FR"), settings,
                    Messages.forLanguage("fr"), new CurrentThreadTaskExecutor(), Channel.TILL);
            vm.load();
            vm.phoneProperty().set("06 12 34 56 78");
            vm.consentTickedProperty().set(true);
            vm.save();

            assertThat(consent.lookup(new PhoneNumber("+33612345678")).orElseThrow().status())
                    .isEqualTo(ConsentStatus.OPTED_IN);
            assertThat(queued).singleElement().asString().startsWith("+33612345678 OPTIN_REQUEST Répondez OUI");
            assertThat(doubleOptIn.list(DoubleOptIn.Status.PENDING)).hasSize(1);
        }
    }
}
