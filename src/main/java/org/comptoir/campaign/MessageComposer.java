package org.comptoir.campaign;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.comptoir.sms.SmsAnalysis;
import org.comptoir.sms.SmsText;

/**
 * Turns a template into the text a recipient receives: personalisation, then, for MARKETING, the opt-out
 * mention on its own last line (DESIGN.md invariant 4: every marketing SMS carries it and is counted with it).
 *
 * <p>Placeholders: {@code {prenom}}, {@code {prénom}} or {@code {firstname}}, any case. A recipient without a
 * first name gets nothing in its place, and the space before the placeholder goes too, so "Bonjour {prenom} !"
 * becomes "Bonjour !" rather than "Bonjour  !". A placeholder at the start of a line also takes the ", " after
 * it ("{prenom}, -20 %…" → "-20 %…").
 *
 * <p>If the owner already typed the mention at the end of the text, it is not added a second time.
 * Immutable, pure and fast: fine on the JavaFX thread for every keystroke.
 */
public final class MessageComposer {

    /** What the editor's "insert first name" button types. */
    public static final String FIRST_NAME = "{prenom}";

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{(?:prenom|prénom|firstname)\\}", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern EMPTY_PLACEHOLDER = Pattern.compile(
            "(?:(?<=^|\\n)\\{(?:prenom|prénom|firstname)\\}[,;]? ?)|(?: ?\\{(?:prenom|prénom|firstname)\\})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Comparator<SmsAnalysis> LONGER = Comparator.comparingInt(SmsAnalysis::parts)
            .thenComparing(Comparator.comparingInt(SmsAnalysis::remaining).reversed());

    private final CampaignKind kind;
    private final String mention;

    /**
     * @param kind    MARKETING appends {@code optOutMention}; SERVICE adds nothing
     * @param optOutMention the shop's mention, e.g. "STOP au 36180" (setting {@code optout.mention})
     */
    public MessageComposer(CampaignKind kind, String optOutMention) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.mention = optOutMention == null ? "" : optOutMention.strip();
    }

    /** For a stored campaign: its own frozen mention, or {@code currentMention} while it has none yet. */
    public static MessageComposer forCampaign(Campaign campaign, String currentMention) {
        String m = campaign.stopMention() != null && !campaign.stopMention().isBlank()
                ? campaign.stopMention() : currentMention;
        return new MessageComposer(campaign.kind(), m);
    }

    public CampaignKind kind() {
        return kind;
    }

    public String mention() {
        return mention;
    }

    /** The fixed text the editor shows under the text area: "\nSTOP au 36180" for MARKETING, else "". */
    public String suffix(String template) {
        if (!kind.needsOptOutMention() || mention.isEmpty() || mentionTyped(template)) {
            return "";
        }
        return "\n" + mention;
    }

    /** True when the text already ends with the mention (any case), so it is not appended twice. */
    public boolean mentionTyped(String template) {
        String t = template == null ? "" : template.strip().toLowerCase(Locale.ROOT);
        return !mention.isEmpty() && t.endsWith(mention.toLowerCase(Locale.ROOT));
    }

    /** The text for one recipient, mention included. */
    public String render(String template, Recipient recipient) {
        return render(template, recipient == null ? null : recipient.firstName());
    }

    /** The text for a recipient with this first name (null or blank: none), mention included. */
    public String render(String template, String firstName) {
        String t = template == null ? "" : template;
        return personalise(t, firstName) + suffix(t);
    }

    /** Replaces the first-name placeholders; see the class comment for a missing name. */
    public static String personalise(String template, String firstName) {
        String name = firstName == null ? "" : firstName.strip();
        if (name.isEmpty()) {
            return EMPTY_PLACEHOLDER.matcher(template).replaceAll("");
        }
        return PLACEHOLDER.matcher(template).replaceAll(Matcher.quoteReplacement(name));
    }

    public static boolean hasPlaceholder(String template) {
        return template != null && PLACEHOLDER.matcher(template).find();
    }

    /**
     * The rendered text that needs the most parts (then leaves the least room) over these first names,
     * so the counter never promises fewer SMS than a recipient will get. With no names, the text for a
     * recipient without a first name.
     */
    public String worstCase(String template, List<String> firstNames) {
        String t = template == null ? "" : template;
        if (firstNames == null || firstNames.isEmpty() || !hasPlaceholder(t)) {
            return render(t, (String) null);
        }
        String worst = null;
        SmsAnalysis worstAnalysis = null;
        for (String name : firstNames) {
            String text = render(t, name);
            SmsAnalysis a = SmsText.analyze(text);
            if (worstAnalysis == null || LONGER.compare(a, worstAnalysis) > 0) {
                worst = text;
                worstAnalysis = a;
            }
        }
        return worst;
    }
}
