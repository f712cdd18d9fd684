package org.comptoir.settings;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.comptoir.i18n.UserMessage;

/**
 * One documented setting: its key, default, validation and help text key ({@code setting.<key>.help}).
 * The UI and {@code config set} validate through the same definition.
 *
 * @param key          dotted key, e.g. {@code shop.name}
 * @param defaultValue value when never set (may be empty)
 * @param validator    returns the problem with a value, or empty when it is acceptable
 * @param secret       never printed back (PINs, keys); the CLI shows {@code ***}
 * @param storeAs      turns an accepted value into what is stored (e.g. a PIN into its hash); identity mostly
 */
public record SettingDefinition(String key, String defaultValue,
                                Function<String, Optional<UserMessage>> validator, boolean secret,
                                UnaryOperator<String> storeAs) {

    public SettingDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(storeAs, "storeAs");
    }

    public SettingDefinition(String key, String defaultValue,
                             Function<String, Optional<UserMessage>> validator, boolean secret) {
        this(key, defaultValue, validator, secret, UnaryOperator.identity());
    }

    public static SettingDefinition plain(String key, String defaultValue,
                                          Function<String, Optional<UserMessage>> validator) {
        return new SettingDefinition(key, defaultValue, validator, false);
    }

    /** A setting with one of {@code values} (the first offered first); a form shows it as a list of names. */
    public static SettingDefinition choice(String key, String defaultValue, String... values) {
        return plain(key, defaultValue, Validators.oneOf(values));
    }

    /** A true/false setting; a form shows it as a checkbox. */
    public static SettingDefinition toggle(String key, boolean defaultValue) {
        return plain(key, String.valueOf(defaultValue), Validators.bool());
    }

    /** A whole number from {@code min} to {@code max}; a form shows the range. */
    public static SettingDefinition number(String key, long defaultValue, long min, long max) {
        return plain(key, String.valueOf(defaultValue), Validators.integerBetween(min, max));
    }

    /** The control a form offers for this setting, as its validator implies ({@link SettingControl#of}). */
    public SettingControl control() {
        return SettingControl.of(validator);
    }

    public Optional<UserMessage> validate(String value) {
        return validator.apply(value);
    }

    public String helpKey() {
        return "setting." + key + ".help";
    }

    /** The name a form shows ({@code setting.<key>.label}); the key itself is for the command line only. */
    public String labelKey() {
        return "setting." + key + ".label";
    }
}
