package org.comptoir.dispatch;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.phone.RecipientZone;
import org.comptoir.schedule.MessageClass;
import org.comptoir.schedule.SendingRules;
import org.comptoir.schedule.WindowDecision;

/**
 * A small stand-in for the schedule package's rules while they are built elsewhere: Monday to Saturday 08:00–20:00
 * (SERVICE until 22:00) in every zone of the recipient's number, closed on the given holidays (all territories).
 */
final class TestWindows implements SendingRules {

    private final Set<LocalDate> holidays;

    TestWindows(LocalDate... holidays) {
        this.holidays = Set.of(holidays);
    }

    @Override
    public WindowDecision check(MessageClass messageClass, String recipientE164, Instant at) {
        List<ZoneId> zones = RecipientZone.candidates(new PhoneNumber(recipientE164));
        LocalTime close = messageClass == MessageClass.MARKETING ? LocalTime.of(20, 0) : LocalTime.of(22, 0);
        Instant t = at;
        for (int guard = 0; guard < 1000; guard++) {
            Instant candidate = t;
            Instant later = zones.stream().map(z -> openFrom(candidate, z, close)).max(Instant::compareTo).orElseThrow();
            if (later.equals(t)) {
                Instant closes = zones.stream().map(z -> closeOf(candidate, z, close)).min(Instant::compareTo).orElseThrow();
                if (t.equals(at)) {
                    return new WindowDecision(true, at, closes, WindowDecision.Reason.OPEN, "");
                }
                return new WindowDecision(false, t, closes, reason(at, zones.get(0), close), "");
            }
            t = later;
        }
        throw new IllegalStateException("no window");
    }

    private WindowDecision.Reason reason(Instant at, ZoneId zone, LocalTime close) {
        ZonedDateTime local = at.atZone(zone);
        if (local.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return WindowDecision.Reason.SUNDAY;
        }
        if (holidays.contains(local.toLocalDate())) {
            return WindowDecision.Reason.HOLIDAY;
        }
        return WindowDecision.Reason.OUTSIDE_HOURS;
    }

    private boolean openDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    /** The first instant at or after {@code at} that is open in {@code zone}. */
    private Instant openFrom(Instant at, ZoneId zone, LocalTime close) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (openDay(day) && !time.isBefore(LocalTime.of(8, 0)) && time.isBefore(close)) {
            return at;
        }
        LocalDate d = openDay(day) && time.isBefore(LocalTime.of(8, 0)) ? day : day.plusDays(1);
        while (!openDay(d)) {
            d = d.plusDays(1);
        }
        return d.atTime(8, 0).atZone(zone).toInstant();
    }

    private Instant closeOf(Instant at, ZoneId zone, LocalTime close) {
        return at.atZone(zone).toLocalDate().atTime(close).atZone(zone).toInstant();
    }
}
