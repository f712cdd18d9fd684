package org.comptoir.ui.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.comptoir.AppContext;
import org.comptoir.campaign.CampaignStatus;
import org.comptoir.consent.Channel;
import org.comptoir.dispatch.CampaignProgressQuery;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.ModemSettings;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.comptoir.ui.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Programmer" asks the owner to confirm with the real first send instant, its reason and the expected duration on
 * the chosen gateway, named buttons; keeping the draft schedules nothing. A real store, a fixed clock.
 */
class ScheduleConfirmationTest {

    /** Sunday 29 November 2026, 10:00 in Paris. */
    private static final Instant SUNDAY = Instant.parse("2026-11-29T09:00:00Z");
    private static final Messages FR = Messages.forLanguage("fr");

    @TempDir
    Path dir;
    AppContext app;
    CampaignEditorViewModel vm;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    void open() {
        app = AppContext.open(dir);
        app.settings().set("shop.name", "Léa Fleurs");
        for (int i = 0; i < 250; i++) {
            app.consent().recordOptIn(new PhoneNumber(String.format("+33611111%03d", i)), null,
                    app.consent().currentWording().id(), Channel.TILL, "caisse");
        }
        app.consent().recordOptIn(new PhoneNumber("+596696123456"), null, app.consent().currentWording().id(),
                Channel.TILL, "caisse");
        vm = new CampaignEditorViewModel(app.campaigns(), app.settings(), FR, new CurrentThreadTaskExecutor(), dialogs,
                Clock.fixed(SUNDAY, ZoneId.of("Europe/Paris")));
        CampaignProgressQuery query = new CampaignProgressQuery(app.database(), app.settings(), app.campaigns(),
                ZoneId.of("Europe/Paris"));
        vm.forecastWith((audience, parts, start) -> query.beforeStart(audience, parts, start).confirmText(FR));
        vm.nameProperty().set("Soldes");
        vm.templateProperty().set("Soldes ce lundi");
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void onTheModemTheOwnerSeesMondayMorningAndThreeWorkingDaysBeforeConfirming() {
        // 100 a day from Monday 08:00; the Martinique customer goes at midnight in Paris (19:00 there), when the
        // shop's day and its cap start again; the last 51 mainland ones on Wednesday morning, 17 s apart
        app.settings().set(ModemSettings.GATEWAY, "modem");
        app.settings().set(ModemSettings.MAX_PER_DAY, "100");
        vm.schedule();
        assertThat(dialogs.confirmations).containsExactly("Programmer l'envoi / Revenir au brouillon");
        assertThat(dialogs.confirmed.get(0)).isEqualTo("""
                251 client(s), par le modem USB.
                Premier envoi : lundi 30 novembre à 08:00 — dimanche interdit
                Durée prévue : ≈ 3 jours ouvrés au rythme du modem (estimé à 3 s par SMS), fin vers mercredi 2 décembre à 08:14\
                 (plafond : 100 SMS par jour)""");
        assertThat(app.campaigns().list().get(0).status()).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void keepingTheDraftSchedulesNothing() {
        app.settings().set(ModemSettings.GATEWAY, "rehearsal");
        dialogs.confirmAnswers.add(false);
        // a rehearsal sends at once, but keeps the windows: the Martinique customer at 08:00 there, 13:00 in Paris
        vm.schedule();
        assertThat(dialogs.confirmed.get(0)).isEqualTo("""
                251 client(s), par la répétition (rien n'est envoyé).
                Premier envoi : lundi 30 novembre à 08:00 — dimanche interdit
                Durée prévue : ≈ 5 h 00 en répétition (rien n'est envoyé)""");
        assertThat(app.campaigns().list()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }
}
