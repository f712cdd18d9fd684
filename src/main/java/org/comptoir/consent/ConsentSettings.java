package org.comptoir.consent;

import java.util.List;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Validators;

/** Settings of the consent feature. */
public final class ConsentSettings {

    /** When true, only people who confirmed by SMS (status CONFIRMED) receive promotions. */
    public static final String DOUBLE_OPTIN = "consent.double-optin";

    /**
     * The languages the consent wording is offered in at the till, the first one shown first: the shop's choice,
     * never the owner's UI language. Unset in a store, it is fixed by the first wording (the language of the
     * wordings already shown, else the UI language at the first start) and stored (ConsentService#consentLanguages).
     */
    public static final String LANGUAGES = "consent.languages";

    /** The values {@link #LANGUAGES} takes. */
    public static final List<String> LANGUAGE_CHOICES = List.of("fr", "en", "fr,en", "en,fr");

    public static final List<SettingDefinition> DEFINITIONS = List.of(
            SettingDefinition.plain(DOUBLE_OPTIN, "false", Validators.bool()),
            SettingDefinition.choice(LANGUAGES, "fr", LANGUAGE_CHOICES.toArray(String[]::new)));

    private ConsentSettings() {
    }
}
