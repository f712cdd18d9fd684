package org.comptoir.dispatch;

import java.time.Duration;
import java.time.ZoneId;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.phone.RecipientZone;
import org.comptoir.schedule.WindowDecision;
import org.comptoir.schedule.WindowText;

/**
 * A {@link SendingForecast.Forecast} in words, for "Programmer" and the sending view: "Premier envoi : lundi 30
 * novembre à 08:00 — dimanche interdit" and "Durée prévue : ≈ 3 jours ouvrés au rythme du modem (200 SMS par
 * jour)". Pure; instants on the shop's clock.
 */
public final class ForecastText {

    private ForecastText() {
    }

    /** When the first message leaves and, when not at once, why; "nothing to send" when there is nothing. */
    public static String firstSend(SendingForecast.Forecast f, SendingForecast.Pace pace, ZoneId shop, Messages m) {
        if (f.firstSend().isEmpty()) {
            return f.messages() == 0 ? m.get("dispatch.forecast.none") : m.get("dispatch.forecast.beyond.all");
        }
        ZoneId recipient = RecipientZone.zoneOf(new PhoneNumber(f.firstNumber()));
        if (f.hold().isEmpty()) {
            return WindowText.firstSend(f.firstWindow(), shop, recipient, m);
        }
        SendingForecast.Hold hold = f.hold().get();
        String when = WindowText.when(f.firstSend().get(), shop, m);
        if (hold.cap() == SendingForecast.Limit.DAILY_CAP) {
            return m.get("dispatch.forecast.first.cap.day", when, pace.partsPerDay());
        }
        if (hold.cap() == SendingForecast.Limit.MONTHLY_CAP) {
            return m.get("dispatch.forecast.first.cap.month", when, pace.recipientsPerMonth());
        }
        WindowDecision held = new WindowDecision(false, f.firstSend().get(), f.firstWindow().closesAt(),
                hold.window().reason(), hold.window().detail());
        return WindowText.firstSend(held, shop, recipient, m);
    }

    /** How long it takes and on which route, with the cap that governs it. */
    public static String duration(SendingForecast.Forecast f, SendingForecast.Pace pace, ZoneId shop, Messages m) {
        return length(f, pace, shop, m, "dispatch.forecast.duration");
    }

    /** The same for the messages left of a running campaign: "Temps restant : ≈ 2 h 10 au rythme du modem". */
    public static String timeLeft(SendingForecast.Forecast f, SendingForecast.Pace pace, ZoneId shop, Messages m) {
        return length(f, pace, shop, m, "dispatch.forecast.left");
    }

    /** On the modem, what the time per SMS rests on: measured from its log, or assumed for lack of sends. */
    private static String paceBasis(SendingForecast.Forecast f, SendingForecast.Pace pace, Messages m) {
        if (f.route() != SendingForecast.Route.MODEM) {
            return "";
        }
        double seconds = pace.sendTimePerPart().toMillis() / 1000.0;
        return pace.measuredSends() > 0
                ? m.get("dispatch.forecast.pace.measured", seconds, pace.measuredSends())
                : m.get("dispatch.forecast.pace.assumed", seconds, ModemSendLog.PACE_MIN_SENDS);
    }

    private static String length(SendingForecast.Forecast f, SendingForecast.Pace pace, ZoneId shop, Messages m,
                                 String key) {
        String route = m.get("dispatch.forecast.pace." + f.route().name().toLowerCase()) + paceBasis(f, pace, m);
        String limit = switch (f.limit()) {
            case DAILY_CAP -> " " + m.get("dispatch.forecast.limit.day", pace.partsPerDay());
            case MONTHLY_CAP -> " " + m.get("dispatch.forecast.limit.month", pace.recipientsPerMonth());
            default -> "";
        };
        if (f.messages() == 0) {
            return "";
        }
        if (f.beyondHorizon()) {
            return m.get("dispatch.forecast.beyond", f.messages() - f.sentWithinHorizon(), f.messages(), route) + limit;
        }
        Duration d = f.duration();
        String length;
        if (f.sendingDays() > 1) {
            length = m.get("dispatch.forecast.days", f.sendingDays());
            route = route + m.get("dispatch.forecast.end", WindowText.when(f.end().orElseThrow(), shop, m));
        } else if (d.toMinutes() < 1) {
            length = m.get("dispatch.forecast.under.minute");
        } else if (d.toHours() < 1) {
            length = m.get("dispatch.forecast.minutes", d.toMinutes());
        } else {
            length = m.get("dispatch.forecast.hours", d.toHours(), String.format("%02d", d.toMinutesPart()));
        }
        return m.get(key, length, route) + limit;
    }
}
