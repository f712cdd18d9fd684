package org.comptoir.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.comptoir.sms.SmsAnalysis;
import org.comptoir.sms.SmsEncoding;
import org.comptoir.sms.SmsText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageComposerTest {

    private final MessageComposer marketing = new MessageComposer(CampaignKind.MARKETING, "STOP au 36180");
    private final MessageComposer service = new MessageComposer(CampaignKind.SERVICE, "STOP au 36180");

    @Test
    void marketingGetsTheMentionOnItsOwnLine() {
        assertThat(marketing.render("Bonjour {prenom}, -20 % samedi", "Léa"))
                .isEqualTo("Bonjour Léa, -20 % samedi\nSTOP au 36180");
        assertThat(marketing.suffix("x")).isEqualTo("\nSTOP au 36180");
    }

    @Test
    void serviceMessagesCarryNoMention() {
        assertThat(service.render("Votre commande est prête", "Léa")).isEqualTo("Votre commande est prête");
        assertThat(service.suffix("x")).isEmpty();
    }

    @Test
    void aMentionTypedAtTheEndIsNotDuplicated() {
        assertThat(marketing.render("Soldes ! stop au 36180  ", (String) null)).isEqualTo("Soldes ! stop au 36180  ");
        assertThat(marketing.mentionTyped("Soldes ! STOP au 36180")).isTrue();
        assertThat(marketing.suffix("Soldes ! STOP au 36180")).isEmpty();
    }

    @Test
    void theMentionIsCountedInTheLength() {
        String template = "A".repeat(146); // 146 + "\n" + 13 = 160: one SMS, exactly full
        assertThat(SmsText.analyze(marketing.render(template, (String) null)).parts()).isEqualTo(1);
        assertThat(SmsText.analyze(marketing.render(template + "A", (String) null)).parts()).isEqualTo(2);
        assertThat(SmsText.analyze(service.render(template + "A", (String) null)).parts()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bonjour {prenom} !|Bonjour !",
            "Bonjour {prenom}, à samedi|Bonjour, à samedi",
            "{prenom}, -20 % samedi|-20 % samedi",
            "Hello {firstname}!|Hello!",
            "Salut {Prénom} et à bientôt|Salut et à bientôt",
            "Rien à remplacer|Rien à remplacer"})
    void aMissingFirstNameLeavesNoHoleNorDoubleSpace(String template, String expected) {
        assertThat(MessageComposer.personalise(template, null)).isEqualTo(expected);
        assertThat(MessageComposer.personalise(template, "  ")).isEqualTo(expected);
    }

    @Test
    void everyPlaceholderSpellingIsReplaced() {
        assertThat(MessageComposer.personalise("{prenom}/{PRENOM}/{prénom}/{firstname}", "Zoé"))
                .isEqualTo("Zoé/Zoé/Zoé/Zoé");
        assertThat(MessageComposer.personalise("{prenom}", "a$b\\c")).isEqualTo("a$b\\c");
        assertThat(MessageComposer.hasPlaceholder("Bonjour {firstname}")).isTrue();
        assertThat(MessageComposer.hasPlaceholder("Bonjour")).isFalse();
    }

    @Test
    void worstCaseIsTheLongestAndAUnicodeNameWins() {
        String template = "Bonjour {prenom}, -20 % ce samedi sur toute la boutique";
        String worst = marketing.worstCase(template, List.of("Al", "Marie-Christine", "Anaïs"));
        SmsAnalysis analysis = SmsText.analyze(worst);
        // "Anaïs" is shorter but ï is not GSM: the whole message becomes UCS-2 with 70-unit parts
        assertThat(worst).startsWith("Bonjour Anaïs,");
        assertThat(analysis.encoding()).isEqualTo(SmsEncoding.UCS2);

        String gsmWorst = marketing.worstCase(template, List.of("Al", "Marie-Christine"));
        assertThat(gsmWorst).startsWith("Bonjour Marie-Christine,");
    }

    @Test
    void worstCaseWithoutNamesIsTheTextWithoutAName() {
        assertThat(marketing.worstCase("Bonjour {prenom} !", List.of())).isEqualTo("Bonjour !\nSTOP au 36180");
    }
}
