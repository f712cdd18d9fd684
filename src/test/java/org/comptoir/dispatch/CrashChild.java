package org.comptoir.dispatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.comptoir.AppContext;
import org.comptoir.campaign.CampaignService;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.i18n.Messages;
import org.comptoir.schedule.WindowDecision;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;

/**
 * The process {@link CrashRecoveryTest} kills with SIGKILL: opens the store, turns rows left SENDING into UNKNOWN, and
 * sends the outbox through a gateway that writes each message to a file and forces it to disk BEFORE answering, so
 * the parent can count the true sends whatever the moment of the kill. Exits 0 when nothing is left to send.
 *
 * <p>Arguments: data folder, send log file.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path sendLog = Path.of(args[1]);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(data); FileChannel log = FileChannel.open(sendLog, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            Settings settings = new Settings(db, AppContext.settingDefinitions());
            ConsentService consent = new ConsentService(db, settings, SubjectKey.forStore(db), clock);
            Outbox outbox = new Outbox(db, new CampaignService(db, settings, clock), clock);
            outbox.recoverInterrupted();
            SendingEngine.Parts parts = new SendingEngine.Parts(outbox, new Eligibility(db, settings, clock),
                    (kind, to, at) -> new WindowDecision(true, at, at.plus(Duration.ofDays(1)), WindowDecision.Reason.OPEN, ""),
                    RouteLimits.NONE, new InboundStore(db, "durable", clock), new ReviewRouter(), consent,
                    new SenderNumbers("FR"), Messages.forLanguage("en"));
            SendingEngine engine = new SendingEngine(new DurableGateway(log), parts, EngineConfig.defaults(), clock,
                    Waiter.onClock(clock));
            SendingEngine.Summary s = engine.runUntilIdle().get(5, TimeUnit.MINUTES);
            System.out.println("DONE " + s.sent());
        }
    }

    /** Records each send durably (append + force) before it answers, then takes a while to answer, as a network does. */
    static final class DurableGateway implements SmsGateway {
        private final FileChannel log;
        private final CountDownLatch never = new CountDownLatch(1);

        DurableGateway(FileChannel log) {
            this.log = log;
        }

        @Override
        public SendResult send(OutgoingSms sms) {
            try {
                log.write(ByteBuffer.wrap((sms.id() + "\n").getBytes(StandardCharsets.US_ASCII)));
                log.force(true);
                // the network's acknowledgement takes time: a kill in here leaves a message that left but is not SENT
                never.await(15, TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                return new SendResult.Unknown(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendResult.Unknown("interrupted");
            }
            return new SendResult.Sent(List.of(Long.toString(Instant.now().toEpochMilli() % 256)));
        }

        @Override
        public GatewayState state() {
            return GatewayState.READY;
        }

        @Override
        public void setListener(GatewayListener listener) {
        }

        @Override
        public String name() {
            return "durable";
        }

        @Override
        public void close() {
        }
    }
}
