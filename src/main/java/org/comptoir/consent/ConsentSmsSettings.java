package org.comptoir.consent;

import java.util.List;
import java.util.Optional;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Validators;

/** Settings of consent over SMS: the sign-up keyword and number, the double opt-in delay, retention. */
public final class ConsentSmsSettings {

    /** What a customer texts to sign up ({@code OUI FLEURS}); empty: no keyword sign-up. */
    public static final String SIGNUP_KEYWORD = "consent.signup-keyword";
    /** The shop's number customers text (the modem's SIM, or the provider's number), printed on the poster. */
    public static final String SIGNUP_NUMBER = "consent.signup-number";
    /** How long a double opt-in request waits for OUI before it expires. */
    public static final String DOUBLE_OPTIN_HOURS = "consent.double-optin-hours";
    /** Contacts with no interaction for this long are listed for renewal or erasure (CNIL: 3 years). */
    public static final String RETENTION_MONTHS = "consent.retention-months";

    public static final List<SettingDefinition> DEFINITIONS = List.of(
            SettingDefinition.plain(SIGNUP_KEYWORD, "", ConsentSmsSettings::validKeyword),
            SettingDefinition.plain(SIGNUP_NUMBER, "", ConsentSmsSettings::validNumber),
            SettingDefinition.plain(DOUBLE_OPTIN_HOURS, "48", Validators.integerBetween(1, 720)),
            SettingDefinition.plain(RETENTION_MONTHS, "36", Validators.integerBetween(6, 120)));

    private ConsentSmsSettings() {
    }

    /** A keyword must be readable as one: not empty once normalised, not a STOP, HELP or a lone OUI. */
    static Optional<UserMessage> validKeyword(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > 30) {
            return Optional.of(UserMessage.of("setting.error.too.long", 30));
        }
        // read without a keyword, it must mean nothing yet: "STOP", "AIDE" or a lone "OUI" already mean something
        boolean free = new KeywordRecognizer("").read(value).intent() == InboundIntent.OTHER;
        if (!free || new KeywordRecognizer(value).signUpKeyword().isEmpty()) {
            return Optional.of(UserMessage.of("inbox.setting.keyword.taken", value));
        }
        return Optional.empty();
    }

    /** Empty, or an international number as printed on the poster ({@code +33612345678}). */
    static Optional<UserMessage> validNumber(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String compact = value.replaceAll("[\\s.\\-]", "");
        return compact.matches("\\+[1-9]\\d{6,14}|\\d{4,8}") ? Optional.empty()
                : Optional.of(UserMessage.of("inbox.setting.number.invalid", value));
    }
}
