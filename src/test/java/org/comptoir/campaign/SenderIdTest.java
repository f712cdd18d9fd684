package org.comptoir.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.comptoir.i18n.UserMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SenderIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "LEAFLEURS", "Lea Fleurs", "Boulang2000", "A", "abcdefghijk", "  PADDED  "})
    void acceptsLettersDigitsAndInnerSpacesUpToElevenOrEmpty(String sender) {
        assertThat(SenderId.validate(sender)).isEmpty();
        assertThat(SenderId.isValid(sender)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "abcdefghijkl, campaign.sender.error.length",
            "Léa, campaign.sender.error.character",
            "LEA-FLEURS, campaign.sender.error.character",
            "Lea&Co, campaign.sender.error.character",
            "0612345678, campaign.sender.error.letter",
            "36180, campaign.sender.error.letter"})
    void refusesWithAClearReason(String sender, String key) {
        assertThat(SenderId.validate(sender)).map(UserMessage::key).contains(key);
    }

    @org.junit.jupiter.api.Test
    void nullIsTheGatewaysNumber() {
        assertThat(SenderId.validate(null)).isEmpty();
    }
}
