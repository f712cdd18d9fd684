package org.comptoir.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.Random;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.Settings;

/**
 * How hard the USB modem route may be used: a daily cap on SMS parts (a 3-part message is 3 SMS to the
 * operator), a monthly cap on distinct recipients,
 * and a random pause between sends. Operators block consumer SIMs used for bulk sending (REFERENCE.md §0),
 * so the modem is throttled hard; days and months are counted in the shop's time zone.
 *
 * <p>Reads settings at each call (a change applies to the next message). Blocks on the database.
 */
public final class ModemRoutePolicy {

    /** Whether one more message may go now, and if not, why and from when it may. */
    public record Decision(boolean allowed, UserMessage reason, Instant notBefore) {
        static Decision allow() {
            return new Decision(true, null, null);
        }
    }

    private final Settings settings;
    private final ModemSendLog log;
    private final ZoneId zone;

    public ModemRoutePolicy(Settings settings, ModemSendLog log, ZoneId zone) {
        this.settings = settings;
        this.log = log;
        this.zone = zone;
    }

    /** May a one-part message to {@code recipient} leave through the modem at {@code now}? */
    public Decision check(String recipient, Instant now) {
        return check(recipient, now, 1);
    }

    /**
     * May a message of {@code parts} parts to {@code recipient} leave through the modem at {@code now}? The
     * parts already sent today (messages whose fate is unknown included) plus these must fit the daily cap.
     */
    public Decision check(String recipient, Instant now, int parts) {
        ZonedDateTime local = now.atZone(zone);
        Instant dayStart = local.truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant dayEnd = local.truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
        int perDay = settings.getInt(ModemSettings.MAX_PER_DAY);
        if (log.partsBetween(dayStart, dayEnd) + parts > perDay) {
            return new Decision(false, UserMessage.of("modem.route.cap.day", perDay), dayEnd);
        }
        ZonedDateTime monthStart = local.with(TemporalAdjusters.firstDayOfMonth()).truncatedTo(ChronoUnit.DAYS);
        Instant monthFrom = monthStart.toInstant();
        Instant monthTo = monthStart.plusMonths(1).toInstant();
        int perMonth = settings.getInt(ModemSettings.MAX_RECIPIENTS_PER_MONTH);
        // a recipient already counted this month does not use up the cap again
        if (!log.sentTo(recipient, monthFrom, monthTo) && log.recipientsBetween(monthFrom, monthTo) >= perMonth) {
            return new Decision(false, UserMessage.of("modem.route.cap.month", perMonth), monthTo);
        }
        return Decision.allow();
    }

    /**
     * For a one-off send (command line, the assistant's test SMS): returns if a message of {@code parts}
     * parts to {@code recipient} may leave now, else throws {@link ComptoirException} with the reason. Blocks on the database.
     */
    public void requireAllowed(String recipient, Instant now, int parts) {
        Decision decision = check(recipient, now, parts);
        if (!decision.allowed()) {
            throw new ComptoirException(decision.reason());
        }
    }

    /** A random pause between {@code modem.gap-min-seconds} and {@code modem.gap-max-seconds}, inclusive. */
    public Duration nextGap(Random random) {
        int a = settings.getInt(ModemSettings.GAP_MIN_SECONDS);
        int b = settings.getInt(ModemSettings.GAP_MAX_SECONDS);
        int min = Math.min(a, b);
        int max = Math.max(a, b);
        long ms = min * 1000L + (long) (random.nextDouble() * ((max - min) * 1000L + 1));
        return Duration.ofMillis(Math.min(ms, max * 1000L));
    }

    public Optional<UserMessage> gapProblem() {
        return ModemSettings.gapProblem(settings.getInt(ModemSettings.GAP_MIN_SECONDS),
                settings.getInt(ModemSettings.GAP_MAX_SECONDS));
    }
}
