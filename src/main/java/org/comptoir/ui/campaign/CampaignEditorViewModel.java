package org.comptoir.ui.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.CampaignSettings;
import org.comptoir.campaign.CampaignStatus;
import org.comptoir.campaign.CostEstimate;
import org.comptoir.campaign.ScheduleMode;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.campaign.SenderId;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.schedule.SendingRules;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.ScheduleSettings;
import org.comptoir.settings.Settings;
import org.comptoir.sms.GsmSuggestions;
import org.comptoir.sms.NonGsmChar;
import org.comptoir.ui.DialogService;
import org.comptoir.ui.TaskExecutor;

/**
 * State and commands of the campaign editor. Database work (settings, audience, saving) goes through the
 * {@link TaskExecutor}; the counter ({@link EditorText}) is recomputed on the calling (FX) thread at every keystroke,
 * since the text engine is pure and takes microseconds, and so is the first-send line ({@link EditorSchedule}).
 * Never touches a Node.
 */
public final class CampaignEditorViewModel {

    private final CampaignService service;
    private final Settings settings;
    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    /** Now, and the zone of the date picker and of the first-send line (the computer's). */
    private final Clock clock;

    // Properties: the draft being edited
    private final ObjectProperty<Campaign> campaign = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<CampaignKind> kind = new SimpleObjectProperty<>(CampaignKind.MARKETING);
    private final StringProperty sender = new SimpleStringProperty("");
    private final StringProperty template = new SimpleStringProperty("");
    private final ObjectProperty<String> tag = new SimpleObjectProperty<>(null);
    private final BooleanProperty editable = new SimpleBooleanProperty(true);

    // Properties: what the editor shows
    private final StringProperty senderError = new SimpleStringProperty("");
    private final ObservableList<String> tags = javafx.collections.FXCollections.observableArrayList();
    private final LongProperty recipients = new SimpleLongProperty(-1);
    private final StringProperty cost = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    /** The counter, Unicode help and preview, computed from the text. */
    private final EditorText text;
    /** The schedule choice and the first-send line. */
    private final EditorSchedule when;

    // Loaded in the background
    private String defaultSender = "";
    private double price = 0.045;
    private int parts = 1;
    private int costParts = -1;
    private long audienceGeneration;
    private boolean editing; // edit() sets kind and tag together, then counts the audience once
    /** The content as last shown or saved: the draft has unsaved changes when it differs. */
    private DraftContent baseline;
    private Consumer<Campaign> onSaved = c -> { };
    private Forecaster forecaster;

    /**
     * Before "Programmer" is confirmed: the audience's first send, its reason and the expected duration on the chosen
     * gateway, in words. Blocks (streams the audience): called through the executor.
     */
    @FunctionalInterface
    public interface Forecaster {
        String describe(Audience audience, int parts, Instant start);
    }

    public CampaignEditorViewModel(CampaignService service, Settings settings, Messages messages,
                                   TaskExecutor executor, DialogService dialogs) {
        this(service, settings, messages, executor, dialogs, Clock.systemDefaultZone());
    }

    /** @param clock now, and the zone the chosen date and the first send are read in */
    public CampaignEditorViewModel(CampaignService service, Settings settings, Messages messages,
                                   TaskExecutor executor, DialogService dialogs, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.settings = settings;
        this.messages = messages;
        this.executor = executor;
        this.dialogs = dialogs;
        this.text = new EditorText(messages);
        this.when = new EditorSchedule(clock, messages, kind);
        // whatever stores or loads a campaign (save, schedule, edit) makes it the content to compare with
        campaign.addListener((o, a, b) -> {
            if (b != null) {
                baseline = DraftContent.of(b);
            }
        });
        template.addListener((o, a, b) -> recomputeText());
        kind.addListener((o, a, b) -> {
            recompute();
            if (!editing) {
                refreshAudience();
            }
        });
        tag.addListener((o, a, b) -> {
            if (!editing) {
                refreshAudience();
            }
        });
        sender.addListener((o, a, b) -> validateSender());
        executor.execute(this::loadSettings, loaded -> {
            text.settings(loaded.mention(), loaded.shopName(), loaded.maxParts());
            price = loaded.price();
            defaultSender = loaded.sender();
            if (campaign.get() == null && sender.get().isEmpty()) {
                boolean untouched = !hasUnsavedChanges();
                sender.set(loaded.sender());
                if (untouched) {
                    baseline = content(); // the default sender is not an edit of the owner's
                }
            }
            tags.setAll(loaded.tags());
            when.rules(loaded.rules());
            recompute();
        }, this::fail);
        refreshAudience();
        recompute();
    }

    /** What the owner edits, as on screen; compared with {@link #baseline} to know whether leaving loses anything. */
    private DraftContent content() {
        return DraftContent.typed(name.get(), kind.get(), sender.get(), template.get(), tag.get());
    }

    private record Loaded(String mention, String shopName, int maxParts, double price, String sender,
                          List<String> tags, SendingRules rules) {
    }

    private Loaded loadSettings() {
        return new Loaded(settings.get(CoreSettings.OPTOUT_MENTION), settings.get(CoreSettings.SHOP_NAME),
                settings.getInt(CampaignSettings.MAX_PARTS), settings.getDouble(CampaignSettings.SMS_PRICE),
                settings.get(CampaignSettings.SENDER), service.audience().tags(), ScheduleSettings.sendingRules(settings));
    }

    // Commands

    /** Shows {@code c} (null: a fresh draft). A campaign that is no longer a DRAFT is shown read-only. */
    public void edit(Campaign c) {
        editing = true;
        try {
            show(c);
        } finally {
            editing = false;
        }
        recompute();
        refreshAudience();
    }

    private void show(Campaign c) {
        campaign.set(c);
        name.set(c == null ? "" : c.name());
        kind.set(c == null ? CampaignKind.MARKETING : c.kind());
        sender.set(c == null ? defaultSender : c.sender());
        template.set(c == null ? "" : c.template());
        tag.set(c == null ? null : c.audienceTag());
        when.show(c);
        editable.set(c == null || c.status() == CampaignStatus.DRAFT);
        status.set(c == null ? "" : messages.get("campaign.status." + c.status()));
        baseline = content();
    }

    /** True when the draft on screen differs from what was last shown or saved (a read-only campaign never does). */
    public boolean hasUnsavedChanges() {
        return editable.get() && baseline != null && !baseline.equals(content());
    }

    /** What the owner answers when leaving a draft with unsaved changes. */
    enum Leave { KEEP_EDITING, DISCARD, SAVE }

    /**
     * Shows {@code next} (null: a fresh draft) as {@link #edit} does, but first asks what to do with unsaved changes:
     * keep editing (nothing changes), discard them, or save the draft and then show {@code next}. Call on the FX
     * thread; a save runs on the executor. {@code done} gets whether {@code next} is now shown (false: keep editing,
     * or the save was refused, whose reason is shown), so the list can put its selection back.
     */
    public void switchTo(Campaign next, Consumer<Boolean> done) {
        if (!hasUnsavedChanges()) {
            edit(next);
            done.accept(true);
            return;
        }
        String title = name.get() == null || name.get().isBlank() ? messages.get("campaign.unsaved.untitled")
                : name.get().strip();
        int answer = dialogs.choose(messages.get("campaign.title"), messages.get("campaign.unsaved.confirm", title),
                List.of(messages.get("campaign.unsaved.keep"), messages.get("campaign.unsaved.discard"),
                        messages.get("campaign.unsaved.save")), Leave.KEEP_EDITING.ordinal());
        switch (Leave.values()[answer]) {
            case KEEP_EDITING -> done.accept(false);
            case DISCARD -> {
                edit(next);
                done.accept(true);
            }
            case SAVE -> {
                Campaign draft = currentDraft();
                executor.execute(() -> service.saveDraft(draft), saved -> {
                    edit(next);
                    // the list reloads with the saved draft and keeps the campaign the owner went to selected
                    onSaved.accept(next);
                    done.accept(true);
                }, error -> {
                    fail(error);
                    done.accept(false);
                });
            }
        }
    }

    /** Every non-GSM character of the text replaced by its suggestion (é stays: it is GSM). */
    public void replaceUnicode() {
        template.set(GsmSuggestions.replaceAll(template.get()));
    }

    /** {@link #save}, then {@code done} gets whether it was saved (false: refused, the reason is shown). */
    public void saveThen(Consumer<Boolean> done) {
        Campaign draft = currentDraft();
        executor.execute(() -> service.saveDraft(draft), saved -> {
            campaign.set(saved);
            status.set(messages.get("campaign.saved"));
            onSaved.accept(saved);
            done.accept(true);
        }, error -> {
            fail(error);
            done.accept(false);
        });
    }

    public void save() {
        saveThen(saved -> { });
    }

    public void schedule() {
        ScheduleRequest request;
        try {
            request = when.request();
        } catch (ComptoirException e) {
            fail(e);
            return;
        }
        if (forecaster == null) {
            scheduleNow(request);
            return;
        }
        Instant now = Instant.now(clock);
        Instant start = request.mode() == ScheduleMode.AT && request.at().isAfter(now) ? request.at() : now;
        Audience audience = new Audience(kind.get(), tag.get());
        int worstParts = parts;
        String title = messages.get("campaign.schedule.confirm.title", name.get().isBlank() ? "…" : name.get().strip());
        // the owner sees when it really starts and how long it lasts before committing to it
        executor.execute(() -> forecaster.describe(audience, worstParts, start), words -> {
            if (dialogs.confirm(title, words, messages.get("campaign.schedule.confirm.go"),
                    messages.get("campaign.schedule.confirm.keep"))) {
                scheduleNow(request);
            }
        }, this::fail);
    }

    private void scheduleNow(ScheduleRequest request) {
        Campaign draft = currentDraft();
        // saved first, as its own step: a refused schedule leaves one up-to-date draft, not a new one per click
        executor.execute(() -> service.saveDraft(draft), saved -> {
            campaign.set(saved);
            onSaved.accept(saved);
            executor.execute(() -> service.schedule(saved.id(), request), scheduled -> {
                edit(scheduled);
                status.set(messages.get("campaign.scheduled")); // the first-send line above says when
                onSaved.accept(scheduled);
            }, this::fail);
        }, this::fail);
    }

    /** Asks {@code f} for the forecast shown in the confirmation of "Programmer". */
    public void forecastWith(Forecaster f) {
        this.forecaster = f;
    }

    public void onSaved(Consumer<Campaign> listener) {
        this.onSaved = listener;
    }

    // The counter and everything computed from the text

    private void recompute() {
        recomputeText();
        updateCost(); // the audience or the price may have changed, not only the parts
        when.updateFirstSend();
    }

    /**
     * What a keystroke in the text changes, on the FX thread; kept to a few analyses (docs/performance.md,
     * EditorKeystrokeBenchmark): the first send does not depend on the text, the cost only on the parts.
     */
    private void recomputeText() {
        parts = text.update(kind.get(), template.get(), sender.get());
        if (parts != costParts) {
            updateCost();
        }
    }

    private void updateCost() {
        costParts = parts;
        long n = recipients.get();
        cost.set(n < 0 ? "…" : messages.get("campaign.cost", CostEstimate.of(n, parts, price).formatted(messages.locale()),
                n * parts));
    }

    private void refreshAudience() {
        Audience audience = new Audience(kind.get(), tag.get());
        long generation = ++audienceGeneration;
        recipients.set(-1);
        executor.execute(() -> service.audience().summary(audience), facts -> {
            if (generation != audienceGeneration) {
                return; // the owner changed the audience again meanwhile
            }
            recipients.set(facts.count());
            text.audience(facts.worstCaseFirstNames(), facts.sample().orElse(null));
            when.zoneSamples(facts.zoneSamples());
            recompute();
        }, this::fail);
    }

    private void validateSender() {
        senderError.set(SenderId.validate(sender.get()).map(messages::render).orElse(""));
        recompute();
    }

    Campaign currentDraft() {
        Campaign base = campaign.get();
        if (base == null || base.status() != CampaignStatus.DRAFT) {
            return Campaign.draft(name.get(), kind.get(), template.get(), sender.get(), tag.get());
        }
        return base.withContent(name.get(), kind.get(), template.get(), sender.get(), tag.get());
    }

    private void fail(Throwable error) {
        String text = error instanceof ComptoirException ce ? messages.render(ce.userMessage())
                : messages.get("app.error.unexpected", String.valueOf(error.getMessage()));
        status.set(text);
        dialogs.showError(messages.get("campaign.title"), text);
    }

    // Accessors for the view

    public ObjectProperty<Campaign> campaignProperty() { return campaign; }
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<CampaignKind> kindProperty() { return kind; }
    public StringProperty senderProperty() { return sender; }
    public StringProperty templateProperty() { return template; }
    public ObjectProperty<String> tagProperty() { return tag; }
    public ObjectProperty<ScheduleMode> scheduleModeProperty() { return when.modeProperty(); }
    public ObjectProperty<LocalDate> dateProperty() { return when.dateProperty(); }
    public StringProperty timeProperty() { return when.timeProperty(); }
    public BooleanProperty editableProperty() { return editable; }
    public StringProperty senderErrorProperty() { return senderError; }
    public StringProperty suffixProperty() { return text.suffixProperty(); }
    public StringProperty counterProperty() { return text.counterProperty(); }
    public ObjectProperty<EditorText.Level> levelProperty() { return text.levelProperty(); }
    public BooleanProperty unicodeFromNameProperty() { return text.unicodeFromNameProperty(); }
    public ObservableList<NonGsmChar> nonGsm() { return text.nonGsm(); }
    public ObservableList<String> tags() { return tags; }
    public LongProperty recipientsProperty() { return recipients; }
    public StringProperty costProperty() { return cost; }
    public StringProperty previewProperty() { return text.previewProperty(); }
    /** The preview's text as the SMS parts it is sent in (one for a short message). */
    public ObservableList<EditorText.PreviewPart> previewParts() { return text.previewParts(); }
    public StringProperty previewSenderProperty() { return text.previewSenderProperty(); }
    public StringProperty statusProperty() { return status; }
    /** "Premier envoi : lundi 30 novembre à 08:00 — dimanche interdit"; empty while the audience or date is unknown. */
    public StringProperty firstSendProperty() { return when.firstSendProperty(); }
}
