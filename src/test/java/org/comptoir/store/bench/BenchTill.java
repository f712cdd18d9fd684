package org.comptoir.store.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.comptoir.AppContext;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.dispatch.Outbox;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.StoreTarget;

/**
 * One till of {@link FourTillsBench} in its own JVM: opens the shared store named on the command line, prepares its
 * work, says {@code READY}, waits for {@code GO} on its input (so the four tills start together), works, and says
 * {@code DONE <items> <cpu-ns> <wall-ns>}: the process's CPU time over the work (every thread: JDBC, GC, JIT), which is
 * less noisy than the wall time on a shared machine. The serving PC of a shop server says {@code READY}, answers each
 * {@code CPU} line with {@code CPU <cpu-ns>} (its CPU time so far) and serves until its input ends.
 *
 * <p>Arguments: data folder; a store ({@code pg URL USER PASSWORD}, {@code shop HOST:PORT PASSWORD}, {@code serve
 * ADDRESS PORT PASSWORD}); the work: {@code consent PREFIX COUNT} (COUNT opt-ins at the till, numbers PREFIX0000…),
 * {@code queue} (schedules a campaign to everyone opted in, then queues it: {@link Outbox#start}), {@code serve}.
 */
public final class BenchTill {

    private BenchTill() {
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
            if (work.equals("serve")) {
                System.out.println("READY " + db.servingPort().orElse(0));
                System.out.flush();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals("CPU")) {
                        System.out.println("CPU " + cpuNanos());
                        System.out.flush();
                    }
                }
                return;
            }
            CampaignService campaigns = new CampaignService(db, settings, clock);
            Outbox outbox = new Outbox(db, campaigns, clock);
            long wording = consent.currentWording().id();
            long campaign = 0;
            if (work.equals("queue")) {
                Campaign draft = campaigns.saveDraft(Campaign.draft("Promo " + data.getFileName(),
                        CampaignKind.MARKETING, "Promo -20 % ce samedi", "", null));
                campaign = campaigns.schedule(draft.id(), ScheduleRequest.asap()).id();
            }
            System.out.println("READY");
            System.out.flush();
            if (!"GO".equals(in.readLine())) {
                throw new IllegalStateException("expected GO");
            }
            long cpu = cpuNanos();
            long start = System.nanoTime();
            long items;
            switch (work) {
                case "consent" -> {
                    String prefix = args[i++];
                    int count = Integer.parseInt(args[i]);
                    for (int n = 0; n < count; n++) {
                        consent.recordOptIn(new PhoneNumber(prefix + String.format("%04d", n)), null, wording,
                                Channel.TILL, "till " + prefix);
                    }
                    items = count;
                }
                case "queue" -> items = outbox.start(campaign);
                default -> throw new IllegalArgumentException(work);
            }
            System.out.println("DONE " + items + " " + (cpuNanos() - cpu) + " " + (System.nanoTime() - start));
            System.out.flush();
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
