package org.comptoir.campaign;

import java.util.Optional;
import org.comptoir.i18n.UserMessage;

/**
 * The alphanumeric sender ID shown instead of a number ("LEAFLEURS").
 *
 * <p>The address field of an SMS holds at most 11 GSM 7-bit characters when it is alphanumeric (TP-OA type
 * {@code D0}, REFERENCE.md §4.1: 10 octets of packed septets). Providers accept ASCII letters, digits and
 * the space, and refuse a name made only of digits, which would be read as a number. Spaces are allowed
 * inside the name but some French operators drop them, so the editor's help text recommends a single word.
 * An empty sender means "the gateway's own number" (the modem's SIM, or the provider's default); remember
 * that an alphanumeric sender cannot receive STOP replies (REFERENCE.md §1.3), hence the mention.
 */
public final class SenderId {

    public static final int MAX_LENGTH = 11;

    private SenderId() {
    }

    /**
     * The problem with {@code value} as a sender ID, or empty when it is acceptable (blank included).
     * Pure; any thread.
     */
    public static Optional<UserMessage> validate(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.length() > MAX_LENGTH) {
            return Optional.of(UserMessage.of("campaign.sender.error.length", MAX_LENGTH));
        }
        boolean letter = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean asciiLetter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!asciiLetter && !(c >= '0' && c <= '9') && c != ' ') {
                return Optional.of(UserMessage.of("campaign.sender.error.character", String.valueOf(c)));
            }
            letter |= asciiLetter;
        }
        return letter ? Optional.empty() : Optional.of(UserMessage.of("campaign.sender.error.letter"));
    }

    public static boolean isValid(String value) {
        return validate(value).isEmpty();
    }
}
