package org.comptoir.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known sizes at the limits of TS 23.040 concatenation (REFERENCE.md §3.5). */
class SmsTextTest {

    @ParameterizedTest(name = "{0} GSM characters → {1} part(s), {2} left")
    @CsvSource({
        "1, 1, 159",
        "159, 1, 1",
        "160, 1, 0",
        "161, 2, 145",
        "306, 2, 0",
        "307, 3, 152",
        "459, 3, 0",
        "460, 4, 152",
    })
    void gsmBoundaries(int length, int parts, int remaining) {
        SmsAnalysis a = SmsText.analyze("a".repeat(length));
        assertThat(a.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(a.units()).isEqualTo(length);
        assertThat(a.parts()).isEqualTo(parts);
        assertThat(a.remaining()).isEqualTo(remaining);
        assertThat(a.partTexts()).hasSize(parts);
        assertThat(String.join("", a.partTexts())).isEqualTo("a".repeat(length));
        assertThat(a.limitOfCurrentPart()).isEqualTo(parts == 1 ? 160 : 153);
        assertThat(a.isUnicode()).isFalse();
        assertThat(a.nonGsm()).isEmpty();
    }

    @ParameterizedTest(name = "{0} UCS-2 units → {1} part(s), {2} left")
    @CsvSource({
        "1, 1, 69",
        "70, 1, 0",
        "71, 2, 63",
        "134, 2, 0",
        "135, 3, 66",
    })
    void ucs2Boundaries(int length, int parts, int remaining) {
        String text = "ç" + "a".repeat(length - 1);
        SmsAnalysis a = SmsText.analyze(text);
        assertThat(a.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(a.isUnicode()).isTrue();
        assertThat(a.units()).isEqualTo(length);
        assertThat(a.parts()).isEqualTo(parts);
        assertThat(a.remaining()).isEqualTo(remaining);
        assertThat(a.limitOfCurrentPart()).isEqualTo(parts == 1 ? 70 : 67);
    }

    @Test
    void emptyTextIsZeroUnitsAndZeroParts() {
        SmsAnalysis a = SmsText.analyze("");
        assertThat(a.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(a.units()).isZero();
        assertThat(a.parts()).isZero();
        assertThat(a.partTexts()).isEmpty();
        assertThat(a.remaining()).isEqualTo(160);
        assertThat(a.limitOfCurrentPart()).isEqualTo(160);
    }

    @Test
    void extensionCharacterThatWouldStraddleMovesToTheNextPart() {
        // 152 septets then € (ESC + 0x65): a naive cut leaves a lone ESC as septet 153 (REFERENCE.md §3.5).
        SmsAnalysis a = SmsText.analyze("A".repeat(152) + "€" + "B".repeat(10));
        assertThat(a.units()).isEqualTo(164);
        assertThat(a.parts()).isEqualTo(2);
        assertThat(a.partTexts()).containsExactly("A".repeat(152), "€" + "B".repeat(10));
        assertThat(a.remaining()).isEqualTo(153 - 12);
    }

    @Test
    void extensionCharacterThatEndsExactlyAtTheLimitStays() {
        SmsAnalysis a = SmsText.analyze("A".repeat(151) + "€" + "B".repeat(10));
        assertThat(a.partTexts()).containsExactly("A".repeat(151) + "€", "B".repeat(10));
    }

    @Test
    void emojiThatWouldStraddleMovesToTheNextPart() {
        String text = "ç".repeat(66) + "🎉" + "x".repeat(5);
        SmsAnalysis a = SmsText.analyze(text);
        assertThat(a.units()).isEqualTo(66 + 2 + 5);
        assertThat(a.partTexts()).containsExactly("ç".repeat(66), "🎉" + "x".repeat(5));
        assertThat(a.remaining()).isEqualTo(67 - 7);
    }

    /**
     * "e" + U+0301 is how macOS pastes é: cutting after the e would show a lone accent on the next SMS. The
     * same goes for a flag's two halves, a skin tone, joined emoji and a variation selector.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"e\u0301", "🇫🇷", "👍🏽", "👨‍👩‍👧", "❤️"})
    void clusterThatWouldStraddleMovesWholeToTheNextPart(String cluster) {
        String text = "ç".repeat(66) + cluster + "x".repeat(10);
        assertThat(SmsText.analyze(text).partTexts()).containsExactly("ç".repeat(66), cluster + "x".repeat(10));
    }

    @Test
    void aClusterLongerThanAPartIsCutBetweenCodePoints() {
        String text = "a" + "\u0301".repeat(100);
        SmsAnalysis a = SmsText.analyze(text);
        assertThat(a.units()).isEqualTo(101);
        assertThat(a.partTexts()).extracting(String::length).containsExactly(67, 34);
    }

    @Test
    void loneSurrogatesCountOneUnit() {
        SmsAnalysis a = SmsText.analyze("a\uD83Cb\uDF89");
        assertThat(a.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(a.units()).isEqualTo(4);
        assertThat(a.nonGsm()).extracting(NonGsmChar::codePoint).containsExactly(0xD83C, 0xDF89);
    }

    @Test
    void crlfCountsOneSeptetEach() {
        SmsAnalysis a = SmsText.analyze("Bonjour\r\nà demain\n");
        assertThat(a.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(a.units()).isEqualTo(18);
    }

    @Test
    void allExtensionText() {
        String text = "€[]{}^~\\|\f".repeat(16); // 160 characters, 320 septets
        SmsAnalysis a = SmsText.analyze(text);
        assertThat(a.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(a.units()).isEqualTo(320);
        assertThat(a.parts()).isEqualTo(3); // 76 + 76 + 8 characters: 152 septets, never a lone escape
        assertThat(a.partTexts()).extracting(String::length).containsExactly(76, 76, 8);
    }

    @Test
    void nonGsmCharactersAreListedOnceWithEveryIndexAndASuggestion() {
        SmsAnalysis a = SmsText.analyze("Ça, c’est l’été 🎉 garçon");
        assertThat(a.nonGsm()).extracting(NonGsmChar::text).containsExactly("’", "🎉", "ç");
        NonGsmChar quote = a.nonGsm().get(0);
        assertThat(quote.indices()).containsExactly(5, 11);
        assertThat(quote.replacement()).contains("'");
        assertThat(a.nonGsm().get(1).codePoint()).isEqualTo(0x1F389);
        assertThat(a.nonGsm().get(1).replacement()).isEmpty();
        assertThat(a.nonGsm().get(2).indices()).containsExactly(22);
        assertThat(a.nonGsm().get(2).replacement()).contains("c");
    }

    @Test
    void unitsOfCountsInTheGivenEncoding() {
        assertThat(SmsText.unitsOf("30€", SmsEncoding.GSM7)).isEqualTo(4);
        assertThat(SmsText.unitsOf("30€🎉", SmsEncoding.UCS2)).isEqualTo(5);
        assertThatThrownBy(() -> SmsText.unitsOf("garçon", SmsEncoding.GSM7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+00E7");
        assertThat(List.of(SmsEncoding.values())).extracting(SmsEncoding::singleLimit, SmsEncoding::partLimit)
                .containsExactly(tuple(160, 153), tuple(70, 67));
    }

    @Test
    void anAnalysisWhoseRemainingDisagreesWithItsSplitIsRefused() {
        assertThat(new SmsAnalysis(SmsEncoding.GSM7, 5, 155, List.of("abcde"), List.of()).parts()).isEqualTo(1);
        assertThatThrownBy(() -> new SmsAnalysis(SmsEncoding.GSM7, 5, 100, List.of("abcde"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsAnalysis(SmsEncoding.GSM7, 200, 154, List.of("a", "b"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
