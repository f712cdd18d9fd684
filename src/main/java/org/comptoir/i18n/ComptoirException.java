package org.comptoir.i18n;

/**
 * A failure that has a clear explanation for the shop owner. Thrown by services for refused input and
 * for I/O problems (locked database, modem gone); rendered by the UI in a dialog and by the CLI on
 * standard error with exit code 1.
 */
public class ComptoirException extends RuntimeException {

    private final transient UserMessage userMessage;

    public ComptoirException(UserMessage userMessage) {
        this(userMessage, null);
    }

    public ComptoirException(UserMessage userMessage, Throwable cause) {
        super(userMessage.key() + " " + userMessage.args(), cause);
        this.userMessage = userMessage;
    }

    public UserMessage userMessage() {
        return userMessage;
    }
}
