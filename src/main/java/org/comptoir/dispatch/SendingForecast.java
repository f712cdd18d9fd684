package org.comptoir.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.comptoir.schedule.MessageClass;
import org.comptoir.schedule.SendingRules;
import org.comptoir.schedule.WindowDecision;

/**
 * When a campaign's messages will leave, before it starts or while it runs: the first send instant and why it is not
 * at once, and the expected end, walking the recipients' sending windows (hours, Sundays, holidays, each in the
 * recipient's zone) and the route's pace and caps (the modem's daily parts and monthly recipients, counted in the
 * shop's zone, as {@link ModemRoutePolicy} counts them). The engine sends one message at a time in any open zone, so
 * the walk does the same, a run of messages at a time.
 *
 * <p>Pure: no I/O, no clock (the caller gives the start). Any thread. An estimate ("≈"): the modem's random pause is
 * taken at its mean, and a campaign that would need more than {@link #HORIZON} is reported as beyond it.
 */
public final class SendingForecast {

    /**
     * The engine sends only with a validity that ends a margin before the window closes and lasts at least its
     * minimum ({@link EngineConfig}): so close to the edge, a stretch is over for the forecast too.
     */
    public static final Duration ENGINE_MARGIN = EngineConfig.defaults().validityMargin()
            .plus(EngineConfig.defaults().minValidity());

    /** Walks no further than this: past it the owner needs another route, not a date. */
    public static final Duration HORIZON = Duration.ofDays(366);

    private SendingForecast() {
    }

    /** The kind of route, for the words ("au rythme du modem"). */
    public enum Route { MODEM, HTTP, REHEARSAL }

    /** What ends up governing the duration, for the words. */
    public enum Limit {
        /** the route's pace alone (one stretch of open hours is enough) */
        PACE,
        /** the open hours: the campaign needs several stretches */
        WINDOWS,
        /** the modem's daily cap on parts */
        DAILY_CAP,
        /** the modem's monthly cap on distinct recipients */
        MONTHLY_CAP
    }

    /**
     * How fast a route sends.
     *
     * @param route               its kind
     * @param sendTimePerPart     how long one part takes to leave (the modem: a few seconds; HTTP: one request per
     *                            message at the provider's rate, so set per message with {@code parts} = 1)
     * @param gap                 the pause after each message (the modem's random pause, at its mean)
     * @param partsPerDay         the daily cap on parts in the shop's zone, 0 for none
     * @param recipientsPerMonth  the monthly cap on distinct recipients in the shop's zone, 0 for none
     * @param shopZone            where days and months of the caps are counted
     * @param partsSentToday      parts already sent on the start's day (they count towards its cap)
     * @param recipientsThisMonth recipients already counted in the start's month
     * @param measuredSends       the modem: how many logged sends {@code sendTimePerPart} was measured from, 0 when it
     *                            is the assumed {@code CampaignProgressQuery.MODEM_TIME_PER_PART} (too few sends)
     */
    public record Pace(Route route, Duration sendTimePerPart, Duration gap, int partsPerDay, int recipientsPerMonth,
                       ZoneId shopZone, long partsSentToday, long recipientsThisMonth, int measuredSends) {
        public Pace {
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(sendTimePerPart, "sendTimePerPart");
            Objects.requireNonNull(gap, "gap");
            Objects.requireNonNull(shopZone, "shopZone");
            if (sendTimePerPart.isNegative() || gap.isNegative() || partsPerDay < 0 || recipientsPerMonth < 0) {
                throw new IllegalArgumentException("negative pace or cap");
            }
        }

        /**
         * The USB modem: {@code modem.gap-min/max-seconds} (their mean), {@code sendTimePerPart} per part, and the
         * daily and monthly caps with what was already counted.
         */
        public static Pace modem(int gapMinSeconds, int gapMaxSeconds, Duration sendTimePerPart, int partsPerDay,
                                 int recipientsPerMonth, ZoneId shopZone, long partsSentToday, long recipientsThisMonth) {
            return modem(gapMinSeconds, gapMaxSeconds, sendTimePerPart, partsPerDay, recipientsPerMonth, shopZone,
                    partsSentToday, recipientsThisMonth, 0);
        }

        /** {@link #modem} with {@code sendTimePerPart} measured over {@code measuredSends} logged sends (0: assumed). */
        public static Pace modem(int gapMinSeconds, int gapMaxSeconds, Duration sendTimePerPart, int partsPerDay,
                                 int recipientsPerMonth, ZoneId shopZone, long partsSentToday, long recipientsThisMonth,
                                 int measuredSends) {
            long meanMillis = (Math.min(gapMinSeconds, gapMaxSeconds) + Math.max(gapMinSeconds, gapMaxSeconds)) * 500L;
            return new Pace(Route.MODEM, sendTimePerPart, Duration.ofMillis(meanMillis), partsPerDay, recipientsPerMonth,
                    shopZone, partsSentToday, recipientsThisMonth, Math.max(0, measuredSends));
        }

        /** A route paced by a rate (messages per second; 0 or less: as fast as the machine, no wait). */
        public static Pace rate(Route route, double perSecond, ZoneId shopZone) {
            Duration each = perSecond > 0 ? Duration.ofNanos((long) (1_000_000_000L / perSecond)) : Duration.ZERO;
            return new Pace(route, each, Duration.ZERO, 0, 0, shopZone, 0, 0, 0);
        }

        Duration perMessage(int parts) {
            return route == Route.MODEM ? sendTimePerPart.multipliedBy(parts).plus(gap) : sendTimePerPart.plus(gap);
        }

        Duration sendTime(int parts) {
            return route == Route.MODEM ? sendTimePerPart.multipliedBy(parts) : sendTimePerPart;
        }
    }

    /** Recipients who share a sending window (same zone, same holidays), with one number that stands for them. */
    public record Group(String sampleNumber, long recipients) {
        public Group {
            Objects.requireNonNull(sampleNumber, "sampleNumber");
            if (recipients < 0) {
                throw new IllegalArgumentException("recipients < 0");
            }
        }
    }

    /**
     * Why the first message does not leave at the start.
     *
     * @param window the closed window of the recipients reached first (null when a cap holds it)
     * @param cap    the cap that holds it (null when the window does), DAILY_CAP or MONTHLY_CAP
     */
    public record Hold(WindowDecision window, Limit cap) {
    }

    /**
     * The walk's answer.
     *
     * @param messages     messages forecast
     * @param firstSend    when the first one leaves (empty when there is none, or none within the horizon)
     * @param firstNumber  the sample number of the recipients reached first
     * @param firstWindow  their window at the first send (open: its {@code closesAt} says until when it stays open)
     * @param hold         why the first send is not at the start; empty when it is
     * @param end          when the last one has left (empty when beyond the horizon)
     * @param sendingDays  shop-zone days on which messages leave
     * @param limit        what governs the duration
     * @param sentWithinHorizon messages that leave within the horizon (all of them unless {@link #beyondHorizon})
     * @param route        the route's kind
     */
    public record Forecast(long messages, Optional<Instant> firstSend, String firstNumber, WindowDecision firstWindow,
                           Optional<Hold> hold, Optional<Instant> end, int sendingDays, Limit limit,
                           long sentWithinHorizon, Route route) {
        public boolean beyondHorizon() {
            return sentWithinHorizon < messages;
        }

        /** From the first send to the last, zero when there is none. */
        public Duration duration() {
            return firstSend.isPresent() && end.isPresent() ? Duration.between(firstSend.get(), end.get()) : Duration.ZERO;
        }
    }

    /**
     * Walks the campaign from {@code start}.
     *
     * @param groups           the recipients by window (their numbers must be E.164; groups with none are ignored)
     * @param partsPerMessage  SMS parts of each message (the modem's time and daily cap count parts)
     * @param messageClass     MARKETING or SERVICE (their windows differ)
     * @throws IllegalArgumentException when a sample number is not E.164
     */
    public static Forecast of(List<Group> groups, int partsPerMessage, MessageClass messageClass, SendingRules rules,
                              Pace pace, Instant start) {
        return of(groups, partsPerMessage, messageClass, rules, pace, ENGINE_MARGIN, start);
    }

    /** {@link #of} with the margin before a window's close after which nothing leaves. */
    public static Forecast of(List<Group> groups, int partsPerMessage, MessageClass messageClass, SendingRules rules,
                              Pace pace, Duration closingMargin, Instant start) {
        int parts = Math.max(1, partsPerMessage);
        List<Group> live = groups.stream().filter(g -> g.recipients() > 0).toList();
        long total = live.stream().mapToLong(Group::recipients).sum();
        long[] left = live.stream().mapToLong(Group::recipients).toArray();
        Duration each = pace.perMessage(parts);
        Instant horizon = start.plus(HORIZON);
        ZoneId shop = pace.shopZone();

        Instant t = start;
        LocalDate day = t.atZone(shop).toLocalDate();
        long partsToday = pace.partsSentToday();
        ZonedDateTime month = monthOf(t, shop);
        long recipientsMonth = pace.recipientsThisMonth();

        Instant first = null;
        String firstNumber = null;
        WindowDecision firstWindow = null;
        Hold hold = null;
        Instant end = null;
        long sent = 0;
        boolean dailyCapHit = false;
        boolean monthlyCapHit = false;
        TreeSet<LocalDate> days = new TreeSet<>();

        while (sent < total && t.isBefore(horizon)) {
            LocalDate today = t.atZone(shop).toLocalDate();
            if (!today.equals(day)) {
                day = today;
                partsToday = 0;
            }
            ZonedDateTime thisMonth = monthOf(t, shop);
            if (!thisMonth.equals(month)) {
                month = thisMonth;
                recipientsMonth = 0;
            }
            if (pace.partsPerDay() > 0 && partsToday + parts > pace.partsPerDay()) {
                dailyCapHit = true;
                if (first == null && hold == null) {
                    hold = new Hold(null, Limit.DAILY_CAP);
                }
                t = day.plusDays(1).atStartOfDay(shop).toInstant();
                continue;
            }
            if (pace.recipientsPerMonth() > 0 && recipientsMonth >= pace.recipientsPerMonth()) {
                monthlyCapHit = true;
                if (first == null && hold == null) {
                    hold = new Hold(null, Limit.MONTHLY_CAP);
                }
                t = month.plusMonths(1).toInstant();
                continue;
            }
            int open = -1;
            WindowDecision openDecision = null;
            WindowDecision soonest = null;
            for (int i = 0; i < live.size() && open < 0; i++) {
                if (left[i] == 0) {
                    continue;
                }
                WindowDecision d = rules.check(messageClass, live.get(i).sampleNumber(), t);
                if (d.allowed() && Duration.between(t, d.closesAt()).compareTo(closingMargin) < 0) {
                    d = rules.check(messageClass, live.get(i).sampleNumber(), d.closesAt()); // too late in this stretch
                }
                if (d.allowed()) {
                    open = i;
                    openDecision = d;
                } else if (soonest == null || d.nextAllowed().isBefore(soonest.nextAllowed())) {
                    soonest = d;
                }
            }
            if (open < 0) {
                if (first == null && hold == null) {
                    hold = new Hold(soonest, null);
                }
                t = soonest.nextAllowed();
                continue;
            }
            // a run of messages to this group, until its window closes or a cap's day or month ends
            Instant until = openDecision.closesAt().minus(closingMargin);
            long room = left[open];
            if (pace.partsPerDay() > 0) {
                until = earlier(until, day.plusDays(1).atStartOfDay(shop).toInstant());
                room = Math.min(room, (pace.partsPerDay() - partsToday) / parts);
            }
            if (pace.recipientsPerMonth() > 0) {
                until = earlier(until, month.plusMonths(1).toInstant());
                room = Math.min(room, pace.recipientsPerMonth() - recipientsMonth);
            }
            // every start from t to `until` included is allowed
            long run = each.isZero() ? room : Math.min(room, Duration.between(t, until).toNanos() / each.toNanos() + 1);
            run = Math.max(1, run);
            if (first == null) {
                first = t;
                firstNumber = live.get(open).sampleNumber();
                firstWindow = openDecision;
            }
            Instant lastStart = t.plus(each.multipliedBy(run - 1));
            end = lastStart.plus(pace.sendTime(parts));
            days.add(t.atZone(shop).toLocalDate());
            days.add(lastStart.atZone(shop).toLocalDate());
            left[open] -= run;
            sent += run;
            partsToday += run * parts;
            recipientsMonth += run;
            t = t.plus(each.multipliedBy(run));
        }
        Limit limit = monthlyCapHit ? Limit.MONTHLY_CAP : dailyCapHit ? Limit.DAILY_CAP
                : days.size() > 1 ? Limit.WINDOWS : Limit.PACE;
        boolean complete = sent >= total;
        return new Forecast(total, Optional.ofNullable(first), firstNumber, firstWindow,
                first != null && first.isAfter(start) ? Optional.ofNullable(hold) : Optional.empty(),
                complete ? Optional.ofNullable(end) : Optional.empty(), days.size(), limit, sent, pace.route());
    }

    private static ZonedDateTime monthOf(Instant t, ZoneId zone) {
        return t.atZone(zone).with(TemporalAdjusters.firstDayOfMonth()).truncatedTo(ChronoUnit.DAYS);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
