package org.comptoir.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every French letter, both cases, against TS 23.038 (REFERENCE.md §3.3), and the typography fixes. */
class GsmSuggestionsTest {

    @ParameterizedTest(name = "{0}: GSM={1}, suggestion={2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "à|true|-", "À|false|A", "â|false|a", "Â|false|A", "ä|true|-", "Ä|true|-",
        "æ|true|-", "Æ|true|-",
        "ç|false|c", "Ç|true|-",
        "é|true|-", "É|true|-", "è|true|-", "È|false|E", "ê|false|e", "Ê|false|E", "ë|false|e", "Ë|false|E",
        "î|false|i", "Î|false|I", "ï|false|i", "Ï|false|I",
        "ô|false|o", "Ô|false|O", "ö|true|-", "Ö|true|-",
        "œ|false|oe", "Œ|false|OE",
        "ù|true|-", "Ù|false|U", "û|false|u", "Û|false|U", "ü|true|-", "Ü|true|-",
        "ÿ|false|y", "Ÿ|false|Y",
        // other Latin letters a French shop meets (Spanish, Italian, Portuguese names)
        "á|false|a", "Á|false|A", "í|false|i", "Í|false|I", "ó|false|o", "Ó|false|O", "ú|false|u", "Ú|false|U",
        "ì|true|-", "Ì|false|I", "ò|true|-", "Ò|false|O", "ñ|true|-", "Ñ|true|-", "ß|true|-",
        "ã|false|a", "õ|false|o", "ø|true|-", "Ø|true|-", "å|true|-", "Å|true|-", "ą|false|a", "ł|false|-",
    })
    void frenchLetters(String letter, boolean gsm, String suggestion) {
        int cp = letter.codePointAt(0);
        assertThat(GsmAlphabet.isGsm(cp)).as("%s in GSM-7", letter).isEqualTo(gsm);
        assertThat(GsmSuggestions.replacementFor(cp)).as("suggestion for %s", letter)
                .isEqualTo(Optional.ofNullable(suggestion));
    }

    @Test
    void typography() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("\u2019\u2018\u201A\u2032`", "'"),
                Map.entry("\u201C\u201D\u201E\u00AB\u00BB", "\""),
                Map.entry("\u00A0\u202F\u2009\t", " "),
                Map.entry("\u2013\u2014\u2022", "-"),
                Map.entry("\u2026", "..."),
                Map.entry("\u2028", "\n"),
                Map.entry("\u200B\u00AD\uFEFF", ""));
        expected.forEach((characters, replacement) -> characters.chars().forEach(c ->
                assertThat(GsmSuggestions.replacementFor(c)).as("U+%04X", c).contains(replacement)));
    }

    @Test
    void gsmCharactersAndHopelessOnesHaveNoSuggestion() {
        assertThat(GsmSuggestions.replacementFor('€')).isEmpty();
        assertThat(GsmSuggestions.replacementFor('{')).isEmpty();
        assertThat(GsmSuggestions.replacementFor('a')).isEmpty();
        assertThat(GsmSuggestions.replacementFor(0x1F389)).isEmpty(); // 🎉
        assertThat(GsmSuggestions.replacementFor('°')).isEmpty();
        assertThat(GsmSuggestions.replacementFor(0xD83C)).isEmpty(); // lone surrogate
    }

    @Test
    void everySuggestionIsItselfGsm() {
        for (int cp = 0; cp <= 0x2FFFF; cp++) {
            Optional<String> replacement = GsmSuggestions.replacementFor(cp);
            if (replacement.isPresent()) {
                assertThat(SmsText.isGsm(replacement.get())).as("U+%04X → %s", cp, replacement.get()).isTrue();
                assertThat(GsmAlphabet.isGsm(cp)).isFalse();
            }
        }
    }

    @Test
    void replaceAllFixesTypographyAndLeavesTheRestAlone() {
        String french = "C’est « génial » : l’œuvre de Noël… garçon – 30 € 🎉";
        String fixed = GsmSuggestions.replaceAll(french);
        assertThat(fixed).isEqualTo("C'est \" génial \" : l'oeuvre de Noel... garcon - 30 € 🎉");
        assertThat(SmsText.analyze(GsmSuggestions.replaceAll(french.replace(" 🎉", ""))).encoding())
                .isEqualTo(SmsEncoding.GSM7);
        assertThat(GsmSuggestions.replaceAll("")).isEmpty();
        assertThat(GsmSuggestions.replaceAll("a\uD83Cb")).isEqualTo("a\uD83Cb");
    }
}
