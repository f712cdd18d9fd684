package org.comptoir.campaign;

import java.util.List;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Validators;

/** Settings of the campaign editor: price per SMS, the parts limit, the marketing frequency cap, the sender. */
public final class CampaignSettings {

    /** Price of one SMS part in euros, for the cost estimate. */
    public static final String SMS_PRICE = "sms.price";
    /** A campaign whose worst-case text needs more parts cannot be scheduled (REFERENCE.md §3.7: cap at 6). */
    public static final String MAX_PARTS = "campaign.max-parts";
    /** At most this many marketing SMS per contact over 30 days; contacts at the cap leave the audience. */
    public static final String FREQUENCY_CAP = "campaign.frequency-cap";
    /** Default sender ID for new campaigns; empty = the gateway's number. */
    public static final String SENDER = "campaign.sender";

    public static final List<SettingDefinition> DEFINITIONS = List.of(
            SettingDefinition.plain(SMS_PRICE, "0.045", Validators.decimalBetween(0, 5)),
            SettingDefinition.plain(MAX_PARTS, "3", Validators.integerBetween(1, 6)),
            SettingDefinition.plain(FREQUENCY_CAP, "4", Validators.integerBetween(1, 100)),
            SettingDefinition.plain(SENDER, "", SenderId::validate));

    private CampaignSettings() {
    }
}
