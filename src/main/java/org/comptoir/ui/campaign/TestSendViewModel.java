package org.comptoir.ui.campaign;

import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.comptoir.campaign.CampaignSettings;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.phone.PhoneParse;
import org.comptoir.settings.Settings;
import org.comptoir.sms.SmsText;
import org.comptoir.ui.TaskExecutor;

/**
 * The editor's test send: the message exactly as the preview's recipient gets it (mention included, the campaign's
 * sender) to the owner's own number, through the gateway chosen in the settings, whose route caps count it like any
 * other one-off. The number is remembered in {@link CampaignSettings#TEST_NUMBER}. Never touches a Node; the send
 * runs on the executor.
 */
public final class TestSendViewModel {

    /** One message through the held gateway, its caps first: {@code GatewayOwner::sendOneOff}. Blocks; may throw. */
    @FunctionalInterface
    public interface OneOffSender {
        SendResult send(OutgoingSms sms);
    }

    private final Settings settings;
    private final Supplier<PhoneNumbers> phones;
    private final OneOffSender sender;
    private final Messages messages;
    private final TaskExecutor executor;
    private final CampaignEditorViewModel editor;

    private final StringProperty number = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final BooleanProperty sending = new SimpleBooleanProperty(false);

    /** @param phones reads numbers for the shop's country (settings: {@code shop.country}); called in the background */
    public TestSendViewModel(CampaignEditorViewModel editor, Settings settings, Supplier<PhoneNumbers> phones,
                             OneOffSender sender, Messages messages, TaskExecutor executor) {
        this.editor = editor;
        this.settings = settings;
        this.phones = phones;
        this.sender = sender;
        this.messages = messages;
        this.executor = executor;
        executor.execute(() -> settings.get(CampaignSettings.TEST_NUMBER), stored -> {
            if (number.get().isBlank()) {
                number.set(stored);
            }
        }, error -> result.set(describe(error)));
    }

    /**
     * Sends the preview's text to {@link #numberProperty()}; the outcome, in the owner's language, lands in
     * {@link #resultProperty()}. Refuses at once (nothing sent, nothing stored) an empty text, an invalid sender or a
     * number that is not a mobile. Call on the FX thread; returns at once.
     */
    public void send() {
        String text = editor.previewProperty().get();
        if (editor.templateProperty().get() == null || editor.templateProperty().get().isBlank()) {
            result.set(messages.get("campaign.test.empty"));
            return;
        }
        if (!editor.senderErrorProperty().get().isEmpty()) {
            result.set(editor.senderErrorProperty().get());
            return;
        }
        String typed = number.get();
        String from = editor.senderProperty().get();
        sending.set(true);
        result.set(messages.get("campaign.test.sending"));
        executor.execute(() -> {
            PhoneParse parsed = phones.get().parseMobile(typed);
            if (parsed instanceof PhoneParse.Invalid invalid) {
                throw new ComptoirException(invalid.reason());
            }
            String e164 = ((PhoneParse.Valid) parsed).number().e164();
            settings.set(CampaignSettings.TEST_NUMBER, e164); // remembered only once it is a real mobile
            SendResult r = sender.send(new OutgoingSms("test-" + UUID.randomUUID(), e164, text, false, null, from));
            return new Outcome(e164, SmsText.analyze(text).parts(), r);
        }, outcome -> {
            sending.set(false);
            number.set(outcome.to());
            result.set(describe(outcome));
        }, error -> {
            sending.set(false);
            result.set(describe(error));
        });
    }

    private record Outcome(String to, int parts, SendResult result) {
    }

    private String describe(Outcome o) {
        if (o.result() instanceof SendResult.Failed f) {
            return messages.get("campaign.test.failed", messages.render(f.error().message()));
        }
        if (o.result() instanceof SendResult.Unknown u) {
            return messages.get("campaign.test.unknown", u.why());
        }
        return messages.get("campaign.test.sent", o.to(), o.parts());
    }

    private String describe(Throwable error) {
        String why = error instanceof ComptoirException ce ? messages.render(ce.userMessage())
                : messages.get("app.error.unexpected", String.valueOf(error.getMessage()));
        return messages.get("campaign.test.failed", why);
    }

    // Accessors for the view

    /** The owner's number as typed; the stored E.164 once a test left. */
    public StringProperty numberProperty() { return number; }
    /** What became of the last test, or why it did not leave; empty before the first. */
    public StringProperty resultProperty() { return result; }
    /** True while a test is on its way (the button waits). */
    public BooleanProperty sendingProperty() { return sending; }
}
