package org.comptoir.settings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.comptoir.i18n.UserMessage;

/** Reusable validators for {@link SettingDefinition}s. */
public final class Validators {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Validators() {
    }

    public static Function<String, Optional<UserMessage>> nonBlank(int maxLength) {
        return v -> {
            if (v == null || v.isBlank()) {
                return Optional.of(UserMessage.of("setting.error.blank"));
            }
            if (v.length() > maxLength) {
                return Optional.of(UserMessage.of("setting.error.too.long", maxLength));
            }
            return Optional.empty();
        };
    }

    public static Function<String, Optional<UserMessage>> any() {
        return v -> Optional.empty();
    }

    public static Function<String, Optional<UserMessage>> countryCode() {
        return v -> v != null && v.length() == 2 && v.equals(v.toUpperCase(Locale.ROOT)) && COUNTRIES.contains(v)
                ? Optional.empty()
                : Optional.of(UserMessage.of("setting.error.country", v));
    }

    public static Function<String, Optional<UserMessage>> integerBetween(long min, long max) {
        return new IntegerRange(min, max);
    }

    public static Function<String, Optional<UserMessage>> decimalBetween(double min, double max) {
        return new DecimalRange(min, max);
    }

    public static Function<String, Optional<UserMessage>> oneOf(String... allowed) {
        return new OneOf(List.of(allowed));
    }

    public static Function<String, Optional<UserMessage>> bool() {
        return oneOf("true", "false");
    }

    // The validators below are named types so that SettingControl can tell which control a setting wants.

    /** A whole number in [min, max]. */
    record IntegerRange(long min, long max) implements Function<String, Optional<UserMessage>> {
        @Override
        public Optional<UserMessage> apply(String v) {
            try {
                long n = Long.parseLong(v.trim());
                return n >= min && n <= max ? Optional.empty()
                        : Optional.of(UserMessage.of("setting.error.range", min, max));
            } catch (NumberFormatException | NullPointerException e) {
                return Optional.of(UserMessage.of("setting.error.integer", v));
            }
        }
    }

    /** A decimal number in [min, max], with "," or "." as separator. */
    record DecimalRange(double min, double max) implements Function<String, Optional<UserMessage>> {
        @Override
        public Optional<UserMessage> apply(String v) {
            try {
                double n = Double.parseDouble(v.trim().replace(',', '.'));
                return n >= min && n <= max ? Optional.empty()
                        : Optional.of(UserMessage.of("setting.error.range", min, max));
            } catch (NumberFormatException | NullPointerException e) {
                return Optional.of(UserMessage.of("setting.error.decimal", v));
            }
        }
    }

    /** Exactly one of {@code allowed}. */
    record OneOf(List<String> allowed) implements Function<String, Optional<UserMessage>> {
        OneOf {
            allowed = List.copyOf(allowed);
        }

        @Override
        public Optional<UserMessage> apply(String v) {
            return allowed.contains(v) ? Optional.empty()
                    : Optional.of(UserMessage.of("setting.error.one.of", String.join(", ", allowed)));
        }
    }
}
