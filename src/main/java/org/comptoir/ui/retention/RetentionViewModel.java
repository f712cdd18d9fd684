package org.comptoir.ui.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.comptoir.consent.Retention;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.DialogService;
import org.comptoir.ui.TaskExecutor;

/**
 * The retention rule for the owner: who is past the period now (what an erasure would take), who will be within the
 * next {@link #UPCOMING} and on which day, and the erasure itself after a confirmation that names how many. Every
 * service call runs on the executor; properties change on the FX thread.
 */
public final class RetentionViewModel {

    /** How far ahead the screen shows who will pass the period. */
    public static final Duration UPCOMING = Duration.ofDays(90);

    private final Retention retention;
    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private final String staff;
    private final DateTimeFormatter day;

    // Properties
    private final ObservableList<Retention.Candidate> due = FXCollections.observableArrayList();
    private final ObservableList<Retention.Candidate> upcoming = FXCollections.observableArrayList();
    private final IntegerProperty months = new SimpleIntegerProperty();
    private final ObjectProperty<Instant> threshold = new SimpleObjectProperty<>();
    private final StringProperty banner = new SimpleStringProperty("");
    private final BooleanProperty bannerIsError = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public RetentionViewModel(Retention retention, Messages messages, TaskExecutor executor, DialogService dialogs,
                              Clock clock, String staff) {
        this.retention = retention;
        this.messages = messages;
        this.executor = executor;
        this.dialogs = dialogs;
        this.clock = clock;
        this.staff = staff;
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale())
                .withZone(ZoneId.systemDefault());
    }

    public ObservableList<Retention.Candidate> due() { return due; }

    public ObservableList<Retention.Candidate> upcoming() { return upcoming; }

    public IntegerProperty monthsProperty() { return months; }

    public ObjectProperty<Instant> thresholdProperty() { return threshold; }

    public StringProperty bannerProperty() { return banner; }

    public BooleanProperty bannerIsErrorProperty() { return bannerIsError; }

    public BooleanProperty busyProperty() { return busy; }

    /** A date as the screen shows it (the shop's calendar day). */
    public String day(Instant at) {
        return at == null ? "" : day.format(at);
    }

    /** The day {@code c} passes (or passed) the period. */
    public String dueDay(Retention.Candidate c) {
        return day(retention.dueAt(c.lastInteraction()));
    }

    /** The person's consent status in words. */
    public String status(Retention.Candidate c) {
        return c.status() == null ? messages.get("inbox.retention.ui.status.none")
                : messages.get("consent.status." + c.status().name());
    }

    // Commands

    /** Reloads both lists and the rule. */
    public void refresh() {
        executor.execute(() -> new Loaded(retention.months(), retention.threshold(), retention.due(),
                retention.upcoming(clock.instant().plus(UPCOMING))), loaded -> {
            months.set(loaded.months());
            threshold.set(loaded.threshold());
            due.setAll(loaded.due());
            upcoming.setAll(loaded.upcoming());
        }, this::fail);
    }

    private record Loaded(int months, Instant threshold, List<Retention.Candidate> due,
                          List<Retention.Candidate> upcoming) {
    }

    /**
     * Erases the contacts listed as past the period, after the owner confirmed with a button naming how many; those
     * who came back since the list was loaded are kept (the service checks again). Call on the FX thread.
     */
    public void eraseNow() {
        List<Retention.Candidate> listed = List.copyOf(due);
        if (listed.isEmpty() || busy.get()) {
            return;
        }
        boolean yes = dialogs.confirm(messages.get("inbox.retention.ui.confirm.title"),
                messages.get("inbox.retention.ui.confirm.message", listed.size(), months.get()),
                messages.get("inbox.retention.ui.confirm.yes", listed.size()),
                messages.get("inbox.retention.ui.confirm.no"));
        if (!yes) {
            say(messages.get("inbox.retention.ui.kept"), false);
            return;
        }
        busy.set(true);
        executor.execute(() -> retention.eraseConfirmed(listed, staff), erased -> {
            busy.set(false);
            say(messages.get("inbox.retention.ui.erased", erased, day(clock.instant())), false);
            refresh();
        }, failure -> {
            busy.set(false);
            fail(failure);
        });
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
