package org.comptoir.consent;

import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.Settings;

/**
 * The texts Comptoir sends by itself in answer to a reply: the opt-out confirmation, the answer to HELP, the double
 * opt-in request and the welcome. Each names the shop; those that invite more messages carry the opt-out mention.
 * In the shop's language (the customer's is not known). Reads settings: blocks on the database.
 */
final class ReplyTexts {

    private final Settings settings;

    ReplyTexts(Settings settings) {
        this.settings = settings;
    }

    /** "Vous ne recevrez plus de SMS de <boutique>." */
    String optOutConfirmation() {
        return messages().get("inbox.reply.optout", shop());
    }

    String help() {
        return messages().get("inbox.reply.help", shop(), mention());
    }

    /** "Répondez OUI pour confirmer …", with the delay and the opt-out mention. */
    String confirmationRequest() {
        return messages().get("inbox.reply.confirm.request", shop(),
                settings.getInt(ConsentSmsSettings.DOUBLE_OPTIN_HOURS), mention());
    }

    String welcome() {
        return messages().get("inbox.reply.welcome", shop(), mention());
    }

    private String shop() {
        String shop = settings.get(CoreSettings.SHOP_NAME).strip();
        if (shop.isEmpty()) {
            throw new ComptoirException(UserMessage.of("consent.error.no.shop.name"));
        }
        return shop;
    }

    private String mention() {
        return settings.get(CoreSettings.OPTOUT_MENTION).strip();
    }

    private Messages messages() {
        return Messages.forLanguage(settings.get(CoreSettings.UI_LANGUAGE));
    }
}
