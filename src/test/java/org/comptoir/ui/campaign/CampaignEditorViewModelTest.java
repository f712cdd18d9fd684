package org.comptoir.ui.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.comptoir.AppContext;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignStatus;
import org.comptoir.campaign.ScheduleMode;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.ScheduleSettings;
import org.comptoir.store.Jdbc;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.comptoir.ui.ScriptedDialogs;
import org.comptoir.ui.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's state and commands without a toolkit: the work runs on the calling thread, on a real store. */
class CampaignEditorViewModelTest {

    @TempDir
    Path dir;
    AppContext app;
    CampaignEditorViewModel vm;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> errors = dialogs.errors;

    @BeforeEach
    void open() {
        app = AppContext.open(dir);
        // a real consent through the ledger: the audience is what the ledger says, never a state row alone
        app.settings().set("shop.name", "Léa Fleurs");
        app.consent().recordOptIn(new org.comptoir.phone.PhoneNumber("+33611111111"), "Anaïs",
                app.consent().currentWording().id(), org.comptoir.consent.Channel.TILL, "caisse");
        vm = new CampaignEditorViewModel(app.campaigns(), app.settings(), Messages.forLanguage("fr"),
                new CurrentThreadTaskExecutor(), dialogs);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aUnicodeFirstNameInTheAudienceMakesTheCounterUnicode() {
        vm.templateProperty().set("Bonjour {prenom} !");
        // "Bonjour Anaïs !" (15) + "\n" + 13: ï is not GSM, so the message is Unicode for her
        assertThat(vm.counterProperty().get()).isEqualTo("29 / 70 · 1 SMS · Unicode");
        assertThat(vm.unicodeFromNameProperty().get()).isTrue();
        assertThat(vm.nonGsm()).isEmpty();
        assertThat(vm.previewProperty().get()).isEqualTo("Bonjour Anaïs !\nSTOP au 36180");
        assertThat(vm.recipientsProperty().get()).isEqualTo(1);
    }

    @Test
    void serviceDropsTheMentionAndWidensTheAudience() {
        vm.templateProperty().set("Fermé lundi");
        assertThat(vm.suffixProperty().get()).isEqualTo("STOP au 36180");
        vm.kindProperty().set(CampaignKind.SERVICE);
        assertThat(vm.suffixProperty().get()).isEmpty();
        assertThat(vm.counterProperty().get()).isEqualTo("11 / 160 · 1 SMS · GSM");
    }

    @Test
    void saveThenScheduleInTheFuture() {
        vm.nameProperty().set("Soldes");
        vm.templateProperty().set("Soldes ce samedi");
        vm.save();
        assertThat(vm.campaignProperty().get().id()).isNotNull();
        assertThat(vm.statusProperty().get()).isEqualTo("Brouillon enregistré.");

        vm.scheduleModeProperty().set(ScheduleMode.AT);
        vm.dateProperty().set(LocalDate.now().plusDays(2));
        vm.timeProperty().set("10h30");
        vm.schedule();
        assertThat(errors).isEmpty();
        assertThat(vm.campaignProperty().get().status()).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(vm.editableProperty().get()).isFalse();
        assertThat(app.campaigns().list()).hasSize(1);
    }

    @Test
    void aPastDateOrABadTimeIsExplainedAndNothingIsScheduled() {
        vm.nameProperty().set("Soldes");
        vm.templateProperty().set("Soldes");
        vm.scheduleModeProperty().set(ScheduleMode.AT);
        vm.dateProperty().set(LocalDate.now().minusDays(1));
        vm.schedule();
        assertThat(errors).containsExactly("La date d'envoi choisie est déjà passée.");
        vm.timeProperty().set("midi");
        vm.schedule();
        assertThat(errors).last().isEqualTo("« midi » n'est pas une heure (par exemple 10:30).");
        assertThat(app.campaigns().list()).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(CampaignStatus.DRAFT));
    }

    @Test
    void openingACampaignCountsItsAudienceOnce() {
        Campaign stored = app.campaigns().saveDraft(
                Campaign.draft("Fermeture", CampaignKind.SERVICE, "Fermé lundi", "", "vip"));
        AtomicInteger tasks = new AtomicInteger();
        TaskExecutor counting = new TaskExecutor() {
            private final TaskExecutor inner = new CurrentThreadTaskExecutor();

            @Override
            public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                tasks.incrementAndGet();
                inner.execute(work, onSuccess, onFailure);
            }
        };
        CampaignEditorViewModel editor = new CampaignEditorViewModel(app.campaigns(), app.settings(),
                Messages.forLanguage("fr"), counting, dialogs);
        tasks.set(0);
        editor.edit(stored); // kind and tag both change: still one audience query
        assertThat(tasks).hasValue(1);
        assertThat(editor.recipientsProperty().get()).isZero();
    }

    @Test
    void anInvalidSenderIsFlaggedAsTyped() {
        vm.senderProperty().set("Léa Fleurs");
        assertThat(vm.senderErrorProperty().get()).contains("« é »");
        vm.senderProperty().set("LEAFLEURS");
        assertThat(vm.senderErrorProperty().get()).isEmpty();
        assertThat(vm.previewSenderProperty().get()).isEqualTo("LEAFLEURS");
    }

    /** Sunday 28 November 2027, 10:00 in Paris, on a computer set to Paris time. */
    private static final Clock SUNDAY_MORNING = Clock.fixed(Instant.parse("2027-11-28T09:00:00Z"), ZoneId.of("Europe/Paris"));

    private CampaignEditorViewModel onSunday() {
        return new CampaignEditorViewModel(app.campaigns(), app.settings(), Messages.forLanguage("fr"),
                new CurrentThreadTaskExecutor(), dialogs, SUNDAY_MORNING);
    }

    @Test
    void programmerSaysWhenTheFirstSmsReallyLeavesAndWhy() {
        CampaignEditorViewModel editor = onSunday();
        editor.templateProperty().set("Soldes ce lundi");
        assertThat(editor.firstSendProperty().get()).isEqualTo("Premier envoi : lundi 29 novembre à 08:00 — dimanche interdit");
        editor.kindProperty().set(CampaignKind.SERVICE);
        assertThat(editor.firstSendProperty().get()).isEqualTo("Premier envoi : dimanche 28 novembre à 10:00 (envois jusqu'à 22:00)");
        editor.kindProperty().set(CampaignKind.MARKETING);
        editor.scheduleModeProperty().set(ScheduleMode.AT);
        editor.dateProperty().set(LocalDate.of(2027, 11, 30));
        editor.timeProperty().set("20h30");
        assertThat(editor.firstSendProperty().get())
                .isEqualTo("Premier envoi : mercredi 1 décembre à 08:00 — hors des heures d'envoi (08:00–20:00)");
        editor.timeProperty().set("midi");
        assertThat(editor.firstSendProperty().get()).as("a time being typed says nothing yet").isEmpty();
        editor.timeProperty().set("19:59");
        assertThat(editor.firstSendProperty().get()).isEqualTo("Premier envoi : mardi 30 novembre à 19:59 (envois jusqu'à 20:00)");
    }

    @Test
    void theSettingsWindowIsTheOneShown() {
        app.settings().set(ScheduleSettings.PRESET, "custom");
        app.settings().set(ScheduleSettings.CUSTOM_DAYS, "dim");
        app.settings().set(ScheduleSettings.CUSTOM_HOURS, "09:00-12:00");
        CampaignEditorViewModel editor = onSunday();
        assertThat(editor.firstSendProperty().get()).isEqualTo("Premier envoi : dimanche 28 novembre à 10:00 (envois jusqu'à 12:00)");
    }

    @Test
    void anOverseasAudienceIsJudgedOnItsOwnClock() {
        app.consent().recordOptIn(new org.comptoir.phone.PhoneNumber("+596696123456"), "Joël",
                app.consent().currentWording().id(), org.comptoir.consent.Channel.TILL, "caisse");
        app.database().withConnection(c -> Jdbc.update(c,
                "INSERT INTO contact_tag (contact_id, tag) SELECT id, 'antilles' FROM contact WHERE phone_e164 = ?",
                "+596696123456"));
        CampaignEditorViewModel editor = onSunday();
        editor.tagProperty().set("antilles");
        editor.scheduleModeProperty().set(ScheduleMode.AT);
        editor.dateProperty().set(LocalDate.of(2027, 11, 29));
        editor.timeProperty().set("09:00");
        // 09:00 in Paris is 04:00 in Martinique: the first SMS leaves at 08:00 there, 13:00 in Paris
        assertThat(editor.firstSendProperty().get())
                .isEqualTo("Premier envoi : lundi 29 novembre à 13:00, 08:00 chez le destinataire — hors des heures d'envoi (08:00–20:00)");
    }

    @Test
    void aScheduledCampaignKeepsSayingWhenItStarts() {
        CampaignEditorViewModel editor = onSunday();
        editor.nameProperty().set("Soldes");
        editor.templateProperty().set("Soldes ce lundi");
        editor.schedule();
        assertThat(errors).isEmpty();
        assertThat(editor.statusProperty().get()).isEqualTo("Campagne programmée.");
        // the scheduled campaign keeps saying when it really starts
        assertThat(editor.firstSendProperty().get()).isEqualTo("Premier envoi : lundi 29 novembre à 08:00 — dimanche interdit");
    }
}
