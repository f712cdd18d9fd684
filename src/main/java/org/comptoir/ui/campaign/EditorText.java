package org.comptoir.ui.campaign;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.MessageComposer;
import org.comptoir.campaign.Recipient;
import org.comptoir.i18n.Messages;
import org.comptoir.sms.NonGsmChar;
import org.comptoir.sms.SmsAnalysis;
import org.comptoir.sms.SmsText;

/**
 * The campaign editor's counter and everything computed from the typed text: the mandatory mention, the SMS count
 * and its colour, the characters forcing Unicode, the phone preview cut into parts. Pure computation on the FX
 * thread at every keystroke (docs/performance.md, EditorKeystrokeBenchmark); the inputs loaded in the background
 * (settings, the audience's worst-case first names and sample) are handed in by {@link CampaignEditorViewModel}.
 */
public final class EditorText {

    /** Units left before the next part boundary at which the counter turns amber. */
    static final int NEAR_BOUNDARY = 10;

    public enum Level { OK, NEAR, OVER }

    /**
     * One SMS of the preview.
     *
     * @param text    what this part carries
     * @param caption "SMS 1/2 · 153/153 GSM": its place and how full it is
     */
    public record PreviewPart(String text, String caption) {
    }

    private final Messages messages;
    /** Formats built once: a MessageFormat parsed at every keystroke cost more than the whole SMS analysis. */
    private final MessageFormat counterFormat;
    private final MessageFormat partFormat;
    private final String gsmName;
    private final String unicodeName;

    private final StringProperty suffix = new SimpleStringProperty("");
    private final StringProperty counter = new SimpleStringProperty("");
    private final ObjectProperty<Level> level = new SimpleObjectProperty<>(Level.OK);
    private final BooleanProperty unicodeFromName = new SimpleBooleanProperty(false);
    private final ObservableList<NonGsmChar> nonGsm = FXCollections.observableArrayList();
    private final StringProperty preview = new SimpleStringProperty("");
    private final ObservableList<PreviewPart> previewParts = FXCollections.observableArrayList();
    private final StringProperty previewSender = new SimpleStringProperty("");

    // Loaded in the background
    private String mention = "";
    private String shopName = "";
    private int maxParts = 3;
    private List<String> worstNames = List.of();
    private Recipient sample;
    private MessageComposer composer;

    EditorText(Messages messages) {
        this.messages = messages;
        counterFormat = messages.format("campaign.counter");
        partFormat = messages.format("campaign.preview.part");
        gsmName = messages.get("campaign.encoding.GSM7");
        unicodeName = messages.get("campaign.encoding.UCS2");
    }

    /** The shop's settings: the opt-out mention, its name (the preview's sender by default), the parts allowed. */
    void settings(String mention, String shopName, int maxParts) {
        this.mention = mention;
        this.shopName = shopName;
        this.maxParts = maxParts;
    }

    /** The audience's longest first names (the counter's worst case) and one customer for the preview. */
    void audience(List<String> worstNames, Recipient sample) {
        this.worstNames = worstNames;
        this.sample = sample;
    }

    /**
     * Recomputes everything shown from {@code template}, kept to a few analyses: a text whose worst case is GSM-7
     * has no character forcing Unicode, so it is not analysed again.
     *
     * @return the parts of the worst case (at least 1): what the cost counts
     */
    int update(CampaignKind kind, String template, String sender) {
        if (composer == null || composer.kind() != kind || !composer.mention().equals(mention.strip())) {
            composer = new MessageComposer(kind, mention);
        }
        String t = template == null ? "" : template;
        suffix.set(composer.suffix(t).strip());
        String worstText = composer.worstCase(t, worstNames);
        SmsAnalysis worst = SmsText.analyze(worstText);
        int parts = Math.max(1, worst.parts());
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
        String s = sender == null ? "" : sender.strip();
        previewSender.set(!s.isEmpty() ? s : shopName.isEmpty() ? messages.get("campaign.preview.number") : shopName);
        return parts;
    }

    /** The preview cut where the phone network cuts it, each part with its place and size. */
    private void updatePreviewParts(SmsAnalysis analysis) {
        List<String> texts = analysis.partTexts();
        List<PreviewPart> shown = new ArrayList<>(texts.size());
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

    StringProperty suffixProperty() { return suffix; }
    StringProperty counterProperty() { return counter; }
    ObjectProperty<Level> levelProperty() { return level; }
    BooleanProperty unicodeFromNameProperty() { return unicodeFromName; }
    ObservableList<NonGsmChar> nonGsm() { return nonGsm; }
    StringProperty previewProperty() { return preview; }
    ObservableList<PreviewPart> previewParts() { return previewParts; }
    StringProperty previewSenderProperty() { return previewSender; }
}
