package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.comptoir.campaign.CampaignSettings;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.Settings;
import org.comptoir.sms.SmsText;

/**
 * One test SMS outside any campaign — the command line's {@code modem send} and the modem screen's test message
 * share it, and it is the only place that does this: the length rule ({@code campaign.max-parts}), the route's caps
 * (counted in parts), the send, the count (a message whose fate is unknown counts too) and the fate of each part from
 * its delivery report. {@link GatewayOwner#sendTest} gives it the gateway the owner holds (or one it opened for the
 * purpose), already connected, and a feed of that gateway's delivery reports; the gateway's own listener is never
 * replaced, so the sending engine keeps storing inbound messages and matching its reports while a test waits.
 *
 * <p>It is a <b>test message</b>: sent as typed, without the opt-out mention or the sending window a campaign
 * gets, so callers say so to the owner; it is meant for the owner's own phone, not for customers.
 *
 * <p>Delivery reports are matched by reference <b>and</b> recipient <b>and</b> time: a report left on the SIM
 * by an earlier message with the same TP-MR (references wrap at 256 and restart with the modem) is older than
 * this send, and one for another recipient is not ours. The SMSC's clock may differ from the PC's, hence
 * {@link #CLOCK_SKEW}.
 *
 * <p>Blocks (gateway I/O, the database, the wait for reports); call from a background thread, never the FX one.
 */
public final class ModemOneOff {

    /** How far before our send a report's time may be and still be ours: the SMSC's and the PC's clocks differ. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    /** What became of one part. */
    public enum Fate {
        DELIVERED, FAILED, NO_REPORT
    }

    /** One part: its network reference and fate. */
    public record Part(String reference, Fate fate) {
    }

    /**
     * @param result what the gateway said
     * @param parts  the parts of the message
     * @param fates  per part, when reports were awaited; empty otherwise
     */
    public record Outcome(SendResult result, int parts, List<Part> fates) {
        public Outcome {
            fates = List.copyOf(fates);
        }

        /** Sent, and each part delivered when reports were awaited. */
        public boolean succeeded() {
            return result instanceof SendResult.Sent && fates.stream().allMatch(p -> p.fate() == Fate.DELIVERED);
        }
    }

    /** Where a one-off hears the gateway's delivery reports while it waits, beside the gateway's own listener. */
    @FunctionalInterface
    public interface ReportFeed {
        /** Starts passing every report to {@code tap} (on the gateway's event thread) until the result is closed. */
        AutoCloseable subscribe(Consumer<DeliveryReport> tap);
    }

    private final Settings settings;
    private final RouteLimits limits;
    private final Clock clock;

    /** @param limits the route's caps and count (the modem's: {@link RouteLimits#modem}) */
    public ModemOneOff(Settings settings, RouteLimits limits, Clock clock) {
        this.settings = settings;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Checks the length and the caps before the gateway is touched (throws {@link ComptoirException} with the
     * reason), sends through {@code gateway} (connected by the caller), counts, then waits up to
     * {@code waitForReports} (zero: not at all) for a final report per part from {@code feed}. {@code progress}
     * hears each step as it starts (on this thread). {@link InterruptedException} if interrupted while waiting for
     * reports.
     */
    public Outcome send(SmsGateway gateway, ReportFeed feed, String e164, String text, Duration waitForReports,
                        Consumer<UserMessage> progress) throws InterruptedException {
        return send(gateway, feed, e164, text, null, waitForReports, progress);
    }

    /** {@link #send} with the sender name an HTTP route shows (null: the route's own; a modem shows its SIM's number). */
    public Outcome send(SmsGateway gateway, ReportFeed feed, String e164, String text, String sender,
                        Duration waitForReports, Consumer<UserMessage> progress) throws InterruptedException {
        int parts = requireAllowed(e164, text);
        boolean reports = !waitForReports.isZero() && settings.getBoolean(ModemSettings.STATUS_REPORTS);
        Reports matcher = new Reports(e164);
        try (AutoCloseable subscription = feed.subscribe(matcher::offer)) {
            progress.accept(UserMessage.of("modem.progress.sending", parts));
            Instant sentAt = clock.instant();
            SendResult result = gateway.send(new OutgoingSms("test-" + UUID.randomUUID(), e164, text, reports, null, sender));
            if (result instanceof SendResult.Sent sent) {
                // timed like the engine's sends, so a test SMS also teaches the forecast this modem's pace
                limits.recordSent(e164, sentAt, sent.partReferences(), Duration.between(sentAt, clock.instant()));
                if (!reports) {
                    return new Outcome(result, parts, List.of());
                }
                progress.accept(UserMessage.of("modem.send.waiting", waitForReports.toSeconds()));
                return new Outcome(result, parts, matcher.await(sent.partReferences(), sentAt, waitForReports));
            }
            if (result instanceof SendResult.Unknown) {
                limits.recordUnknown(e164, sentAt, parts); // it may have left: the operator counts it, so the caps do
            }
            return new Outcome(result, parts, List.of());
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception closing) {
            throw new IllegalStateException(closing);
        }
    }

    /**
     * The length rule and the route's caps for {@code text} to {@code e164}, before anything touches a gateway (a
     * modem opened for the test is not even opened when they refuse); returns its parts. Throws
     * {@link ComptoirException} with the reason. Blocks on the database.
     */
    public int requireAllowed(String e164, String text) {
        int parts = SmsText.analyze(text).parts();
        int maxParts = settings.getInt(CampaignSettings.MAX_PARTS);
        if (parts == 0) {
            throw new ComptoirException(UserMessage.of("modem.send.empty"));
        }
        if (parts > maxParts) {
            throw new ComptoirException(UserMessage.of("modem.send.too.long", parts, maxParts));
        }
        ModemRoutePolicy.Decision allowed = limits.check(e164, clock.instant(), parts);
        if (!allowed.allowed()) {
            throw new ComptoirException(allowed.reason());
        }
        return parts;
    }

    /** Gathers final reports for one recipient. */
    private static final class Reports {
        private final String recipient;
        private final List<DeliveryReport> received = new ArrayList<>();

        Reports(String recipient) {
            this.recipient = recipient;
        }

        synchronized void offer(DeliveryReport report) {
            if (report.outcome() != DeliveryReport.Outcome.PENDING && recipient.equals(report.recipient())) {
                received.add(report);
                notifyAll();
            }
        }

        /** The fate of each of {@code refs}, waiting until each has one or {@code wait} is over. */
        synchronized List<Part> await(List<String> refs, Instant sentAt, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            List<Part> fates = fates(refs, sentAt);
            while (fates.stream().anyMatch(p -> p.fate() == Fate.NO_REPORT)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
                fates = fates(refs, sentAt);
            }
            return fates;
        }

        private List<Part> fates(List<String> refs, Instant sentAt) {
            Instant earliest = sentAt.minus(CLOCK_SKEW);
            List<Part> out = new ArrayList<>();
            for (String ref : refs) {
                Fate fate = Fate.NO_REPORT;
                for (DeliveryReport r : received) {
                    boolean ours = r.partReference().equals(ref) && (r.at() == null || !r.at().isBefore(earliest));
                    if (ours) {
                        fate = r.outcome() == DeliveryReport.Outcome.DELIVERED ? Fate.DELIVERED : Fate.FAILED;
                    }
                }
                out.add(new Part(ref, fate));
            }
            return out;
        }
    }
}
