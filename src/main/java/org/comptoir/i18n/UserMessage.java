package org.comptoir.i18n;

import java.util.List;
import java.util.Objects;

/**
 * A message for a person, not yet in their language: a bundle key and its arguments. Services return or
 * throw these so that the UI and the CLI can each render them with {@link Messages}.
 */
public record UserMessage(String key, List<Object> args) {

    public UserMessage {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static UserMessage of(String key, Object... args) {
        return new UserMessage(key, List.of(args));
    }
}
