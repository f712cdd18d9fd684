package org.comptoir.consent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads what a received SMS asks for: stop, help, yes, the shop's sign-up keyword, or something for the owner.
 * Pure and thread-safe (immutable).
 *
 * <p>The rule, written out in {@code docs/consent-sms.md}: the text is reduced to words (accents, case,
 * punctuation and emoji dropped; letters spelled out joined; repeated letters collapsed, so {@code STOPPP} is
 * {@code STOP}). Then
 * <ol>
 *   <li>an opt-out word ({@link #STRONG}, or one adjacent swap of letters away from STOP or one of six letters
 *       or more: {@code STPO}, {@code SOTP}, but not {@code ARTE}; or one edit away from one of seven letters or more: {@code DESINSCRIR}) in a
 *       reply of at most {@link #SHORT_REPLY_WORDS} words is an {@link InboundIntent#OPT_OUT};</li>
 *   <li>{@code END}, {@code CANCEL}, {@code QUIT}, {@code REVOKE} — everyday English words — opt out only alone
 *       (politeness words such as {@code merci} aside);</li>
 *   <li>any other message with one of those words, or with a word that starts like one ({@code stopper},
 *       {@code arrêter}), is {@link InboundIntent#REVIEW}: it waits for the owner, it is never dropped;</li>
 *   <li>then the sign-up keyword (the whole message), {@code AIDE}/{@code HELP}/{@code INFO} alone,
 *       {@code OUI}/{@code YES}/{@code START} alone; everything else is {@link InboundIntent#OTHER}.</li>
 * </ol>
 * Stop wins over everything else: a message that could be a stop is never read as a yes.
 */
public final class KeywordRecognizer {

    /** How long a reply may be, in words, for an opt-out word in it to count without asking the owner. */
    public static final int SHORT_REPLY_WORDS = 8;

    /** Opt-out words that mean stop in any short reply (collapsed spelling: no doubled letters, see {@link #collapse}). */
    static final Set<String> STRONG = collapsedSet("STOP", "STOPALL", "STOPSMS", "ARRET", "ARRETEZ", "STOPPEZ",
            "DESABONNER", "DESABONNEZ", "DESABONNEMENT", "DESINSCRIRE", "DESINSCRIVEZ", "DESINSCRIPTION", "DESINSCRIS",
            "UNSUBSCRIBE", "OPTOUT");

    /** Opt-out words that are also everyday English: they count only when they are the whole message. */
    static final Set<String> WEAK = collapsedSet("END", "CANCEL", "QUIT", "REVOKE");

    /** Beginnings that make a word look like an opt-out ("stopper", "arrêter", "désabonnement"). */
    private static final List<String> STEMS = List.of("STOP", "ARET", "DESABON", "DESINSCRI", "UNSUBSCRI", "OPTOUT");

    /** Words that change nothing to what a short reply asks ("Stop merci", "Oui svp"). */
    private static final Set<String> POLITE = collapsedSet("MERCI", "MRC", "BCP", "BEAUCOUP", "SVP", "STP", "PLEASE",
            "PLZ", "THANKS", "THANK", "THX", "YOU", "BONJOUR", "BONSOIR", "HELLO", "HI", "SALUT", "OK", "SMS", "MSG");

    private static final Set<String> HELP = collapsedSet("AIDE", "HELP", "INFO", "INFOS");
    private static final Set<String> YES = collapsedSet("OUI", "YES", "START");

    /** One reading: the intent and the word (normalised) that decided it, empty when none did. */
    public record Reading(InboundIntent intent, String word) {
    }

    private final List<String> signUpWords;

    /** @param signUpKeyword the shop's sign-up keyword ({@code "OUI FLEURS"}); blank when there is none */
    public KeywordRecognizer(String signUpKeyword) {
        List<String> words = signUpKeyword == null ? List.of() : words(signUpKeyword);
        this.signUpWords = words.stream().filter(w -> !POLITE.contains(w)).toList();
    }

    /** What {@code text} asks for, by the rule above. */
    public Reading read(String text) {
        List<String> words = words(text == null ? "" : text);
        if (words.isEmpty()) {
            return new Reading(InboundIntent.OTHER, "");
        }
        List<String> content = words.stream().filter(w -> !POLITE.contains(w)).toList();
        String strong = strongWord(words);
        if (strong != null && words.size() <= SHORT_REPLY_WORDS) {
            return new Reading(InboundIntent.OPT_OUT, strong);
        }
        if (content.size() == 1 && WEAK.contains(content.get(0))) {
            return new Reading(InboundIntent.OPT_OUT, content.get(0));
        }
        String doubtful = strong != null ? strong : doubtfulWord(words);
        if (doubtful != null) {
            return new Reading(InboundIntent.REVIEW, doubtful);
        }
        if (!signUpWords.isEmpty() && content.equals(signUpWords)) {
            return new Reading(InboundIntent.SIGN_UP, String.join(" ", signUpWords));
        }
        if (!content.isEmpty() && HELP.containsAll(content)) {
            return new Reading(InboundIntent.HELP, content.get(0));
        }
        if (content.size() == 1 && YES.contains(content.get(0))) {
            return new Reading(InboundIntent.YES, content.get(0));
        }
        return new Reading(InboundIntent.OTHER, "");
    }

    /** The sign-up keyword as it is compared (normalised words), empty when none is set. */
    public String signUpKeyword() {
        return String.join(" ", signUpWords);
    }

    /** The first word, or pair of adjacent words ("OPT OUT", "DÉS-ABONNER"), that is a strong opt-out word. */
    private static String strongWord(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (isStrong(words.get(i))) {
                return words.get(i);
            }
            if (i + 1 < words.size()) {
                String joined = collapse(words.get(i) + words.get(i + 1));
                if (STRONG.contains(joined)) {
                    return joined;
                }
            }
        }
        return null;
    }

    private static boolean isStrong(String word) {
        if (STRONG.contains(word)) {
            return true;
        }
        for (String keyword : STRONG) {
            if ((keyword.equals("STOP") || keyword.length() >= 6) && oneAdjacentSwap(word, keyword)) {
                return true;
            }
            if (keyword.length() >= 7 && oneEdit(word, keyword)) {
                return true;
            }
        }
        return false;
    }

    private static String doubtfulWord(List<String> words) {
        for (String w : words) {
            if (WEAK.contains(w)) {
                return w;
            }
            for (String stem : STEMS) {
                if (w.startsWith(stem)) {
                    return w;
                }
            }
        }
        return null;
    }

    /** {@code a} is {@code b} with two neighbouring letters swapped. */
    static boolean oneAdjacentSwap(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                first = i;
                break;
            }
        }
        return first >= 0 && first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                && a.substring(first + 2).equals(b.substring(first + 2));
    }

    /** {@code a} is {@code b} with one letter changed, added or removed. */
    static boolean oneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            return a.substring(i + 1).equals(b.substring(i + 1));
        }
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }

    /**
     * The message as comparable words: compatibility-decomposed (full-width letters become plain ones), accents
     * dropped, upper case, a zero between letters read as an O ({@code ST0P}), every run of anything that is not
     * a letter or a digit (spaces, punctuation, emoji, apostrophes, hyphens) a separator, repeated letters
     * collapsed.
     */
    static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toUpperCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String raw : plain.split("[^\\p{L}\\p{N}]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            String w = raw.chars().anyMatch(Character::isLetter) ? raw.replace('0', 'O') : raw;
            out.add(w);
        }
        return joinSpelledOut(out).stream().map(KeywordRecognizer::collapse).toList();
    }

    /** Three or more single letters in a row are one word spelled out ({@code S T O P}). */
    private static List<String> joinSpelledOut(List<String> words) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int j = i;
            while (j < words.size() && words.get(j).length() == 1 && Character.isLetter(words.get(j).charAt(0))) {
                j++;
            }
            if (j - i >= 3) {
                out.add(String.join("", words.subList(i, j)));
                i = j;
            } else {
                out.add(words.get(i));
                i++;
            }
        }
        return out;
    }

    /** Repeated letters collapsed to one ({@code ARRÊT} and {@code ARET} compare equal, so do {@code STOPPP} and {@code STOP}). */
    static String collapse(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            if (b.length() == 0 || b.charAt(b.length() - 1) != ch || !Character.isLetter(ch)) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static Set<String> collapsedSet(String... words) {
        Set<String> set = new java.util.HashSet<>();
        for (String w : words) {
            set.add(collapse(w));
        }
        return Set.copyOf(set);
    }
}
