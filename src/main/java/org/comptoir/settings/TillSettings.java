package org.comptoir.settings;

import java.util.List;

/** Settings of the till and of the owner/cashier roles. */
public final class TillSettings {

    /** Secret: the PBKDF2 hash of the owner PIN. {@code config set owner.pin 1234} stores the hash, never 1234. */
    public static final String OWNER_PIN = "owner.pin";
    /** Minutes without a key or mouse event before owner mode locks itself. */
    public static final String OWNER_IDLE_MINUTES = "owner.idle-minutes";
    /** Name recorded as "staff" in the consent ledger for entries made at this till. */
    public static final String TILL_STAFF = "till.staff";

    public static final List<SettingDefinition> DEFINITIONS = List.of(
            new SettingDefinition(OWNER_PIN, "", OwnerPin::validate, true, OwnerPin::hash),
            SettingDefinition.plain(OWNER_IDLE_MINUTES, "5", Validators.integerBetween(1, 240)),
            SettingDefinition.plain(TILL_STAFF, "caisse", Validators.nonBlank(100)));

    private TillSettings() {
    }
}
