package org.comptoir.settings;

import java.util.Set;

/**
 * Whose a setting is when several tills share one store. Most are the shop's (its name, wording, opt-out mention,
 * caps, gateway, sending windows), kept in the store's {@code setting} table and shared by every till. A few are the
 * PC's: who stands at it, the language of its screens, the port and SIM PIN of the modem plugged into it (and the SIM's
 * refused PINs), the folder its backups go to. Those are kept per till ({@code till_setting}, under
 * {@link TillIdentity}), so a till that joins a shop server or a chain never takes over another till's modem or
 * language. V21 moved the values an existing store held into the first till that opens it.
 */
public final class SettingScope {

    /** The per-till keys. V21__till_settings.sql names the same keys (the ones that existed then). */
    public static final Set<String> PER_TILL = Set.of(TillSettings.TILL_STAFF, CoreSettings.UI_LANGUAGE,
            ModemSettings.PORT, ModemSettings.PIN, ModemSettings.PIN_REFUSED, "backup.folder");

    private SettingScope() {
    }

    /** Whether {@code key} is this PC's own (per till) rather than the shop's (shared by every till). */
    public static boolean perTill(String key) {
        return PER_TILL.contains(key);
    }
}
