package org.comptoir.gateway.modem;

import org.comptoir.gateway.GatewayState;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/**
 * Initialisation stopped. {@link #state()} says what the gateway becomes: {@code NEEDS_PIN} or
 * {@code FAILED} need a person; {@code DISCONNECTED} (no answer, no network) is retried by the reconnect loop.
 */
public final class ModemInitException extends ComptoirException {

    private final GatewayState state;

    public ModemInitException(GatewayState state, UserMessage message, Throwable cause) {
        super(message, cause);
        this.state = state;
    }

    public GatewayState state() {
        return state;
    }

    public boolean retryable() {
        return state == GatewayState.DISCONNECTED;
    }
}
