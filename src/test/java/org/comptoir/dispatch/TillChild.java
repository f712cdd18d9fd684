package org.comptoir.dispatch;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.comptoir.AppContext;
import org.comptoir.campaign.CampaignService;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.schedule.WindowDecision;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.StoreTarget;

/**
 * One till in its own JVM, for {@link SeveralTillsTest}: opens the shared store named on the command line, says
 * {@code READY}, waits for {@code GO} on its standard input (so every till starts its work at the same moment), does
 * its work and says {@code DONE}. The serving PC of a shop server says {@code READY} and serves until its input ends.
 *
 * <p>Arguments: data folder, then a store ({@code pg URL USER PASSWORD}, {@code shop HOST:PORT PASSWORD} or
 * {@code serve ADDRESS PORT PASSWORD}), then the work: {@code consent PREFIX COUNT} (that many opt-ins at the till for
 * PREFIX00, PREFIX01…), {@code send LOGFILE} (sends the SENDING campaigns, writing each message id to LOGFILE before
 * answering), {@code serve}.
 */
public final class TillChild {

    private TillChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int i = 1;
        StoreTarget target = switch (args[i++]) {
            case "pg" -> StoreTarget.postgresql(args[i++], args[i++], args[i++]);
            case "shop" -> StoreTarget.shopClient(args[i++], args[i++]);
            case "serve" -> StoreTarget.shopServer(args[i++], Integer.parseInt(args[i++]), args[i++]);
            default -> throw new IllegalArgumentException(args[1]);
        };
        String work = args[i++];
        Clock clock = Clock.systemUTC();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Database db = Database.open(data, target, false)) {
            Settings settings = new Settings(db, AppContext.settingDefinitions());
            ConsentService consent = new ConsentService(db, settings, SubjectKey.forStore(db), clock);
            System.out.println("READY " + db.servingPort().orElse(0));
            System.out.flush();
            if (work.equals("serve")) {
                while (in.readLine() != null) {
                    // serves until the parent closes our input
                }
                return;
            }
            if (!"GO".equals(in.readLine())) {
                throw new IllegalStateException("expected GO");
            }
            switch (work) {
                case "consent" -> {
                    String prefix = args[i++];
                    int count = Integer.parseInt(args[i]);
                    long wording = consent.currentWording().id();
                    for (int n = 0; n < count; n++) {
                        consent.recordOptIn(new PhoneNumber(prefix + String.format("%02d", n)), null, wording,
                                Channel.TILL, "till " + prefix);
                    }
                }
                case "send" -> send(db, settings, consent, clock, Path.of(args[i]));
                default -> throw new IllegalArgumentException(work);
            }
            System.out.println("DONE");
        }
    }

    static void send(Database db, Settings settings, ConsentService consent, Clock clock, Path logFile)
            throws Exception {
        try (FileChannel log = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            Outbox outbox = new Outbox(db, new CampaignService(db, settings, clock), clock);
            SendingEngine.Parts parts = new SendingEngine.Parts(outbox, new Eligibility(db, settings, clock),
                    (kind, to, at) -> new WindowDecision(true, at, at.plus(Duration.ofDays(1)), WindowDecision.Reason.OPEN, ""),
                    RouteLimits.NONE, new InboundStore(db, "till", clock), new ReviewRouter(), consent,
                    new SenderNumbers("FR"), Messages.forLanguage("en"));
            SendingEngine engine = new SendingEngine(new LoggingGateway(log), parts, EngineConfig.defaults(), clock,
                    Waiter.onClock(clock));
            engine.runUntilIdle().get(5, TimeUnit.MINUTES);
        }
    }

    /** Writes each message's id and number to the till's log, forced to disk, before it answers "sent". */
    private static final class LoggingGateway implements SmsGateway {
        private final FileChannel log;

        LoggingGateway(FileChannel log) {
            this.log = log;
        }

        @Override
        public SendResult send(OutgoingSms sms) {
            try {
                log.write(ByteBuffer.wrap((sms.id() + " " + sms.recipientE164() + "\n").getBytes(StandardCharsets.US_ASCII)));
                log.force(true);
            } catch (java.io.IOException e) {
                return new SendResult.Unknown(e.toString());
            }
            return new SendResult.Sent(List.of("1"));
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
            return "till";
        }

        @Override
        public void close() {
        }
    }
}
