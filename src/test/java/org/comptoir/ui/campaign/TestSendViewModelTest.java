package org.comptoir.ui.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.comptoir.AppContext;
import org.comptoir.campaign.CampaignSettings;
import org.comptoir.dispatch.RehearsalLog;
import org.comptoir.gateway.modem.PtyModem;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.ModemSettings;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.comptoir.ui.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's test send through the application's real gateway owner, on a real store. */
class TestSendViewModelTest {

    @TempDir
    Path dir;
    AppContext app;
    CampaignEditorViewModel editor;
    TestSendViewModel test;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    void open() {
        app = AppContext.open(dir.resolve("store"));
        app.settings().set("shop.name", "Léa Fleurs");
        app.consent().recordOptIn(new org.comptoir.phone.PhoneNumber("+33611111111"), "Anaïs",
                app.consent().currentWording().id(), org.comptoir.consent.Channel.TILL, "caisse");
        Messages fr = Messages.forLanguage("fr");
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        editor = new CampaignEditorViewModel(app.campaigns(), app.settings(), fr, executor, dialogs);
        test = new TestSendViewModel(editor, app.settings(), app::phoneNumbers, app.sending()::sendOneOff, fr, executor);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theTestIsThePreviewsMessageToTheOwnersNumberWhichIsRemembered() {
        app.settings().set(ModemSettings.GATEWAY, "rehearsal");
        editor.templateProperty().set("Bonjour {prenom}, -20 % samedi !");
        editor.senderProperty().set("LEAFLEURS");
        test.numberProperty().set("06 98 76 54 32");
        test.send();

        assertThat(test.resultProperty().get())
                .isEqualTo("Essai envoyé au +33698765432 (1 SMS). Regardez votre téléphone.");
        assertThat(new RehearsalLog(app.database()).entries()).singleElement().satisfies(e -> {
            assertThat(e.recipient()).isEqualTo("+33698765432");
            // exactly what the preview shows and the customer gets: her first name, the mention counted
            assertThat(e.text()).isEqualTo("Bonjour Anaïs, -20 % samedi !\nSTOP au 36180").isEqualTo(editor.previewProperty().get());
            assertThat(e.sender()).isEqualTo("LEAFLEURS");
        });
        assertThat(app.settings().get(CampaignSettings.TEST_NUMBER)).isEqualTo("+33698765432");
        assertThat(test.sendingProperty().get()).isFalse();

        // the next editor opens with the number remembered
        TestSendViewModel again = new TestSendViewModel(editor, app.settings(), app::phoneNumbers,
                app.sending()::sendOneOff, Messages.forLanguage("en"), new CurrentThreadTaskExecutor());
        assertThat(again.numberProperty().get()).isEqualTo("+33698765432");
        again.send();
        assertThat(again.resultProperty().get()).isEqualTo("Test sent to +33698765432 (1 SMS). Check your phone.");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aNumberThatIsNotAMobileAnEmptyTextOrNoGatewaySendNothingAndSayWhy() {
        app.settings().set(ModemSettings.GATEWAY, "rehearsal");
        test.numberProperty().set("06 98 76 54 32");
        test.send();
        assertThat(test.resultProperty().get()).isEqualTo("Écrivez le texte du SMS avant d'envoyer un essai.");

        editor.templateProperty().set("Soldes");
        test.numberProperty().set("01 45 67 89 10"); // a landline
        test.send();
        assertThat(test.resultProperty().get()).startsWith("L'essai n'est pas parti : ").contains("fixe");
        assertThat(new RehearsalLog(app.database()).entries()).isEmpty();
        assertThat(app.settings().get(CampaignSettings.TEST_NUMBER)).isEmpty();

        editor.senderProperty().set("LÉA");
        test.numberProperty().set("06 98 76 54 32");
        test.send();
        assertThat(test.resultProperty().get()).contains("« É »");
        assertThat(new RehearsalLog(app.database()).entries()).isEmpty();
    }

    @Test
    void withNoGatewayChosenTheTestSaysSo() {
        editor.templateProperty().set("Soldes");
        test.numberProperty().set("06 98 76 54 32");
        test.send();
        assertThat(test.resultProperty().get()).startsWith("L'essai n'est pas parti : Aucune passerelle d'envoi n'est choisie.");
        assertThat(test.sendingProperty().get()).isFalse();
    }

    @Test
    void theSettingReadsANumberAsTypedAndKeepsItInternational() {
        app.settings().set(CampaignSettings.TEST_NUMBER, "06 98 76 54 32");
        assertThat(app.settings().get(CampaignSettings.TEST_NUMBER)).isEqualTo("+33698765432");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.settings().set(CampaignSettings.TEST_NUMBER, "12"))
                .isInstanceOf(org.comptoir.i18n.ComptoirException.class);
        assertThat(app.settings().get(CampaignSettings.TEST_NUMBER)).isEqualTo("+33698765432");
        assertThat(Messages.forLanguage("fr").get("setting.campaign.test-number.label")).isEqualTo("Mobile pour les essais");
    }

    @Test
    void throughTheUsbModemTheTestIsCountedByTheRoutesDailyCap() throws Exception {
        PtyModem.assumeSocat();
        Path ptys = Files.createDirectories(dir.resolve("pty"));
        PtyModem modem = new PtyModem(ptys);
        try {
            app.settings().set(ModemSettings.GATEWAY, "modem");
            app.settings().set(ModemSettings.PORT, modem.socat.app.toString());
            app.settings().set(ModemSettings.STATUS_REPORTS, "false");
            app.settings().set(ModemSettings.MAX_PER_DAY, "1");
            editor.templateProperty().set("Soldes samedi");
            test.numberProperty().set("06 98 76 54 32");

            test.send();
            assertThat(test.resultProperty().get()).startsWith("Essai envoyé au +33698765432 (1 SMS)");
            assertThat(modem.emulator.sent()).hasSize(1);

            // the first test used the day's one SMS: the route refuses the second before anything is written
            test.send();
            assertThat(test.resultProperty().get())
                    .startsWith("L'essai n'est pas parti : Limite du modem atteinte : 1 SMS aujourd'hui");
            assertThat(modem.emulator.sent()).hasSize(1);
        } finally {
            app.sending().close();
            modem.close();
        }
    }
}
