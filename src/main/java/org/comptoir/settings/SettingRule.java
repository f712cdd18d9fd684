package org.comptoir.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.comptoir.i18n.UserMessage;

/**
 * A check across several settings (e.g. the shortest pause not above the longest), applied by
 * {@link Settings#set} and {@link Settings#setAll} to the values as they would be after the change, so the
 * command line and the settings screen refuse the same combinations. Pure: no I/O.
 *
 * @param keys  the settings the rule reads (a form marks each of them when the rule is broken)
 * @param check given the value of each key, returns the problem, or empty when the combination is fine
 */
public record SettingRule(List<String> keys, Function<UnaryOperator<String>, Optional<UserMessage>> check) {

    public SettingRule {
        keys = List.copyOf(keys);
        Objects.requireNonNull(check, "check");
    }

    /** The problem with the values {@code valueOf} gives, or empty; a value that does not parse is left to its own check. */
    public Optional<UserMessage> problem(UnaryOperator<String> valueOf) {
        try {
            return check.apply(valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
