package org.comptoir.ui.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.CampaignSettings;
import org.comptoir.campaign.CampaignStatus;
import org.comptoir.campaign.CostEstimate;
import org.comptoir.campaign.MessageComposer;
import org.comptoir.campaign.Recipient;
import org.comptoir.campaign.ScheduleMode;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.campaign.SenderId;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.schedule.FirstSend;
import org.comptoir.schedule.SendingRules;
import org.comptoir.schedule.SendingRulesFactory;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.ScheduleSettings;
import org.comptoir.settings.Settings;
import org.comptoir.sms.GsmSuggestions;
import org.comptoir.sms.NonGsmChar;
import org.comptoir.sms.SmsAnalysis;
import org.comptoir.sms.SmsText;
import org.comptoir.ui.DialogService;
import org.comptoir.ui.TaskExecutor;

/**
 * State and commands of the campaign editor. Database work (settings, audience, saving) goes through the
 * {@link TaskExecutor}; the counter is recomputed on the calling (FX) thread at every keystroke, since the
 * text engine is pure and takes microseconds. Never touches a Node.
 */
public final class CampaignEditorViewModel {

    /** Units left before the next part boundary at which the counter turns amber. */
    static final int NEAR_BOUNDARY = 10;

    public enum Level { OK, NEAR, OVER }

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
    private final ObjectProperty<ScheduleMode> scheduleMode = new SimpleObjectProperty<>(ScheduleMode.ASAP);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty time = new SimpleStringProperty("10:00");
    private final BooleanProperty editable = new SimpleBooleanProperty(true);

    // Properties: what the editor shows
    private final StringProperty senderError = new SimpleStringProperty("");
    private final StringProperty suffix = new SimpleStringProperty("");
    private final StringProperty counter = new SimpleStringProperty("");
    private final ObjectProperty<Level> level = new SimpleObjectProperty<>(Level.OK);
    private final BooleanProperty unicodeFromName = new SimpleBooleanProperty(false);
    private final ObservableList<NonGsmChar> nonGsm = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final LongProperty recipients = new SimpleLongProperty(-1);
    private final StringProperty cost = new SimpleStringProperty("");
    private final StringProperty preview = new SimpleStringProperty("");
    private final ObservableList<PreviewPart> previewParts = FXCollections.observableArrayList();
    private final StringProperty previewSender = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty firstSend = new SimpleStringProperty("");

    // Loaded in the background
    private String mention = "";
    private String shopName = "";
    private String defaultSender = "";
    private int maxParts = 3;
    private double price = 0.045;
    private List<String> worstNames = List.of();
    private List<String> zoneSamples = List.of();
    private SendingRules rules = SendingRulesFactory.defaults();
    private Recipient sample;
    private int parts = 1;
    private int costParts = -1;
    private MessageComposer composer;
    /** Formats built once: a MessageFormat parsed at every keystroke cost more than the whole SMS analysis. */
    private final java.text.MessageFormat counterFormat;
    private final java.text.MessageFormat partFormat;
    private final String gsmName;
    private final String unicodeName;
    private long audienceGeneration;
    private boolean editing; // edit() sets kind and tag together, then counts the audience once
    /** The content as last shown or saved: the draft has unsaved changes when it differs. */
    private Content baseline;
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
        counterFormat = messages.format("campaign.counter");
        partFormat = messages.format("campaign.preview.part");
        gsmName = messages.get("campaign.encoding.GSM7");
        unicodeName = messages.get("campaign.encoding.UCS2");
        // whatever stores or loads a campaign (save, schedule, edit) makes it the content to compare with
        campaign.addListener((o, a, b) -> {
            if (b != null) {
                baseline = contentOf(b);
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
        scheduleMode.addListener((o, a, b) -> updateFirstSend());
        date.addListener((o, a, b) -> updateFirstSend());
        time.addListener((o, a, b) -> updateFirstSend());
        executor.execute(this::loadSettings, loaded -> {
            mention = loaded.mention();
            shopName = loaded.shopName();
            maxParts = loaded.maxParts();
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
            rules = loaded.rules();
            recompute();
        }, this::fail);
        refreshAudience();
        recompute();
    }

    /** What the owner edits; compared with {@link #baseline} to know whether leaving loses anything. */
    private record Content(String name, CampaignKind kind, String sender, String template, String tag) {
    }

    /** Normalised as {@link Campaign} stores it, so a saved draft equals what was on screen. */
    private Content content() {
        return new Content(blankless(name.get()).strip(), kind.get(), blankless(sender.get()).strip(),
                blankless(template.get()), tag.get() == null || tag.get().isBlank() ? null : tag.get().strip());
    }

    private static Content contentOf(Campaign c) {
        return new Content(c.name().strip(), c.kind(), c.sender(), blankless(c.template()), c.audienceTag());
    }

    private static String blankless(String s) {
        return s == null ? "" : s;
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
        scheduleMode.set(c == null ? ScheduleMode.ASAP : c.scheduleMode());
        if (c != null && c.scheduledAt() != null && c.scheduleMode() == ScheduleMode.AT) {
            var local = c.scheduledAt().atZone(clock.getZone());
            date.set(local.toLocalDate());
            time.set(local.toLocalTime().withSecond(0).withNano(0).toString());
        }
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
        Campaign draft = currentDraft();
        executor.execute(() -> service.saveDraft(draft), saved -> {
            campaign.set(saved);
            status.set(messages.get("campaign.saved"));
            onSaved.accept(saved);
        }, this::fail);
    }

    public void schedule() {
        ScheduleRequest request;
        try {
            request = scheduleRequest();
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
        updateFirstSend();
    }

    /**
     * What a keystroke in the text changes, on the FX thread; kept to a few analyses (docs/performance.md,
     * EditorKeystrokeBenchmark): the first send does not depend on the text, the cost only on the parts, and a text
     * whose worst case is GSM-7 has no character forcing Unicode, so it is not analysed again.
     */
    private void recomputeText() {
        if (composer == null || composer.kind() != kind.get() || !composer.mention().equals(mention.strip())) {
            composer = new MessageComposer(kind.get(), mention);
        }
        String t = template.get() == null ? "" : template.get();
        suffix.set(composer.suffix(t).strip());
        String worstText = composer.worstCase(t, worstNames);
        SmsAnalysis worst = SmsText.analyze(worstText);
        parts = Math.max(1, worst.parts());
        int capacity = parts == 1 ? worst.encoding().singleLimit() : parts * worst.encoding().partLimit();
        counter.set(counterFormat.format(new Object[] {worst.units(), capacity, parts,
            worst.isUnicode() ? unicodeName : gsmName}));
        level.set(parts > maxParts ? Level.OVER : worst.remaining() <= NEAR_BOUNDARY ? Level.NEAR : Level.OK);
        // a GSM-7 worst case holds every typed character: none forces Unicode
        List<NonGsmChar> typedNonGsm = worst.isUnicode() ? SmsText.analyze(t).nonGsm() : List.of();
        if (!typedNonGsm.equals(nonGsm)) {
            nonGsm.setAll(typedNonGsm);
        }
        unicodeFromName.set(worst.isUnicode() && typedNonGsm.isEmpty()
                && !SmsText.analyze(composer.render(t, (String) null)).isUnicode());
        String previewText = composer.render(t, sample);
        preview.set(previewText);
        updatePreviewParts(previewText.equals(worstText) ? worst : SmsText.analyze(previewText));
        String s = sender.get() == null ? "" : sender.get().strip();
        previewSender.set(!s.isEmpty() ? s : shopName.isEmpty() ? messages.get("campaign.preview.number") : shopName);
        if (parts != costParts) {
            updateCost();
        }
    }

    /** The preview cut where the phone network cuts it, each part with its place and size. */
    private void updatePreviewParts(SmsAnalysis analysis) {
        List<String> texts = analysis.partTexts();
        List<PreviewPart> shown = new java.util.ArrayList<>(texts.size());
        int limit = texts.size() <= 1 ? analysis.encoding().singleLimit() : analysis.encoding().partLimit();
        for (int k = 0; k < texts.size(); k++) {
            int units = SmsText.unitsOf(texts.get(k), analysis.encoding());
            shown.add(new PreviewPart(texts.get(k), partFormat.format(new Object[] {k + 1, texts.size(), units, limit,
                analysis.isUnicode() ? unicodeName : gsmName})));
        }
        if (!shown.equals(previewParts)) {
            previewParts.setAll(shown);
        }
    }

    /**
     * One SMS of the preview.
     *
     * @param text    what this part carries
     * @param caption "SMS 1/2 · 153/153 GSM": its place and how full it is
     */
    public record PreviewPart(String text, String caption) {
    }

    /**
     * When the first SMS may leave and why, for the chosen instant (now for ASAP) over one number per territory
     * of the audience. Pure computation on the loaded rules: runs on the calling thread.
     */
    private void updateFirstSend() {
        Instant at;
        try {
            ScheduleRequest request = scheduleRequest();
            at = request.mode() == ScheduleMode.AT ? request.at() : Instant.now(clock);
        } catch (ComptoirException incomplete) {
            firstSend.set(""); // no date or a time being typed: the schedule button says what is missing
            return;
        }
        Instant from = at.isBefore(Instant.now(clock)) ? Instant.now(clock) : at;
        firstSend.set(FirstSend.earliest(rules, kind.get().messageClass(), zoneSamples, from)
                .map(f -> f.text(clock.getZone(), messages)).orElse(""));
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
            worstNames = facts.worstCaseFirstNames();
            sample = facts.sample().orElse(null);
            zoneSamples = facts.zoneSamples();
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

    ScheduleRequest scheduleRequest() {
        if (scheduleMode.get() != ScheduleMode.AT) {
            return ScheduleRequest.asap();
        }
        if (date.get() == null) {
            throw new ComptoirException(UserMessage.of("campaign.error.date"));
        }
        try {
            LocalTime at = LocalTime.parse(time.get().strip().replace('h', ':'));
            Instant instant = date.get().atTime(at).atZone(clock.getZone()).toInstant();
            return ScheduleRequest.at(instant);
        } catch (DateTimeParseException e) {
            throw new ComptoirException(UserMessage.of("campaign.error.time", time.get()));
        }
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
    public ObjectProperty<ScheduleMode> scheduleModeProperty() { return scheduleMode; }
    public ObjectProperty<LocalDate> dateProperty() { return date; }
    public StringProperty timeProperty() { return time; }
    public BooleanProperty editableProperty() { return editable; }
    public StringProperty senderErrorProperty() { return senderError; }
    public StringProperty suffixProperty() { return suffix; }
    public StringProperty counterProperty() { return counter; }
    public ObjectProperty<Level> levelProperty() { return level; }
    public BooleanProperty unicodeFromNameProperty() { return unicodeFromName; }
    public ObservableList<NonGsmChar> nonGsm() { return nonGsm; }
    public ObservableList<String> tags() { return tags; }
    public LongProperty recipientsProperty() { return recipients; }
    public StringProperty costProperty() { return cost; }
    public StringProperty previewProperty() { return preview; }
    /** The preview's text as the SMS parts it is sent in (one for a short message). */
    public ObservableList<PreviewPart> previewParts() { return previewParts; }
    public StringProperty previewSenderProperty() { return previewSender; }
    public StringProperty statusProperty() { return status; }
    /** "Premier envoi : lundi 30 novembre à 08:00 — dimanche interdit"; empty while the audience or date is unknown. */
    public StringProperty firstSendProperty() { return firstSend; }
}
