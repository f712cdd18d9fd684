package org.comptoir.ui.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
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
        app.database().inTransaction(c -> {
            Jdbc.insert(c, "INSERT INTO contact (subject, phone_e164, first_name, created_at) VALUES (?, ?, ?, ?)",
                    "b".repeat(64), "+33611111111", "Anaïs", Instant.now());
            Jdbc.update(c, "INSERT INTO consent_state (subject, status, since, last_seq) VALUES (?, 'OPTED_IN', ?, 1)",
                    "b".repeat(64), Instant.now());
            return null;
        });
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
}
