package org.comptoir.settings;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.comptoir.i18n.UserMessage;

/**
 * Settings of the USB modem route and the choice of gateway. Plain definitions: the modem adapter gets
 * its values from whoever builds it (CLI, UI, sending engine), so {@code gateway.modem} stays store-free.
 */
public final class ModemSettings {

    /**
     * {@code none} until the owner chooses: {@code modem}, {@code http}, or {@code rehearsal} (a dry run where
     * nothing leaves). The list of values is the form's list of choices: a new route is one more value here.
     */
    public static final String GATEWAY = "gateway";
    public static final String PORT = "modem.port";
    public static final String PIN = "modem.pin";
    public static final String MAX_PER_DAY = "modem.max-per-day";
    public static final String MAX_RECIPIENTS_PER_MONTH = "modem.max-recipients-per-month";
    public static final String GAP_MIN_SECONDS = "modem.gap-min-seconds";
    public static final String GAP_MAX_SECONDS = "modem.gap-max-seconds";
    public static final String STATUS_REPORTS = "modem.status-reports";
    /** Hashes of (ICCID, PIN) pairs a SIM refused: written by the modem route, never offered again. */
    public static final String PIN_REFUSED = "modem.pin-refused";

    public static final List<SettingDefinition> DEFINITIONS = List.of(
            SettingDefinition.choice(GATEWAY, "none", "none", "modem", "http", "rehearsal"),
            SettingDefinition.plain(PORT, "", ModemSettings::validPort),
            new SettingDefinition(PIN, "", ModemSettings::validPin, true),
            // consumer SIMs are blocked for bulk use (REFERENCE.md §0.2): low caps by default
            SettingDefinition.plain(MAX_PER_DAY, "200", Validators.integerBetween(1, 10_000)),
            SettingDefinition.plain(MAX_RECIPIENTS_PER_MONTH, "500", Validators.integerBetween(1, 100_000)),
            SettingDefinition.plain(GAP_MIN_SECONDS, "8", Validators.integerBetween(0, 3600)),
            SettingDefinition.plain(GAP_MAX_SECONDS, "20", Validators.integerBetween(0, 3600)),
            SettingDefinition.toggle(STATUS_REPORTS, true),
            new SettingDefinition(PIN_REFUSED, "", ModemSettings::validRefusals, true));

    /** The shortest pause may not exceed the longest: a random pause between them must exist. */
    public static final SettingRule GAP_ORDER = new SettingRule(List.of(GAP_MIN_SECONDS, GAP_MAX_SECONDS),
            value -> gapProblem(Integer.parseInt(value.apply(GAP_MIN_SECONDS).trim()),
                    Integer.parseInt(value.apply(GAP_MAX_SECONDS).trim())));

    public static final List<SettingRule> RULES = List.of(GAP_ORDER);

    private ModemSettings() {
    }

    static Optional<UserMessage> validPin(String v) {
        return v.isEmpty() || v.matches("\\d{4,8}") ? Optional.empty() : Optional.of(UserMessage.of("setting.error.pin"));
    }

    static Optional<UserMessage> validRefusals(String v) {
        return v.isEmpty() || v.matches("[0-9a-f]{64}(,[0-9a-f]{64})*") ? Optional.empty()
                : Optional.of(UserMessage.of("setting.error.pin.refused"));
    }

    static Optional<UserMessage> validPort(String v) {
        return v.length() <= 200 && !v.contains("\"") ? Optional.empty() : Optional.of(UserMessage.of("setting.error.port"));
    }

    /** The problem when the shortest pause {@code min} exceeds the longest {@code max} (both in seconds). */
    public static Optional<UserMessage> gapProblem(int min, int max) {
        return min > max ? Optional.of(UserMessage.of("setting.error.gap.order", min, max)) : Optional.empty();
    }

    /** For callers that only need the validator. */
    public static Function<String, Optional<UserMessage>> pinValidator() {
        return ModemSettings::validPin;
    }
}
