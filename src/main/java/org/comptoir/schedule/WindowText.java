package org.comptoir.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.comptoir.i18n.Messages;

/**
 * A {@link WindowDecision} in words for the editor and the command line: "Premier envoi : lundi 30 novembre à
 * 08:00 — dimanche interdit". Pure; instants are shown on the clock of the zone the caller gives (the shop's).
 */
public final class WindowText {

    private WindowText() {
    }

    /** When the first message leaves and, when it is not at once, why. */
    public static String firstSend(WindowDecision decision, ZoneId zone, Messages messages) {
        return firstSend(decision, zone, zone, messages);
    }

    /**
     * The same, adding the recipient's own time ("13:00, 08:00 chez le destinataire") when their clock shows
     * another hour than {@code zone}'s: a Martinique customer reached at 23:19 in Paris is reached at 18:19.
     */
    public static String firstSend(WindowDecision decision, ZoneId zone, ZoneId recipientZone, Messages messages) {
        String when = when(decision.nextAllowed(), zone, messages);
        if (!time(decision.nextAllowed(), zone).equals(time(decision.nextAllowed(), recipientZone))) {
            when = messages.get("schedule.recipient.time", when, time(decision.nextAllowed(), recipientZone));
        }
        if (decision.allowed()) {
            return messages.get("schedule.first.send.open", when, time(decision.closesAt(), zone));
        }
        return messages.get("schedule.first.send.held", when, reason(decision, messages));
    }

    /** Why the window is closed ("dimanche interdit", "Lundi de Pentecôte, jour férié"); empty when open. */
    public static String reason(WindowDecision decision, Messages messages) {
        return switch (decision.reason()) {
            case OPEN -> "";
            case SUNDAY -> messages.get("schedule.reason.sunday");
            case HOLIDAY -> messages.get("schedule.reason.holiday", HolidayNames.in(messages, decision.detail()));
            case CLOSED_DAY -> messages.get("schedule.reason.closed.day");
            case OUTSIDE_HOURS -> decision.detail().isEmpty() ? messages.get("schedule.reason.hours.plain")
                    : messages.get("schedule.reason.hours", decision.detail());
        };
    }

    /** "lundi 30 novembre à 08:00" in the messages' language, on {@code zone}'s clock. */
    public static String when(Instant instant, ZoneId zone, Messages messages) {
        ZonedDateTime local = instant.atZone(zone);
        String day = DateTimeFormatter.ofPattern(messages.get("schedule.date.pattern"), messages.locale()).format(local);
        return messages.get("schedule.date.at", day, time(instant, zone));
    }

    private static String time(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(zone));
    }
}
