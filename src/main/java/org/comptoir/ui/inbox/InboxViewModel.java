package org.comptoir.ui.inbox;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.comptoir.consent.ConsentSms;
import org.comptoir.consent.CounterPoster;
import org.comptoir.consent.DoubleOptIn;
import org.comptoir.consent.Inbox;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.ui.TaskExecutor;

/**
 * The inbox: received SMS with what was done with each; the owner decides on those that wait (treat as STOP, mark
 * read); the counter poster. Every service call runs on the executor; properties change on the FX thread.
 */
public final class InboxViewModel {

    private static final int LIMIT = 500;

    private final ConsentSms sms;
    private final Messages messages;
    private final TaskExecutor executor;
    private final String staff;

    // Properties
    private final ObservableList<Inbox.Entry> entries = FXCollections.observableArrayList();
    private final BooleanProperty waitingOnly = new SimpleBooleanProperty(true);
    private final ObjectProperty<Inbox.Entry> selected = new SimpleObjectProperty<>();
    private final LongProperty waitingCount = new SimpleLongProperty();
    private final LongProperty expiredRequests = new SimpleLongProperty();
    private final StringProperty banner = new SimpleStringProperty("");
    private final BooleanProperty bannerIsError = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public InboxViewModel(ConsentSms sms, Messages messages, TaskExecutor executor, String staff) {
        this.sms = sms;
        this.messages = messages;
        this.executor = executor;
        this.staff = staff;
        waitingOnly.addListener((obs, was, now) -> refresh());
    }

    public ObservableList<Inbox.Entry> entries() { return entries; }

    public BooleanProperty waitingOnlyProperty() { return waitingOnly; }

    public ObjectProperty<Inbox.Entry> selectedProperty() { return selected; }

    public LongProperty waitingCountProperty() { return waitingCount; }

    public LongProperty expiredRequestsProperty() { return expiredRequests; }

    public StringProperty bannerProperty() { return banner; }

    public BooleanProperty bannerIsErrorProperty() { return bannerIsError; }

    public BooleanProperty busyProperty() { return busy; }

    /** What was done with a message, in words. */
    public String handledText(Inbox.Entry e) {
        return messages.get(e.handledAs() == null ? "inbox.handled.none" : "inbox.handled." + e.handledAs());
    }

    // Commands

    /** Acts on messages not handled yet, expires overdue confirmation requests, and reloads the list. */
    public void refresh() {
        boolean onlyWaiting = waitingOnly.get();
        executor.execute(() -> {
            sms.inbox().routeUnhandled();
            sms.doubleOptIn().expireDue();
            return new Loaded(sms.inbox().list(LIMIT, onlyWaiting), sms.inbox().waitingCount(),
                    sms.doubleOptIn().list(DoubleOptIn.Status.EXPIRED).size());
        }, loaded -> {
            entries.setAll(loaded.entries());
            waitingCount.set(loaded.waiting());
            expiredRequests.set(loaded.expired());
        }, this::fail);
    }

    private record Loaded(List<Inbox.Entry> entries, long waiting, long expired) {
    }

    /** The selected reply is a STOP: the opt-out is recorded with it as evidence and confirmed by SMS. */
    public void treatAsStop() {
        decide(true);
    }

    /** The selected reply needs nothing more. */
    public void markRead() {
        decide(false);
    }

    private void decide(boolean stop) {
        Inbox.Entry e = selected.get();
        if (e == null || !e.waiting() || busy.get()) {
            return;
        }
        busy.set(true);
        executor.execute(() -> stop ? sms.inbox().treatAsStop(e.id(), staff) : sms.inbox().markRead(e.id(), staff),
                done -> {
                    busy.set(false);
                    say(messages.get("inbox.ui.decided", e.sender(), handledText(done)), false);
                    refresh();
                }, failure -> {
                    busy.set(false);
                    fail(failure);
                });
    }

    /** Writes the counter poster to {@code file} (chosen by the view). */
    public void savePoster(CounterPoster.Format format, Path file) {
        executor.execute(() -> {
            CounterPoster.Content content = sms.posterContent();
            try (OutputStream out = Files.newOutputStream(file)) {
                CounterPoster.writePng(content, format, out);
            } catch (java.io.IOException ex) {
                throw new ComptoirException(UserMessage.of("inbox.poster.unwritable", file, ex.getMessage()), ex);
            }
            return file;
        }, done -> say(messages.get("inbox.poster.written", format, done), false), this::fail);
    }

    private void say(String text, boolean error) {
        bannerIsError.set(error);
        banner.set(text);
    }

    private void fail(Throwable failure) {
        say(failure instanceof ComptoirException ce ? messages.render(ce.userMessage())
                : messages.get("app.error.unexpected", String.valueOf(failure.getMessage())), true);
    }
}
