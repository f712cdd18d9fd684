package org.comptoir.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.comptoir.i18n.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The first-send line of the editor and the command line, in both languages. */
class WindowTextTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final SendingRules rules = SendingRulesFactory.defaults();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "fr | 2026-11-29T10:00 | Premier envoi : lundi 30 novembre à 08:00 — dimanche interdit",
        "en | 2026-11-29T10:00 | First send: Monday 30 November at 08:00 — no sending on Sundays",
        "fr | 2027-05-17T10:00 | Premier envoi : mardi 18 mai à 08:00 — Lundi de Pentecôte, jour férié",
        "en | 2027-05-17T10:00 | First send: Tuesday 18 May at 08:00 — Whit Monday, a public holiday",
        "fr | 2026-11-28T20:30 | Premier envoi : lundi 30 novembre à 08:00 — hors des heures d'envoi (08:00–20:00)",
        "en | 2026-11-28T20:30 | First send: Monday 30 November at 08:00 — outside sending hours (08:00–20:00)",
        "fr | 2026-11-30T10:15 | Premier envoi : lundi 30 novembre à 10:15 (envois jusqu'à 20:00)",
        "en | 2026-11-30T10:15 | First send: Monday 30 November at 10:15 (sending until 20:00)"})
    void firstSend(String language, String parisLocal, String expected) {
        WindowDecision d = rules.check(MessageClass.MARKETING, "+33612345678", SendingRulesTest.paris(parisLocal));
        assertThat(WindowText.firstSend(d, PARIS, Messages.forLanguage(language))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fr | 2026-04-03T10:00 | Vendredi saint, jour férié",
        "en | 2026-04-03T10:00 | Good Friday, a public holiday",
        "en | 2026-12-26T10:00 | St Stephen's Day, a public holiday"})
    void alsaceMoselleDaysAreNamedInBothLanguages(String language, String parisLocal, String expected) {
        WindowDecision d = new WindowRules(WindowPreset.FRANCE, true)
                .check(MessageClass.MARKETING, "+33612345678", SendingRulesTest.paris(parisLocal));
        assertThat(WindowText.reason(d, Messages.forLanguage(language))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aMartiniqueNumberIsShownOnTheShopsClock() {
        WindowDecision d = rules.check(MessageClass.MARKETING, "+596696123456", SendingRulesTest.paris("2026-11-30T09:00"));
        assertThat(WindowText.firstSend(d, PARIS, Messages.forLanguage("fr")))
                .isEqualTo("Premier envoi : lundi 30 novembre à 13:00 — hors des heures d'envoi (08:00–20:00)");
    }

    @org.junit.jupiter.api.Test
    void theRecipientsOwnTimeIsAddedWhenItDiffers() {
        // Tuesday 1 December 2026 at 23:19 in Paris is 18:19 in Martinique: open there until 20:00 (01:00 in Paris)
        WindowDecision d = rules.check(MessageClass.MARKETING, "+596696123456", SendingRulesTest.paris("2026-12-01T23:19"));
        FirstSend f = new FirstSend("+596696123456", d);
        assertThat(f.text(PARIS, Messages.forLanguage("fr")))
                .isEqualTo("Premier envoi : mardi 1 décembre à 23:19, 18:19 chez le destinataire (envois jusqu'à 01:00)");
        assertThat(f.text(PARIS, Messages.forLanguage("en")))
                .isEqualTo("First send: Tuesday 1 December at 23:19, 18:19 for the recipient (sending until 01:00)");
        // a Paris recipient seen from Paris gets no second time
        WindowDecision paris = rules.check(MessageClass.MARKETING, "+33612345678", SendingRulesTest.paris("2026-11-30T10:15"));
        assertThat(new FirstSend("+33612345678", paris).text(PARIS, Messages.forLanguage("fr")))
                .isEqualTo("Premier envoi : lundi 30 novembre à 10:15 (envois jusqu'à 20:00)");
    }

    @org.junit.jupiter.api.Test
    void theEarliestSampleOfTheAudienceLeadsAndBadNumbersAreSkipped() {
        // Monday 30 November 2026, 07:00 in Paris: Paris opens at 08:00, Réunion (+3 h) is already open
        java.util.Optional<FirstSend> f = FirstSend.earliest(rules, MessageClass.MARKETING,
                java.util.List.of("+33612345678", "not a number", "+262262123456"), SendingRulesTest.paris("2026-11-30T07:00"));
        assertThat(f).hasValueSatisfying(first -> {
            assertThat(first.number()).isEqualTo("+262262123456");
            assertThat(first.decision().allowed()).isTrue();
        });
        assertThat(FirstSend.earliest(rules, MessageClass.MARKETING, java.util.List.of(), java.time.Instant.EPOCH)).isEmpty();
    }
}
