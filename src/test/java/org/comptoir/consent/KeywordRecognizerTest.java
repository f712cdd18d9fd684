package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every opt-out variant the issue lists, the near-misses that must not opt out, and the other intents. */
class KeywordRecognizerTest {

    private final KeywordRecognizer recognizer = new KeywordRecognizer("OUI FLEURS");

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", "Stop", "sToP", " STOP ", "STOP SMS", "stop sms", "ARRET", "ARRÊT", "arrêt",
            "Arret", "DESABONNER", "DÉSABONNER", "désabonner", "DESINSCRIRE", "DÉSINSCRIPTION", "desinscription",
            "UNSUBSCRIBE", "Unsubscribe", "STOPALL", "STOP ALL", "END", "end", "CANCEL", "QUIT", "REVOKE", "OPTOUT",
            "OPT-OUT", "opt out", "Stop merci", "stop.", "STOP!!", "STOP !!!", "¡stop!", "🛑 STOP 🛑", "STOP 🙏",
            "\"STOP\"", "(stop)", "S T O P ", "STOPPP", "Stooop", "STPO", "SOTP", "TSOP", "stpo merci", "ST0P",
            "ＳＴＯＰ", "STOP\n", "\tstop\t", "Stop svp", "STOP au 36180", "Désabonnez-moi", "Arrêtez svp",
            "Arrêtez de m'envoyer des SMS", "stop stop stop", "merci de ne plus m'écrire STOP", "End.", "Quit!",
            "UNSUSCRIBE", "DESINSCRIR", "désinscris moi", "DÉS-ABONNER", "Cancel please", "Bonjour, stop merci", "désabonnement ?"})
    void optOutVariants(String text) {
        assertThat(recognizer.read(text).intent()).as(text).isEqualTo(InboundIntent.OPT_OUT);
    }

    /** Near-misses: a word that looks like STOP but is not, or a French abbreviation. */
    @ParameterizedTest
    @ValueSource(strings = {"STP", "merci stp", "SHOP", "STEP", "SPOT", "POST", "TOPS", "STOCK", "top", "Super, merci !",
            "A quelle heure ouvrez-vous ?", "Autostop", "Nonstop", "ENDROIT", "quitter", "endive", "ARTE", "ST",
            "", "   ", "!!!", "🙏"})
    void nearMissesDoNotOptOut(String text) {
        assertThat(recognizer.read(text).intent()).as(text).isNotIn(InboundIntent.OPT_OUT, InboundIntent.REVIEW);
    }

    /** The documented rule for ambiguous replies: they go to the owner, never silently ignored nor acted on. */
    @ParameterizedTest
    @ValueSource(strings = {"je voudrais stopper ma commande", "Stopper", "ARRÊTER", "arrête",
            "Bonjour, j'ai bien reçu votre message mais pouvez-vous stop les envois le dimanche svp",
            "Je ne sais pas comment faire pour stop, mon fils a donné mon numéro sans me demander",
            "The end", "Cancel my order", "I want to quit smoking", "STOPS"})
    void ambiguousRepliesAreForTheOwner(String text) {
        assertThat(recognizer.read(text).intent()).as(text).isEqualTo(InboundIntent.REVIEW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AIDE|HELP", "aide|HELP", "HELP|HELP", "Help!|HELP", "INFO|HELP", "infos ?|HELP", "Aide svp|HELP",
            "OUI|YES", "oui|YES", "Oui !|YES", "OUIII|YES", "YES|YES", "yes please|YES", "START|YES", "Start|YES",
            "OUI FLEURS|SIGN_UP", "oui fleurs|SIGN_UP", "Oui, Fleurs !|SIGN_UP", "OUI  FLEURS merci|SIGN_UP",
            "FLEURS|OTHER", "OUI FLEUR|OTHER", "Oui bien sûr, à samedi|OTHER", "Merci|OTHER", "OK|OTHER",
            "OUI STOP|OPT_OUT", "STOP AIDE|OPT_OUT", "AIDE moi à comprendre mon ticket|OTHER"})
    void otherIntents(String text, InboundIntent expected) {
        assertThat(recognizer.read(text).intent()).as(text).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OUI FLEURS", "FLEURS"})
    void withoutASignUpKeywordItIsNotASignUp(String text) {
        assertThat(new KeywordRecognizer("").read(text).intent()).isNotEqualTo(InboundIntent.SIGN_UP);
        assertThat(new KeywordRecognizer(null).read(text).intent()).isNotEqualTo(InboundIntent.SIGN_UP);
    }

    @ParameterizedTest
    @CsvSource({"STOP,STPO,true", "STOP,SOTP,true", "STOP,STOP,false", "STOP,SPOT,false", "STOP,TOPS,false",
            "STOP,STO,false"})
    void adjacentSwap(String keyword, String word, boolean expected) {
        assertThat(KeywordRecognizer.oneAdjacentSwap(word, keyword)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"UNSUBSCRIBE,UNSUSCRIBE,true", "UNSUBSCRIBE,UNSUBSCRIBES,true", "UNSUBSCRIBE,UNSUBSCRIBX,true",
            "UNSUBSCRIBE,UNSUBSCRIBE,false", "UNSUBSCRIBE,UNSUBSCR,false", "UNSUBSCRIBE,XNSUBSCRIBX,false"})
    void oneEdit(String keyword, String word, boolean expected) {
        assertThat(KeywordRecognizer.oneEdit(word, keyword)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theWordThatDecidedIsReported() {
        assertThat(recognizer.read("Stop merci").word()).isEqualTo("STOP");
        assertThat(recognizer.read("je voudrais stopper ma commande").word()).isEqualTo("STOPER");
        assertThat(recognizer.signUpKeyword()).isEqualTo("OUI FLEURS");
    }
}
