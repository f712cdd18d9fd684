package org.comptoir.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comptoir.ui.FxTesting.openShop;
import static org.comptoir.ui.FxTesting.waitUntil;

import java.nio.file.Path;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.comptoir.AppContext;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ContactDirectory.TagCount;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.ui.FxTaskExecutor;
import org.comptoir.ui.ScriptedDialogs;
import org.comptoir.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renaming a tag keeps the audience of a draft that targets it; deleting asks with the number of contacts carrying
 * it, is refused while an unsent campaign targets it, and takes it off everyone once confirmed. Real store.
 */
@ExtendWith(ApplicationExtension.class)
class ContactsTagRenameDeleteUiTest {

    @TempDir
    static Path dir;
    AppContext app;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    FxTaskExecutor executor = new FxTaskExecutor();

    @Start
    void start(Stage stage) {
        app = openShop(dir, "Chez Paul");
        long wording = app.consent().currentWording().id();
        for (String[] p : new String[][] {{"+33611111111", "Alice"}, {"+33622222222", "Bruno"}, {"+33633333333", "Chloé"}}) {
            app.consent().recordOptIn(new PhoneNumber(p[0]), p[1], wording, Channel.TILL, "caisse");
        }
        app.contacts().search(org.comptoir.consent.ContactQuery.of("", 10)).rows().stream()
                .filter(r -> !"Chloé".equals(r.firstName()))
                .forEach(r -> app.contacts().setTags(r.id(), Set.of("Fidèles")));
        UiContext ui = new UiContext(app, app.messages(), executor, dialogs);
        stage.setScene(new Scene(new ContactsView(ui), 1024, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.shutdown();
        app.close();
    }

    @Test
    void renameKeepsTheDraftsAudienceAndDeleteSaysHowManyCarryIt(FxRobot robot) {
        Campaign draft = app.campaigns().saveDraft(Campaign.draft("Fidèles -20 %", CampaignKind.MARKETING, "Merci !", "",
                "Fidèles"));
        waitUntil(() -> robot.lookup("#manageTag").queryAs(ChoiceBox.class).getItems().contains("Fidèles"));
        robot.interact(() -> robot.lookup("#manageTag").<ChoiceBox<String>>query().setValue("Fidèles"));
        robot.clickOn("#renameTagName").write("Habitués");
        robot.clickOn("#renameTag");
        waitUntil(() -> app.contacts().tags().equals(java.util.List.of(new TagCount("Habitués", 2))));
        assertThat(app.campaigns().load(draft.id()).orElseThrow().audienceTag()).isEqualTo("Habitués");
        assertThat(app.campaigns().audience().count(new Audience(CampaignKind.MARKETING, "Habitués"))).isEqualTo(2);
        waitUntil(() -> robot.lookup("#contactsBanner").queryAs(Label.class).getText().equals("Étiquette renommée en « Habitués »."));

        // the draft still targets it: deleting is refused, with the reason, and nothing changes
        robot.interact(() -> robot.lookup("#manageTag").<ChoiceBox<String>>query().setValue("Habitués"));
        robot.clickOn("#deleteTag");
        waitUntil(() -> !dialogs.confirmed.isEmpty());
        assertThat(dialogs.confirmed).containsExactly("Supprimer l'étiquette « Habitués » ? 2 contact(s) la portent ; "
                + "ils la perdront (ils restent inscrits).");
        assertThat(dialogs.confirmations).containsExactly("Supprimer l'étiquette / Garder l'étiquette");
        waitUntil(() -> robot.lookup("#contactsBanner").queryAs(Label.class).getText().startsWith("L'étiquette « Habitués » est "
                + "l'audience de 1 campagne(s)"));
        assertThat(app.contacts().tags()).containsExactly(new TagCount("Habitués", 2));

        // the draft moves to everyone; "Garder l'étiquette" keeps it, then "Supprimer" takes it off both contacts
        app.campaigns().saveDraft(new Campaign(draft.id(), draft.name(), draft.kind(), draft.template(), draft.sender(),
                draft.stopMention(), null, draft.scheduleMode(), null, draft.status(), null, null));
        dialogs.confirmAnswers.add(false);
        robot.clickOn("#deleteTag");
        waitUntil(() -> dialogs.confirmed.size() == 2);
        assertThat(app.contacts().tags()).containsExactly(new TagCount("Habitués", 2));
        robot.clickOn("#deleteTag");
        waitUntil(() -> app.contacts().tags().isEmpty());
        waitUntil(() -> robot.lookup("#contactsBanner").queryAs(Label.class).getText().equals("Étiquette « Habitués » supprimée (2 contact(s))."));
        assertThat(app.campaigns().audience().count(new Audience(CampaignKind.MARKETING, null))).isEqualTo(3);
    }

    @Test
    void aRenameToAnExistingTagIsRefusedWithItsReason(FxRobot robot) {
        app.contacts().createTag("VIP");
        waitUntil(() -> robot.lookup("#manageTag").queryAs(ChoiceBox.class).getItems().contains("Fidèles"));
        // the list may have been read before VIP existed: a rename that collides is refused by the store anyway
        robot.interact(() -> robot.lookup("#manageTag").<ChoiceBox<String>>query().setValue("Fidèles"));
        robot.clickOn("#renameTagName").write("vip").type(KeyCode.TAB);
        robot.clickOn("#renameTag");
        waitUntil(() -> robot.lookup("#contactsBanner").queryAs(Label.class).getText().equals("Une étiquette « vip » existe déjà."));
        assertThat(app.contacts().tags()).extracting(TagCount::name).containsExactly("Fidèles", "VIP");
    }
}
