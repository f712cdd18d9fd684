package org.comptoir.consent;

import java.util.List;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Validators;

/** Settings of the consent feature. */
public final class ConsentSettings {

    /** When true, only people who confirmed by SMS (status CONFIRMED) receive promotions. */
    public static final String DOUBLE_OPTIN = "consent.double-optin";

    public static final List<SettingDefinition> DEFINITIONS = List.of(
            SettingDefinition.plain(DOUBLE_OPTIN, "false", Validators.bool()));

    private ConsentSettings() {
    }
}
