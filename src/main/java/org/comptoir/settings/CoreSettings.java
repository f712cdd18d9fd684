package org.comptoir.settings;

import java.util.List;
import java.util.Optional;
import org.comptoir.i18n.UserMessage;

/** The settings laid down by the foundation: the shop, its country, the opt-out mention, the UI language. */
public final class CoreSettings {

    public static final String SHOP_NAME = "shop.name";
    public static final String SHOP_COUNTRY = "shop.country";
    public static final String OPTOUT_MENTION = "optout.mention";
    public static final String UI_LANGUAGE = "ui.language";

    public static final List<SettingDefinition> DEFINITIONS = List.of(
            SettingDefinition.plain(SHOP_NAME, "", Validators.nonBlank(60)),
            SettingDefinition.plain(SHOP_COUNTRY, "FR", Validators.countryCode()),
            SettingDefinition.plain(OPTOUT_MENTION, "STOP au 36180", CoreSettings::validOptOutMention),
            SettingDefinition.plain(UI_LANGUAGE, "fr", Validators.oneOf("fr", "en")));

    private CoreSettings() {
    }

    /** The mention must say STOP: it is what recipients know, and operators check for it. */
    static Optional<UserMessage> validOptOutMention(String value) {
        Optional<UserMessage> blank = Validators.nonBlank(40).apply(value);
        if (blank.isPresent()) {
            return blank;
        }
        return value.toUpperCase(java.util.Locale.ROOT).contains("STOP") ? Optional.empty()
                : Optional.of(UserMessage.of("setting.error.optout.stop"));
    }
}
