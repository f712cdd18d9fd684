package org.comptoir.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.comptoir.phone.PhoneNumber;

/**
 * {@link SendingRules} from a {@link WindowPreset}: the window of the message's class in every territory the
 * recipient's number may be in ({@link Territories}), with that territory's public holidays. Allowed only when
 * every candidate allows; the next allowed instant is the first one inside a stretch of every candidate.
 *
 * <p>Pure and thread-safe; holidays are computed once per calendar and year and kept.
 */
public final class WindowRules implements SendingRules {

    /** Longest run of closed days searched before giving up (a window with no open day is refused earlier). */
    private static final int MAX_DAYS = 400;
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final WindowPreset preset;
    private final boolean alsaceMoselle;

    /**
     * @param alsaceMoselle mainland numbers also get Good Friday and 26 December (the shop is in Bas-Rhin,
     *                      Haut-Rhin or Moselle: its customers mostly live there, and a number does not tell)
     */
    public WindowRules(WindowPreset preset, boolean alsaceMoselle) {
        this.preset = Objects.requireNonNull(preset, "preset");
        this.alsaceMoselle = alsaceMoselle;
    }

    public WindowPreset preset() {
        return preset;
    }

    public boolean alsaceMoselle() {
        return alsaceMoselle;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Any thread; does not block (the first check of a year loads that year's holidays from jollyday's
     * bundled data, a few milliseconds).
     *
     * @throws IllegalArgumentException when {@code recipientE164} is not an E.164 number
     */
    @Override
    public WindowDecision check(MessageClass messageClass, String recipientE164, Instant at) {
        Objects.requireNonNull(messageClass, "messageClass");
        Objects.requireNonNull(at, "at");
        return check(preset.window(messageClass), territories(recipientE164), at);
    }

    /** The territories the window is judged in for this number, most likely first (for display). */
    public List<Territory> territories(String recipientE164) {
        return Territories.of(new PhoneNumber(recipientE164), alsaceMoselle);
    }

    static WindowDecision check(Window window, List<Territory> territories, Instant at) {
        Instant from = at;
        for (int round = 0; round < MAX_DAYS * territories.size() + 1; round++) {
            Instant latestOpen = from;
            Instant earliestClose = Instant.MAX;
            for (Territory t : territories) {
                Stretch s = stretchEndingAfter(window, t, from);
                if (s.opens().isAfter(latestOpen)) {
                    latestOpen = s.opens();
                }
                if (s.closes().isBefore(earliestClose)) {
                    earliestClose = s.closes();
                }
            }
            if (latestOpen.isBefore(earliestClose)) {
                if (latestOpen.equals(at)) {
                    return new WindowDecision(true, at, earliestClose, WindowDecision.Reason.OPEN, "");
                }
                return closed(window, territories, at, latestOpen, earliestClose);
            }
            // the stretches do not overlap yet: move to where the latest one opens and look again
            from = latestOpen.isAfter(from) ? latestOpen : earliestClose;
        }
        throw new IllegalStateException("no common sending window within " + MAX_DAYS + " days");
    }

    private static WindowDecision closed(Window window, List<Territory> territories, Instant at,
                                         Instant next, Instant closes) {
        for (Territory t : territories) {
            ZonedDateTime local = at.atZone(t.zone());
            LocalDate day = local.toLocalDate();
            Optional<String> holiday = window.closedOnHolidays() ? Holidays.on(t, day) : Optional.empty();
            boolean dayOpen = window.days().contains(day.getDayOfWeek());
            if (!dayOpen && day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                return new WindowDecision(false, next, closes, WindowDecision.Reason.SUNDAY, "");
            }
            if (holiday.isPresent()) {
                return new WindowDecision(false, next, closes, WindowDecision.Reason.HOLIDAY,
                        HolidayNames.french(holiday.get()));
            }
            if (!dayOpen) {
                return new WindowDecision(false, next, closes, WindowDecision.Reason.CLOSED_DAY, "");
            }
            Stretch today = stretchOf(window, t, day);
            if (today == null || at.isBefore(today.opens()) || !at.isBefore(today.closes())) {
                return new WindowDecision(false, next, closes, WindowDecision.Reason.OUTSIDE_HOURS,
                        HOURS.format(window.opens()) + "–" + HOURS.format(window.closes()));
            }
        }
        // every candidate is open at `at` on its own, yet they share no instant there (cannot happen: kept
        // for safety, the answer stays closed)
        return new WindowDecision(false, next, closes, WindowDecision.Reason.OUTSIDE_HOURS,
                HOURS.format(window.opens()) + "–" + HOURS.format(window.closes()));
    }

    private record Stretch(Instant opens, Instant closes) {
    }

    /** The first stretch in {@code t} that ends after {@code from} (it may already be open). */
    private static Stretch stretchEndingAfter(Window window, Territory t, Instant from) {
        LocalDate day = from.atZone(t.zone()).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!window.days().contains(day.getDayOfWeek())
                    || window.closedOnHolidays() && Holidays.on(t, day).isPresent()) {
                continue;
            }
            Stretch s = stretchOf(window, t, day);
            if (s != null && s.closes().isAfter(from)) {
                return s;
            }
        }
        throw new IllegalStateException("no open day within " + MAX_DAYS + " days in " + t);
    }

    /** The opening hours of {@code day} as instants, or null when a clock change swallows them all. */
    private static Stretch stretchOf(Window window, Territory t, LocalDate day) {
        Instant opens = firstAtOrAfter(day.atTime(window.opens()), t.zone());
        Instant closes = firstAtOrAfter(day.atTime(window.closes()), t.zone());
        return opens.isBefore(closes) ? new Stretch(opens, closes) : null;
    }

    /**
     * The first instant the wall clock in {@code zone} shows {@code local} or later: in a spring-forward gap,
     * the instant of the jump; in an autumn overlap, the first time the clock shows it.
     */
    static Instant firstAtOrAfter(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).toInstant(); // overlap: ZonedDateTime takes the earlier offset
    }
}
