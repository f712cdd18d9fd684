package org.comptoir.ui.campaign;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.comptoir.campaign.Campaign;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.NavigationEvent;
import org.comptoir.ui.UiContext;

/** The "campaigns" screen: drafts, scheduled and past campaigns on the left, the editor on the right. */
public final class CampaignsView extends BorderPane implements org.comptoir.ui.UnsavedEdits {

    private final CampaignEditorViewModel editorModel;

    /** True while the list's selection is put back after "keep editing": that change is not a new choice. */
    private boolean reverting;

    public CampaignsView(UiContext ui) {
        setId("campaigns");
        Messages m = ui.messages();
        getStylesheets().add(CampaignsView.class.getResource("campaign.css").toExternalForm());
        CampaignEditorViewModel editor = new CampaignEditorViewModel(ui.app().campaigns(), ui.app().settings(), m,
                ui.executor(), ui.dialogs());
        this.editorModel = editor;
        CampaignListViewModel list = new CampaignListViewModel(ui.app().campaigns(), m, ui.executor(), ui.dialogs());
        editor.onSaved(saved -> list.reload(saved));
        org.comptoir.dispatch.CampaignProgressQuery forecasts = new org.comptoir.dispatch.CampaignProgressQuery(
                ui.app().database(), ui.app().settings(), ui.app().campaigns(), ui.app().sending());
        editor.forecastWith((audience, parts, start) -> forecasts.beforeStart(audience, parts, start).confirmText(m));

        ListView<Campaign> campaigns = new ListView<>(list.campaigns());
        campaigns.setId("campaign-list");
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(m.locale())
                .withZone(ZoneId.systemDefault());
        campaigns.setCellFactory(v -> new CampaignListCell(m, when));
        campaigns.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            // after a save the list reloads the very record the editor holds: keep its "saved" message
            if (b != null && !reverting && !b.equals(editor.campaignProperty().get())) {
                // unsaved edits are never dropped silently: the owner keeps editing, discards or saves
                editor.switchTo(b, shown -> {
                    if (!shown) {
                        // after this change of selection has finished, not inside it
                        Platform.runLater(() -> {
                            reverting = true;
                            try {
                                reselect(campaigns, editor.campaignProperty().get());
                            } finally {
                                reverting = false;
                            }
                        });
                    }
                });
            }
        });
        list.selected().addListener((o, a, b) -> campaigns.getSelectionModel().select(b));

        Button create = new Button(m.get("campaign.new"));
        create.setId("new-campaign");
        create.setOnAction(e -> editor.switchTo(null, shown -> {
            if (shown) {
                campaigns.getSelectionModel().clearSelection();
            }
        }));
        Button duplicate = new Button(m.get("campaign.duplicate"));
        duplicate.setId("duplicate");
        duplicate.disableProperty().bind(campaigns.getSelectionModel().selectedItemProperty().isNull());
        duplicate.setOnAction(e -> list.duplicate(campaigns.getSelectionModel().getSelectedItem()));
        Button cancel = new Button(m.get("campaign.cancel"));
        cancel.setId("cancel-campaign");
        cancel.disableProperty().bind(campaigns.getSelectionModel().selectedItemProperty().isNull());
        cancel.setOnAction(e -> list.cancel(campaigns.getSelectionModel().getSelectedItem()));

        // the rest of the week's story: follow the sending, then read the report
        Button follow = new Button(m.get("dispatch.ui.open.sending"));
        follow.setId("follow-sending");
        follow.disableProperty().bind(Bindings.createBooleanBinding(() -> !programmed(campaigns.getSelectionModel()
                .getSelectedItem()), campaigns.getSelectionModel().selectedItemProperty()));
        follow.setOnAction(e -> NavigationEvent.open(this, "sending", campaigns.getSelectionModel().getSelectedItem().id()));
        Button report = new Button(m.get("dispatch.ui.open.report"));
        report.setId("open-report");
        report.disableProperty().bind(follow.disableProperty());
        report.setOnAction(e -> NavigationEvent.open(this, "report", campaigns.getSelectionModel().getSelectedItem().id()));

        Label title = new Label(m.get("campaign.title"));
        title.getStyleClass().add("title-3");
        follow.setMaxWidth(Double.MAX_VALUE);
        report.setMaxWidth(Double.MAX_VALUE);
        VBox left = new VBox(8, title, new HBox(6, create, duplicate), campaigns, cancel, follow, report);
        VBox.setVgrow(campaigns, Priority.ALWAYS);
        left.setPadding(new Insets(16, 0, 16, 16));
        left.setPrefWidth(250);
        setLeft(left);

        TestSendViewModel testSend = new TestSendViewModel(editor, ui.app().settings(), ui.app()::phoneNumbers,
                ui.app().sending()::sendOneOff, m, ui.executor());
        ScrollPane scroll = new ScrollPane(new CampaignEditorView(editor, testSend, m));
        scroll.setFitToWidth(true);
        setCenter(scroll);
        list.reload(null);
    }

    /** A campaign that was programmed has a sending to follow and a report; a draft has neither. */
    private static boolean programmed(Campaign c) {
        return c != null && c.status() != org.comptoir.campaign.CampaignStatus.DRAFT;
    }

    /** Puts the list's selection back on the campaign the editor still shows (none for a new draft). */
    private static void reselect(ListView<Campaign> campaigns, Campaign shown) {
        if (shown == null || shown.id() == null) {
            campaigns.getSelectionModel().clearSelection();
            return;
        }
        campaigns.getItems().stream().filter(c -> shown.id().equals(c.id())).findFirst()
                .ifPresentOrElse(campaigns.getSelectionModel()::select, campaigns.getSelectionModel()::clearSelection);
    }

    @Override
    public boolean hasUnsavedEdits() {
        return editorModel.hasUnsavedChanges();
    }

    @Override
    public void saveThen(java.util.function.Consumer<Boolean> done) {
        editorModel.saveThen(done);
    }
}
