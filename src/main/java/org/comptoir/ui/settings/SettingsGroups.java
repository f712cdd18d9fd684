package org.comptoir.ui.settings;

import java.util.Comparator;
import java.util.List;

/**
 * Sorts settings into the sections an owner thinks in (the shop, the till, consent, campaigns, sending) rather
 * than in the order the features registered them. A key with an unknown prefix lands in "other", last.
 */
final class SettingsGroups {

    private static final List<String> ORDER = List.of("shop", "till", "consent", "campaign", "sending", "other");

    private SettingsGroups() {
    }

    static String groupOf(String key) {
        String prefix = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        return switch (prefix) {
            case "shop", "optout", "ui" -> "shop";
            case "owner", "till" -> "till";
            case "consent" -> "consent";
            case "campaign", "sms" -> "campaign";
            case "gateway", "modem", "http", "schedule" -> "sending";
            default -> "other";
        };
    }

    /** The rows grouped by section, keeping the registration order inside each section. */
    static List<SettingsViewModel.Row> ordered(List<SettingsViewModel.Row> rows) {
        return rows.stream()
                .sorted(Comparator.comparingInt(r -> ORDER.indexOf(groupOf(r.definition().key()))))
                .toList();
    }
}
