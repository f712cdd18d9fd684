package org.comptoir.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.comptoir.AppContext;
import org.comptoir.consent.ConsentEventView;
import org.comptoir.consent.ContactStatus;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.phone.PhoneParse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code comptoir contact show NUMBER [--json]}: a person's consent status and its full history. */
@Command(name = "contact", description = "Look up a contact's consent.", subcommands = ContactCommand.Show.class)
public final class ContactCommand {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    ComptoirCommand root;

    @Command(name = "show", description = "Status, since when, and every consent event of one number.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ContactCommand contact;

        @Parameters(index = "0", paramLabel = "NUMBER", description = "As typed at the till, e.g. \"06 12 34 56 78\".")
        String typed;

        @Option(names = "--json", description = "Print JSON (keys: number, status, since, firstName, history).")
        boolean json;

        @Override
        public Integer call() throws JsonProcessingException {
            AppContext ctx = contact.root.context();
            Messages messages = contact.root.messages();
            PrintWriter out = contact.root.spec.commandLine().getOut();
            PhoneNumbers numbers = ctx.phoneNumbers();
            PhoneParse parse = numbers.parseMobile(typed);
            if (parse instanceof PhoneParse.Invalid invalid) {
                throw new ComptoirException(invalid.reason());
            }
            PhoneNumber number = ((PhoneParse.Valid) parse).number();
            Optional<ContactStatus> status = ctx.consent().lookup(number);
            if (status.isEmpty()) {
                throw new ComptoirException(UserMessage.of("cli.contact.unknown", numbers.formatNational(number)));
            }
            List<ConsentEventView> history = ctx.consent().history(number);
            if (json) {
                out.println(json(number, status.get(), history));
            } else {
                text(out, messages, numbers, number, status.get(), history);
            }
            return Cli.OK;
        }
    }

    /** Stable keys in a fixed order, instants in UTC ISO-8601, so scripts can rely on them. */
    static String json(PhoneNumber number, ContactStatus s, List<ConsentEventView> history) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("number", number.e164());
        root.put("status", s.status() == null ? null : s.status().name());
        root.put("since", iso(s.since()));
        root.put("firstName", s.firstName());
        List<Map<String, Object>> events = new ArrayList<>();
        for (ConsentEventView e : history) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", e.seq());
            m.put("kind", e.kind().name());
            m.put("channel", e.channel().name());
            m.put("wordingVersion", e.wordingVersion());
            m.put("staff", e.staff());
            m.put("occurredAt", iso(e.occurredAt()));
            m.put("evidence", e.evidence());
            events.add(m);
        }
        root.put("history", events);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    private static void text(PrintWriter out, Messages m, PhoneNumbers numbers, PhoneNumber number, ContactStatus s,
                             List<ConsentEventView> history) {
        out.println(m.get("cli.contact.number", numbers.formatNational(number), number.e164()));
        if (s.firstName() != null) {
            out.println(m.get("cli.contact.first.name", s.firstName()));
        }
        out.println(s.status() == null ? m.get("cli.contact.never.asked")
                : m.get("cli.contact.status", m.get("consent.status." + s.status().name()), local(s.since())));
        out.println(m.get("cli.contact.history"));
        for (ConsentEventView e : history) {
            StringBuilder line = new StringBuilder(String.format("  #%-6d %s  %-22s %-12s", e.seq(), local(e.occurredAt()),
                    m.get("consent.kind." + e.kind().name()), m.get("consent.channel." + e.channel().name())));
            if (e.wordingVersion() != null) {
                line.append("  ").append(m.get("cli.contact.wording", e.wordingVersion()));
            }
            if (e.staff() != null) {
                line.append("  ").append(m.get("cli.contact.staff", e.staff()));
            }
            if (e.evidence() != null) {
                line.append("  ").append(m.get("cli.contact.evidence", e.evidence()));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String local(Instant i) {
        return i == null ? "" : LOCAL.format(i.atZone(ZoneId.systemDefault()));
    }
}
