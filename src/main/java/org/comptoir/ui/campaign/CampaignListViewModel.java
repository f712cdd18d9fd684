package org.comptoir.ui.campaign;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignService;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.DialogService;
import org.comptoir.ui.TaskExecutor;

/** The list of campaigns (newest first) and the commands on one of them: duplicate, cancel. */
public final class CampaignListViewModel {

    private final CampaignService service;
    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableList<Campaign> campaigns = FXCollections.observableArrayList();
    private final ObjectProperty<Campaign> selected = new SimpleObjectProperty<>();

    public CampaignListViewModel(CampaignService service, Messages messages, TaskExecutor executor,
                                 DialogService dialogs) {
        this.service = service;
        this.messages = messages;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** Reloads the list, then selects {@code select} (by id) if given. */
    public void reload(Campaign select) {
        executor.execute(service::list, all -> {
            campaigns.setAll(all);
            if (select != null) {
                all.stream().filter(c -> c.id().equals(select.id())).findFirst().ifPresent(selected::set);
            }
        }, this::fail);
    }

    public void duplicate(Campaign source) {
        if (source == null) {
            return;
        }
        String suffix = messages.get("campaign.copy.suffix");
        executor.execute(() -> service.duplicate(source.id(), suffix), this::reload, this::fail);
    }

    public void cancel(Campaign campaign) {
        if (campaign == null || !dialogs.confirm(messages.get("campaign.title"),
                messages.get("campaign.cancel.confirm", campaign.name()),
                messages.get("campaign.cancel"), messages.get("campaign.cancel.keep"))) {
            return;
        }
        executor.execute(() -> service.cancel(campaign.id()), this::reload, this::fail);
    }

    public ObservableList<Campaign> campaigns() {
        return campaigns;
    }

    public ObjectProperty<Campaign> selected() {
        return selected;
    }

    private void fail(Throwable error) {
        dialogs.showError(messages.get("campaign.title"), error instanceof ComptoirException ce
                ? messages.render(ce.userMessage()) : messages.get("app.error.unexpected", error.getMessage()));
    }
}
