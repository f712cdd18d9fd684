package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever surrounds an opt-out word, it is honoured; a message with STOP as a word is never dropped. */
class KeywordRecognizerPropertiesTest {

    private static final List<String> KEYWORDS = List.of("STOP", "STOP SMS", "ARRET", "ARRÊT", "DESABONNER",
            "DÉSABONNER", "DESINSCRIRE", "DÉSINSCRIPTION", "UNSUBSCRIBE", "STOPALL", "OPTOUT");
    private static final List<String> DECOR = List.of("", " ", "!", "!!", ".", "...", "?", "🛑", "🙏", "😡", "\"", "«",
            "»", "\n", "\t", "-", ",");
    private static final List<String> POLITE = List.of("", "merci", "svp", "please", "Bonjour", "thanks", "stp");
    /** Everyday words with no opt-out look-alike among them. */
    private static final List<String> VOCABULARY = List.of("je", "vous", "la", "commande", "samedi", "bouquet",
            "fleurs", "prix", "quand", "ouvert", "super", "top", "shop", "step", "spot", "post", "ticket", "merci",
            "bonne", "journée", "à", "demain", "est", "ce", "que", "photo", "rose", "stock", "photos", "magasin");

    private final KeywordRecognizer recognizer = new KeywordRecognizer("OUI FLEURS");

    @Property(tries = 500)
    void anOptOutWordInAnyCaseAndDecorIsAnOptOut(@ForAll("decorated") String text) {
        assertThat(recognizer.read(text).intent()).as(text).isEqualTo(InboundIntent.OPT_OUT);
    }

    @Property(tries = 500)
    void stopAsAWordOfAnyMessageIsNeverIgnored(@ForAll("withStop") String text) {
        assertThat(recognizer.read(text).intent()).as(text).isIn(InboundIntent.OPT_OUT, InboundIntent.REVIEW);
    }

    @Property(tries = 500)
    void everydayWordsNeverOptOut(@ForAll("everyday") String text) {
        assertThat(recognizer.read(text).intent()).as(text).isNotIn(InboundIntent.OPT_OUT, InboundIntent.REVIEW);
    }

    @Provide
    Arbitrary<String> decorated() {
        Arbitrary<String> keyword = Arbitraries.of(KEYWORDS).flatMap(k -> randomCase(k));
        return Combinators.combine(Arbitraries.of(DECOR), keyword, Arbitraries.of(DECOR), Arbitraries.of(POLITE),
                Arbitraries.of(DECOR)).as((a, k, b, p, c) -> a + k + b + " " + p + c);
    }

    @Provide
    Arbitrary<String> withStop() {
        Arbitrary<List<String>> before = Arbitraries.of(VOCABULARY).list().ofMaxSize(20);
        Arbitrary<List<String>> after = Arbitraries.of(VOCABULARY).list().ofMaxSize(20);
        return Combinators.combine(before, randomCase("stop"), after, Arbitraries.of(DECOR))
                .as((b, s, a, d) -> String.join(" ", b) + " " + s + d + " " + String.join(" ", a));
    }

    @Provide
    Arbitrary<String> everyday() {
        return Combinators.combine(Arbitraries.of(VOCABULARY).list().ofMinSize(1).ofMaxSize(15),
                Arbitraries.of(DECOR)).as((words, d) -> String.join(d.isBlank() ? " " : d + " ", words));
    }

    private static Arbitrary<String> randomCase(String word) {
        return Arbitraries.integers().between(0, (1 << Math.min(word.length(), 20)) - 1).map(mask -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                char ch = word.charAt(i);
                b.append((mask >> (i % 20) & 1) == 1 ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
            }
            return b.toString();
        });
    }
}
