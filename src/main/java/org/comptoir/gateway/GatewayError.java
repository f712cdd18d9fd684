package org.comptoir.gateway;

import java.util.Objects;
import org.comptoir.i18n.UserMessage;

/**
 * A refusal or failure of a gateway.
 *
 * @param code    technical code for logs and the outbox, e.g. {@code CMS 42}, {@code CME 16}, {@code LINK}
 * @param message what to tell the shop owner
 */
public record GatewayError(String code, UserMessage message) {

    public GatewayError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
