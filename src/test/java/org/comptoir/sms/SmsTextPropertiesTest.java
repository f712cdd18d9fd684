package org.comptoir.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The split always agrees with the count, whatever the text (REFERENCE.md §3.4–3.5). */
class SmsTextPropertiesTest {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "€[]{}^~\\|\f";
    private static final String FRENCH_NOT_GSM =
            "çêâîôûëïÿœŒÊÂÎÔÛËÏÀÈÙ«»’‘“”…–—\u00A0\u202F`°";

    @Property(tries = 400)
    void anyTextSplitsConsistently(@ForAll("anyText") String text) {
        checkInvariants(text, SmsText.analyze(text));
    }

    @Property(tries = 400)
    void gsmTextSplitsConsistently(@ForAll("gsmText") String text) {
        SmsAnalysis a = SmsText.analyze(text);
        assertThat(a.encoding()).isEqualTo(SmsEncoding.GSM7);
        checkInvariants(text, a);
    }

    @Property(tries = 300)
    void suggestionsAreIdempotentAndLeaveOnlyHopelessCharacters(@ForAll("anyText") String text) {
        String fixed = GsmSuggestions.replaceAll(text);
        assertThat(GsmSuggestions.replaceAll(fixed)).as("idempotent").isEqualTo(fixed);
        SmsAnalysis after = SmsText.analyze(fixed);
        checkInvariants(fixed, after);
        if (after.encoding() == SmsEncoding.GSM7) {
            assertThat(SmsText.analyze(text).nonGsm()).allMatch(c -> c.replacement().isPresent());
        }
    }

    static void checkInvariants(String text, SmsAnalysis a) {
        boolean allGsm = text.chars().allMatch(c -> GsmAlphabet.isGsm((char) c));
        assertThat(a.encoding()).isEqualTo(allGsm ? SmsEncoding.GSM7 : SmsEncoding.UCS2);
        assertThat(String.join("", a.partTexts())).isEqualTo(text);
        assertThat(a.parts()).isEqualTo(a.partTexts().size());
        assertThat(a.parts() == 0).isEqualTo(text.isEmpty());
        assertThat(a.partTexts()).allMatch(p -> !p.isEmpty());
        int limit = a.parts() <= 1 ? a.encoding().singleLimit() : a.encoding().partLimit();
        assertThat(a.limitOfCurrentPart()).isEqualTo(limit);
        int sum = 0;
        for (String part : a.partTexts()) {
            int units = SmsText.unitsOf(part, a.encoding());
            assertThat(units).as("part of %d units, limit %d", units, limit).isLessThanOrEqualTo(limit);
            sum += units;
        }
        assertThat(sum).isEqualTo(a.units());
        assertThat(a.units()).isEqualTo(allGsm ? SmsText.unitsOf(text, SmsEncoding.GSM7) : text.length());
        assertThat(a.parts() > 1).isEqualTo(a.units() > a.encoding().singleLimit());
        String last = a.parts() == 0 ? "" : a.partTexts().get(a.parts() - 1);
        assertThat(a.remaining()).isEqualTo(limit - SmsText.unitsOf(last, a.encoding()));
        if (a.encoding() == SmsEncoding.GSM7) {
            for (String part : a.partTexts()) {
                List<Integer> septets = septets(part);
                assertThat(septets.get(septets.size() - 1)).as("part ends with a lone escape")
                        .isNotEqualTo(GsmAlphabet.ESCAPE);
            }
            assertThat(a.nonGsm()).isEmpty();
        } else {
            for (int i = 1; i < a.parts(); i++) {
                String before = a.partTexts().get(i - 1);
                boolean cutPair = Character.isHighSurrogate(before.charAt(before.length() - 1))
                        && Character.isLowSurrogate(a.partTexts().get(i).charAt(0));
                assertThat(cutPair).as("surrogate pair cut between parts %d and %d", i, i + 1).isFalse();
            }
            long offending = 0;
            for (NonGsmChar c : a.nonGsm()) {
                for (int index : c.indices()) {
                    assertThat(text.startsWith(c.text(), index)).isTrue();
                }
                offending += c.count();
            }
            long expected = text.codePoints().filter(cp -> !GsmAlphabet.isGsm(cp)).count();
            assertThat(offending).isEqualTo(expected);
        }
    }

    /** The septets TS 23.038 would send for a GSM part: escape pairs for extension characters. */
    static List<Integer> septets(String part) {
        List<Integer> septets = new ArrayList<>();
        for (char c : part.toCharArray()) {
            if (GsmAlphabet.isBasic(c)) {
                septets.add(GsmAlphabet.septetOf(c).getAsInt());
            } else {
                septets.add(GsmAlphabet.ESCAPE);
                septets.add(GsmAlphabet.extensionCodeOf(c).getAsInt());
            }
        }
        return septets;
    }

    @Provide
    Arbitrary<String> gsmText() {
        Arbitrary<String> fragment = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(chars(BASIC))),
                Tuple.of(3, Arbitraries.of(chars(EXTENSION))),
                Tuple.of(1, Arbitraries.just("\r\n")));
        return join(fragment, 700);
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> emoji = Arbitraries.integers().between(0x1F300, 0x1FAFF).map(Character::toString);
        Arbitrary<String> fragment = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of(chars(BASIC))),
                Tuple.of(3, Arbitraries.of(chars(EXTENSION))),
                Tuple.of(2, Arbitraries.of(chars(FRENCH_NOT_GSM))),
                Tuple.of(2, emoji),
                Tuple.of(1, Arbitraries.of("👍🏽", "🇫🇷", "👨‍👩‍👧", "e\u0301", "❤️", "1️⃣",
                        "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC7F")),
                Tuple.of(1, Arbitraries.integers().between(0x0300, 0x036F).map(Character::toString)),
                Tuple.of(1, Arbitraries.chars().range('\uD800', '\uDFFF').map(String::valueOf)),
                Tuple.of(1, Arbitraries.chars().all().map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(0, Character.MAX_CODE_POINT).map(Character::toString)));
        return join(fragment, 400);
    }

    private static Arbitrary<String> join(Arbitrary<String> fragment, int maxFragments) {
        return fragment.list().ofMinSize(0).ofMaxSize(maxFragments).map(l -> String.join("", l));
    }

    private static List<String> chars(String alphabet) {
        return alphabet.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    }
}
