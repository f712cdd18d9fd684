package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.comptoir.campaign.CampaignSettings;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.Settings;
import org.comptoir.sms.SmsText;

/**
 * One test SMS through the USB modem outside any campaign — the command line's {@code modem send} and the
 * set-up assistant's test message share it: the length rule ({@code campaign.max-parts}), the modem route's
 * caps (counted in parts), the send, the send log (a message whose fate is unknown counts too) and the fate
 * of each part from its delivery report.
 *
 * <p>It is a <b>test message</b>: sent as typed, without the opt-out mention or the sending window a campaign
 * gets, so callers say so to the owner; it is meant for the owner's own phone, not for customers.
 *
 * <p>Delivery reports are matched by reference <b>and</b> recipient <b>and</b> time: a report left on the SIM
 * by an earlier message with the same TP-MR (references wrap at 256 and restart with the modem) is older than
 * this send, and one for another recipient is not ours. The SMSC's clock may differ from the PC's, hence
 * {@link #CLOCK_SKEW}.
 *
 * <p>Blocks (serial I/O, the database, the wait for reports); call from a background thread, never the FX one.
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

    private final Settings settings;
    private final ModemSendLog sendLog;
    private final ZoneId zone;
    private final Clock clock;
    private final GatewayListener inbound;

    /**
     * @param inbound where messages collected meanwhile go (an {@link InboundStore}); its
     *                {@link GatewayListener#storesInbound()} decides whether the gateway touches them
     */
    public ModemOneOff(Settings settings, ModemSendLog sendLog, ZoneId zone, Clock clock, GatewayListener inbound) {
        this.settings = settings;
        this.sendLog = sendLog;
        this.zone = zone;
        this.clock = clock;
        this.inbound = inbound;
    }

    /**
     * Checks the length and the caps before the modem is touched (throws {@link ComptoirException} with the
     * reason), connects {@code gateway}, sends, logs, then waits up to {@code waitForReports} (zero: not at
     * all) for a final report per part. {@code progress} hears each step as it starts (on this thread).
     * Throws what {@link ModemGateway#connect()} throws; {@link InterruptedException} if interrupted while
     * waiting for reports.
     */
    public Outcome send(ModemGateway gateway, String e164, String text, Duration waitForReports,
                        Consumer<UserMessage> progress) throws InterruptedException {
        int parts = SmsText.analyze(text).parts();
        int maxParts = settings.getInt(CampaignSettings.MAX_PARTS);
        if (parts == 0) {
            throw new ComptoirException(UserMessage.of("modem.send.empty"));
        }
        if (parts > maxParts) {
            throw new ComptoirException(UserMessage.of("modem.send.too.long", parts, maxParts));
        }
        new ModemRoutePolicy(settings, sendLog, zone).requireAllowed(e164, clock.instant(), parts);
        boolean reports = !waitForReports.isZero() && settings.getBoolean(ModemSettings.STATUS_REPORTS);
        Reports matcher = new Reports(e164);
        gateway.setListener(matcher);
        progress.accept(UserMessage.of("modem.progress.connecting"));
        gateway.connect();
        progress.accept(UserMessage.of("modem.progress.sending", parts));
        Instant sentAt = clock.instant();
        SendResult result = gateway.send(new OutgoingSms("test-" + UUID.randomUUID(), e164, text, reports));
        if (result instanceof SendResult.Sent sent) {
            sendLog.record(e164, sentAt, parts, sent.partReferences());
            if (!reports) {
                return new Outcome(result, parts, List.of());
            }
            progress.accept(UserMessage.of("modem.send.waiting", waitForReports.toSeconds()));
            return new Outcome(result, parts, matcher.await(sent.partReferences(), sentAt, waitForReports));
        }
        if (result instanceof SendResult.Unknown) {
            // it may have left: the operator counts it, so the caps do
            sendLog.record(e164, sentAt, parts, List.of());
        }
        return new Outcome(result, parts, List.of());
    }

    /** Gathers final reports for one recipient; inbound messages go on to {@link #inbound}. */
    private final class Reports implements GatewayListener {
        private final String recipient;
        private final List<DeliveryReport> received = new ArrayList<>();

        Reports(String recipient) {
            this.recipient = recipient;
        }

        @Override
        public synchronized void onDeliveryReport(DeliveryReport report) {
            if (report.outcome() != DeliveryReport.Outcome.PENDING) {
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
                    boolean ours = r.partReference().equals(ref) && recipient.equals(r.recipient())
                            && (r.at() == null || !r.at().isBefore(earliest));
                    if (ours) {
                        fate = r.outcome() == DeliveryReport.Outcome.DELIVERED ? Fate.DELIVERED : Fate.FAILED;
                    }
                }
                out.add(new Part(ref, fate));
            }
            return out;
        }

        @Override
        public boolean storesInbound() {
            return inbound.storesInbound();
        }

        @Override
        public void onInbound(InboundSms sms) {
            inbound.onInbound(sms);
        }

        @Override
        public void onStateChanged(GatewayState state) {
            // the caller reports the outcome itself
        }
    }
}
