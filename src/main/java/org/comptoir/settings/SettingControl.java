package org.comptoir.settings;

import java.util.List;

/**
 * The kind of control a setting wants on a form: derived from its validator ({@link Validators#oneOf} is a
 * choice, {@link Validators#bool} a toggle, {@link Validators#integerBetween} a whole number with its range),
 * so a feature that registers a definition with those validators gets the right control without UI code.
 * Anything else is free text.
 */
public sealed interface SettingControl {

    /** Free text, checked by the definition's validator. */
    record Text() implements SettingControl {
    }

    /** true / false. */
    record Toggle() implements SettingControl {
    }

    /** A whole number from {@code min} to {@code max}, inclusive. */
    record WholeNumber(long min, long max) implements SettingControl {
    }

    /** A decimal number from {@code min} to {@code max}, inclusive ("," or "." as separator). */
    record Decimal(double min, double max) implements SettingControl {
    }

    /** One of a closed list of stored values, in the order a form offers them. */
    record Choice(List<String> values) implements SettingControl {
        public Choice {
            values = List.copyOf(values);
        }
    }

    /** The control {@code validator} implies; {@link Text} when it is not one of the {@link Validators} kinds. */
    static SettingControl of(Object validator) {
        if (validator instanceof Validators.OneOf oneOf) {
            return oneOf.allowed().equals(List.of("true", "false")) ? new Toggle() : new Choice(oneOf.allowed());
        }
        if (validator instanceof Validators.IntegerRange r) {
            return new WholeNumber(r.min(), r.max());
        }
        if (validator instanceof Validators.DecimalRange r) {
            return new Decimal(r.min(), r.max());
        }
        return new Text();
    }
}
