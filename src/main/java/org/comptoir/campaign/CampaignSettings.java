package org.comptoir.campaign;

import java.util.List;
import java.util.Optional;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.phone.PhoneParse;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Validators;

/**
 * Settings of the campaign editor: price per SMS, the parts limit, the marketing frequency cap, the sender, the
 * owner's number for test sends.
 */
public final class CampaignSettings {

    /** Price of one SMS part in euros, for the cost estimate. */
    public static final String SMS_PRICE = "sms.price";
    /** A campaign whose worst-case text needs more parts cannot be scheduled (REFERENCE.md §3.7: cap at 6). */
    public static final String MAX_PARTS = "campaign.max-parts";
    /** At most this many marketing SMS per contact over 30 days; contacts at the cap leave the audience. */
    public static final String FREQUENCY_CAP = "campaign.frequency-cap";
    /** Default sender ID for new campaigns; empty = the gateway's number. */
    public static final String SENDER = "campaign.sender";
    /** The owner's own mobile, where the editor sends a test; kept in E.164, typed as at the till. */
    public static final String TEST_NUMBER = "campaign.test-number";

    public static final List<SettingDefinition> DEFINITIONS = List.of(
            SettingDefinition.plain(SMS_PRICE, "0.045", Validators.decimalBetween(0, 5)),
            SettingDefinition.plain(MAX_PARTS, "3", Validators.integerBetween(1, 6)),
            SettingDefinition.plain(FREQUENCY_CAP, "4", Validators.integerBetween(1, 100)),
            SettingDefinition.plain(SENDER, "", SenderId::validate),
            new SettingDefinition(TEST_NUMBER, "", CampaignSettings::validTestNumber, false,
                    CampaignSettings::testNumberAsE164));

    /**
     * Read as typed in a French shop (06 12 34 56 78, or +32… for any other country): the editor itself parses with
     * the shop's country and stores E.164, which every region reads back the same.
     */
    private static final PhoneNumbers TYPED = new PhoneNumbers("FR");

    static Optional<UserMessage> validTestNumber(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return TYPED.parseMobile(value) instanceof PhoneParse.Invalid invalid ? Optional.of(invalid.reason())
                : Optional.empty();
    }

    static String testNumberAsE164(String value) {
        return value != null && TYPED.parseMobile(value) instanceof PhoneParse.Valid valid
                ? valid.number().e164() : value == null ? "" : value.strip();
    }

    private CampaignSettings() {
    }
}
