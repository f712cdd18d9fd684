package org.comptoir.ui.sending;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignStatus;
import org.comptoir.dispatch.CampaignProgressQuery;
import org.comptoir.dispatch.OutboxReport;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.schedule.WindowText;
import org.comptoir.ui.DialogService;
import org.comptoir.ui.TaskExecutor;

/**
 * The sending screen's state: one campaign's progress, counts, time left at the gateway's pace, why it waits, the
 * gateway's state, and the owner's pause / resume / cancel. {@link #refresh} reads everything through the executor
 * (the view calls it on a timer); a refresh still running is not doubled. Never touches a Node.
 */
public final class SendingViewModel {

    private final SendingServices services;
    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    // Properties
    private final ObservableList<Campaign> campaigns = FXCollections.observableArrayList();
    private final ObjectProperty<Campaign> selected = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final LongProperty total = new SimpleLongProperty(0);
    private final LongProperty sent = new SimpleLongProperty(0);
    private final LongProperty delivered = new SimpleLongProperty(0);
    private final LongProperty failed = new SimpleLongProperty(0);
    private final LongProperty skipped = new SimpleLongProperty(0);
    private final LongProperty remaining = new SimpleLongProperty(0);
    private final LongProperty unknown = new SimpleLongProperty(0);
    private final StringProperty state = new SimpleStringProperty("");
    private final StringProperty timeLeft = new SimpleStringProperty("");
    private final StringProperty gateway = new SimpleStringProperty("");
    private final BooleanProperty canPause = new SimpleBooleanProperty(false);
    private final BooleanProperty canResume = new SimpleBooleanProperty(false);
    private final BooleanProperty canCancel = new SimpleBooleanProperty(false);

    private boolean refreshing;
    private Long watching;
    /** The campaign asked for (by the owner's choice or a link), kept across reloads that finish out of order. */
    private Long preferred;
    private CampaignStatus lastStatus;
    private Consumer<String> onFinished = text -> { };

    public SendingViewModel(SendingServices services, Messages messages, TaskExecutor executor, DialogService dialogs) {
        this.services = services;
        this.messages = messages;
        this.executor = executor;
        this.dialogs = dialogs;
        selected.addListener((o, a, b) -> {
            watching = b == null ? null : b.id();
            preferred = b == null ? preferred : b.id();
            lastStatus = null;
            refresh();
        });
    }

    // Commands

    /**
     * Reloads the campaigns that were programmed (drafts have nothing to follow), then selects {@code campaignId} or,
     * when null, keeps the selection or takes the one sending now, else the newest.
     */
    public void reload(Long campaignId) {
        if (campaignId != null) {
            preferred = campaignId;
        }
        executor.execute(() -> services.campaigns().list().stream().filter(c -> c.status() != CampaignStatus.DRAFT).toList(),
                all -> {
                    Long keep = preferred;
                    campaigns.setAll(all);
                    Optional<Campaign> pick = all.stream().filter(c -> c.id().equals(keep)).findFirst()
                            .or(() -> all.stream().filter(c -> c.status() == CampaignStatus.SENDING
                                    || c.status() == CampaignStatus.PAUSED).findFirst())
                            .or(() -> all.stream().findFirst());
                    selected.set(pick.orElse(null));
                    if (pick.isEmpty()) {
                        state.set(messages.get("dispatch.ui.none"));
                    }
                    refresh(); // the same campaign again fires no change: its new state still shows
                }, this::fail);
    }

    private record Snapshot(long id, Campaign campaign, OutboxReport.Summary summary, CampaignProgressQuery.Plan plan,
                            Optional<String> waitingWhy, String gateway, Instant now) {
    }

    /** Reads the selected campaign's progress and the gateway's state in the background, then shows them. */
    public void refresh() {
        Long id = watching;
        if (id == null || refreshing) {
            return;
        }
        refreshing = true;
        executor.execute(() -> {
            Instant now = services.clock().instant();
            OutboxReport.Summary summary = services.report().of(id).orElse(null);
            if (summary == null) {
                return null;
            }
            CampaignStatus status = CampaignStatus.valueOf(summary.status());
            CampaignProgressQuery.Plan plan = status == CampaignStatus.SENDING || status == CampaignStatus.PAUSED
                    ? services.query().remaining(id, now) : null;
            Optional<String> why = status == CampaignStatus.SENDING ? services.query().waitingReason(id, now, messages)
                    : Optional.empty();
            return new Snapshot(id, services.campaigns().load(id).orElse(null), summary, plan, why, services.gatewayWords().call(), now);
        }, snapshot -> {
            refreshing = false;
            if (snapshot != null && watching != null && watching == snapshot.id()) {
                show(snapshot);
            }
        }, error -> {
            refreshing = false;
            fail(error);
        });
    }

    private void show(Snapshot s) {
        Map<String, Long> n = s.summary().counts();
        long left = n.get("QUEUED") + n.get("SENDING");
        total.set(s.summary().total());
        sent.set(n.get("SENT") + n.get("DELIVERED"));
        delivered.set(n.get("DELIVERED"));
        failed.set(n.get("FAILED"));
        skipped.set(n.get("SKIPPED"));
        unknown.set(n.get("UNKNOWN"));
        remaining.set(left);
        progress.set(s.summary().total() == 0 ? 0 : (double) (s.summary().total() - left) / s.summary().total());
        gateway.set(s.gateway());
        CampaignStatus status = CampaignStatus.valueOf(s.summary().status());
        canPause.set(status == CampaignStatus.SENDING);
        canResume.set(status == CampaignStatus.PAUSED);
        canCancel.set(status == CampaignStatus.SENDING || status == CampaignStatus.PAUSED
                || status == CampaignStatus.SCHEDULED);
        state.set(stateWords(s, status));
        timeLeft.set(s.plan() == null || left == 0 ? "" : s.plan().timeLeftText(messages));
        if (status == CampaignStatus.DONE && (lastStatus == CampaignStatus.SENDING || lastStatus == CampaignStatus.PAUSED)) {
            onFinished.accept(messages.get("dispatch.ui.finished", s.summary().name(), sent.get(), failed.get(),
                    skipped.get(), unknown.get()));
        }
        lastStatus = status;
        Campaign shown = selected.get();
        if (shown != null && shown.id() == s.id() && shown.status() != status) {
            reload(null); // the chooser names each campaign with its status: keep it true
        }
    }

    private String stateWords(Snapshot s, CampaignStatus status) {
        OutboxReport.Summary summary = s.summary();
        return switch (status) {
            case SENDING -> summary.waitingUntil() != null && summary.waitingUntil().isAfter(s.now())
                    ? messages.get("dispatch.ui.waiting", WindowText.when(summary.waitingUntil(),
                            services.query().shopZone(), messages), s.waitingWhy().orElse(""))
                    : messages.get("dispatch.ui.sending");
            case PAUSED -> messages.get("dispatch.ui.paused");
            case SCHEDULED -> s.campaign() != null && s.campaign().scheduledAt() != null
                    ? messages.get("dispatch.ui.scheduled", WindowText.when(s.campaign().scheduledAt(),
                            services.query().shopZone(), messages))
                    : messages.get("campaign.status.SCHEDULED");
            default -> messages.get("campaign.status." + status.name());
        };
    }

    public void pause() {
        act(services.control()::pause);
    }

    public void resume() {
        act(services.control()::resume);
    }

    /** Cancels after a confirmation whose buttons say what they do; what already left stays sent. */
    public void cancel() {
        Campaign c = selected.get();
        if (c == null || !dialogs.confirm(messages.get("dispatch.ui.cancel.title"),
                messages.get("dispatch.ui.cancel.confirm", c.name(), remaining.get()),
                messages.get("campaign.cancel"), messages.get("campaign.cancel.keep"))) {
            return;
        }
        act(services.control()::cancel);
    }

    private void act(java.util.function.LongConsumer action) {
        Long id = watching;
        if (id == null) {
            return;
        }
        executor.execute(() -> {
            action.accept(id);
            return id;
        }, done -> reload(done), this::fail);
    }

    /** Told, on the FX thread, when the campaign being watched has just finished (the words of the notification). */
    public void onFinished(Consumer<String> listener) {
        this.onFinished = listener;
    }

    private void fail(Throwable error) {
        dialogs.showError(messages.get("dispatch.ui.title"), error instanceof ComptoirException ce
                ? messages.render(ce.userMessage()) : messages.get("app.error.unexpected", String.valueOf(error.getMessage())));
    }

    // Accessors for the view

    public ObservableList<Campaign> campaigns() { return campaigns; }
    public ObjectProperty<Campaign> selectedProperty() { return selected; }
    public DoubleProperty progressProperty() { return progress; }
    public LongProperty totalProperty() { return total; }
    public LongProperty sentProperty() { return sent; }
    public LongProperty deliveredProperty() { return delivered; }
    public LongProperty failedProperty() { return failed; }
    public LongProperty skippedProperty() { return skipped; }
    public LongProperty remainingProperty() { return remaining; }
    public LongProperty unknownProperty() { return unknown; }
    /** "Envoi en cours", "En pause jusqu'à lundi 30 novembre à 08:00 — dimanche interdit"... */
    public StringProperty stateProperty() { return state; }
    public StringProperty timeLeftProperty() { return timeLeft; }
    public StringProperty gatewayProperty() { return gateway; }
    public BooleanProperty canPauseProperty() { return canPause; }
    public BooleanProperty canResumeProperty() { return canResume; }
    public BooleanProperty canCancelProperty() { return canCancel; }
}
