package org.comptoir.ui.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.ScheduleMode;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.schedule.FirstSend;
import org.comptoir.schedule.SendingRules;
import org.comptoir.schedule.SendingRulesFactory;

/**
 * The campaign editor's schedule: "as soon as possible" or a date and time, read in the computer's zone, and the
 * line saying when the first SMS may really leave and why. Pure computation on the loaded sending rules.
 */
final class EditorSchedule {

    private final Clock clock;
    private final Messages messages;
    private final ObservableValue<CampaignKind> kind;

    private final ObjectProperty<ScheduleMode> mode = new SimpleObjectProperty<>(ScheduleMode.ASAP);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty time = new SimpleStringProperty("10:00");
    private final StringProperty firstSend = new SimpleStringProperty("");

    // Loaded in the background
    private SendingRules rules = SendingRulesFactory.defaults();
    private List<String> zoneSamples = List.of();

    /** @param kind the campaign's kind: its message class decides the sending windows */
    EditorSchedule(Clock clock, Messages messages, ObservableValue<CampaignKind> kind) {
        this.clock = clock;
        this.messages = messages;
        this.kind = kind;
        mode.addListener((o, a, b) -> updateFirstSend());
        date.addListener((o, a, b) -> updateFirstSend());
        time.addListener((o, a, b) -> updateFirstSend());
    }

    void rules(SendingRules loaded) {
        this.rules = loaded;
    }

    /** One number per territory of the audience: the first send is the earliest over them. */
    void zoneSamples(List<String> samples) {
        this.zoneSamples = samples;
    }

    /** Shows {@code c}'s schedule (null: as soon as possible); a date and time only when it has one. */
    void show(Campaign c) {
        mode.set(c == null ? ScheduleMode.ASAP : c.scheduleMode());
        if (c != null && c.scheduledAt() != null && c.scheduleMode() == ScheduleMode.AT) {
            var local = c.scheduledAt().atZone(clock.getZone());
            date.set(local.toLocalDate());
            time.set(local.toLocalTime().withSecond(0).withNano(0).toString());
        }
    }

    ScheduleRequest request() {
        if (mode.get() != ScheduleMode.AT) {
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

    /**
     * When the first SMS may leave and why, for the chosen instant (now for ASAP) over one number per territory
     * of the audience. Pure computation on the loaded rules: runs on the calling thread.
     */
    void updateFirstSend() {
        Instant at;
        try {
            ScheduleRequest request = request();
            at = request.mode() == ScheduleMode.AT ? request.at() : Instant.now(clock);
        } catch (ComptoirException incomplete) {
            firstSend.set(""); // no date or a time being typed: the schedule button says what is missing
            return;
        }
        Instant from = at.isBefore(Instant.now(clock)) ? Instant.now(clock) : at;
        firstSend.set(FirstSend.earliest(rules, kind.getValue().messageClass(), zoneSamples, from)
                .map(f -> f.text(clock.getZone(), messages)).orElse(""));
    }

    ObjectProperty<ScheduleMode> modeProperty() { return mode; }
    ObjectProperty<LocalDate> dateProperty() { return date; }
    StringProperty timeProperty() { return time; }
    StringProperty firstSendProperty() { return firstSend; }
}
