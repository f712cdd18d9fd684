package org.comptoir.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.comptoir.AppContext;
import org.comptoir.campaign.Audience;
import org.comptoir.campaign.Campaign;
import org.comptoir.campaign.CampaignKind;
import org.comptoir.campaign.CampaignService;
import org.comptoir.campaign.CampaignSettings;
import org.comptoir.campaign.ScheduleMode;
import org.comptoir.campaign.ScheduleRequest;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.schedule.FirstSend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code comptoir campaign create|list}: the weekly routine for shops that schedule Comptoir with the operating
 * system. Each action is its own nested class, so another one is one more class in {@code subcommands}.
 */
@Command(name = "campaign", description = "Create and list campaigns.",
        subcommands = {CampaignCommand.Create.class, CampaignCommand.ListCampaigns.class})
public final class CampaignCommand {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    ComptoirCommand root;

    /** The services, the messages and standard output, for the subcommands. */
    AppContext context() {
        return root.context();
    }

    Messages messages() {
        return root.messages();
    }

    PrintWriter out() {
        return root.spec.commandLine().getOut();
    }

    PrintWriter err() {
        return root.spec.commandLine().getErr();
    }

    @Command(name = "create", description = "Create and schedule a campaign with the editor's checks; prints its id.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        CampaignCommand campaign;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The campaign's name (never sent).")
        String name;

        @Option(names = "--text", required = true, paramLabel = "TEXT",
                description = "The SMS text; {prenom} is the first name. Promotions get the opt-out mention appended.")
        String text;

        @Option(names = "--kind", paramLabel = "MARKETING|SERVICE", defaultValue = "MARKETING",
                description = "MARKETING (default): consenting contacts only, with the opt-out mention; SERVICE: information.")
        CampaignKind kind;

        @Option(names = "--tag", paramLabel = "TAG", description = "Only contacts with this tag.")
        String tag;

        @Option(names = "--sender", paramLabel = "SENDER", description = "Sender name (default: the campaign.sender setting).")
        String sender;

        @Option(names = "--at", paramLabel = "ISO-DATE-TIME",
                description = "When to send, e.g. 2026-12-05T10:00 (the shop's time, from shop.country) or 2026-12-05T10:00+01:00; default: as soon as allowed.")
        String at;

        @Override
        public Integer call() {
            AppContext ctx = campaign.context(); // first: the messages follow the store's language once it is open
            Messages messages = campaign.messages();
            CampaignService service = ctx.campaigns();
            ZoneId shop = ctx.phoneNumbers().homeZone();
            ScheduleRequest request = at == null ? ScheduleRequest.asap() : ScheduleRequest.at(parseAt(at, shop));
            String from = sender != null ? sender : ctx.settings().get(CampaignSettings.SENDER);
            Campaign draft = Campaign.draft(name, kind, text, from, tag);
            // every problem at once and nothing saved, as the editor shows them before "Programmer"
            List<UserMessage> problems = new ArrayList<>();
            if (name.isBlank()) {
                problems.add(UserMessage.of("campaign.error.name"));
            }
            problems.addAll(service.problems(draft, request)); // text, sender, mention, audience, parts, date
            if (!problems.isEmpty()) {
                problems.forEach(p -> campaign.err().println(messages.render(p)));
                return Cli.FAILED;
            }
            Campaign saved = service.saveDraft(draft);
            Campaign scheduled = service.schedule(saved.id(), request);
            PrintWriter out = campaign.out();
            out.println(scheduled.id());
            out.println(messages.get("cli.campaign.message", service.composer(scheduled).render(scheduled.template(), (String) null)));
            firstSend(ctx, scheduled).ifPresent(f -> out.println(f.text(shop, messages)));
            return Cli.OK;
        }

        private static Optional<FirstSend> firstSend(AppContext ctx, Campaign c) {
            List<String> samples = ctx.campaigns().audience().summary(Audience.of(c)).zoneSamples();
            return FirstSend.earliest(ctx.sendingRules(), c.kind().messageClass(), samples, c.scheduledAt());
        }

        /** ISO-8601 with an offset or Z, or a local date-time read on the shop's clock. */
        static Instant parseAt(String typed, ZoneId shop) {
            String t = typed.strip();
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeException withoutOffset) {
                try {
                    return LocalDateTime.parse(t).atZone(shop).toInstant();
                } catch (DateTimeException e) {
                    throw new ComptoirException(UserMessage.of("cli.campaign.error.at", typed));
                }
            }
        }
    }

    @Command(name = "list", description = "Every campaign, newest first: id, status, kind, when, name.")
    static final class ListCampaigns implements Callable<Integer> {
        @ParentCommand
        CampaignCommand campaign;

        @Override
        public Integer call() {
            AppContext ctx = campaign.context(); // first: the messages follow the store's language once it is open
            Messages m = campaign.messages();
            List<Campaign> all = ctx.campaigns().list();
            ZoneId shop = ctx.phoneNumbers().homeZone();
            PrintWriter out = campaign.out();
            if (all.isEmpty()) {
                out.println(m.get("cli.campaign.list.empty"));
                return Cli.OK;
            }
            for (Campaign c : all) {
                String when = c.scheduledAt() == null ? "-"
                        : (c.scheduleMode() == ScheduleMode.ASAP ? m.get("cli.campaign.list.asap") + " " : "")
                        + LOCAL.format(c.scheduledAt().atZone(shop));
                out.println(String.format("%6d  %-16s %-20s %-24s %s", c.id(), m.get("campaign.status." + c.status()),
                        m.get("campaign.kind." + c.kind()), when, c.name()).stripTrailing());
            }
            return Cli.OK;
        }
    }
}
