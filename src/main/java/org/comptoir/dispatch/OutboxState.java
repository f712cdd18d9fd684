package org.comptoir.dispatch;

/** Where one outbox row stands (stored by name in {@code outbox.state}). */
public enum OutboxState {
    /** waiting its turn (and its {@code not_before}) */
    QUEUED,
    /** claimed by an engine and handed to the gateway: its fate is being decided */
    SENDING,
    /** accepted by the network, one reference per part */
    SENT,
    /** every part reported delivered */
    DELIVERED,
    /** refused by the gateway or the network, with its reason */
    FAILED,
    /** not sent on purpose (no consent any more, opted out, frequency cap, cancelled, dropped) */
    SKIPPED,
    /** may or may not have left (a crash or an unplug mid-send): the owner decides, never resent by itself */
    UNKNOWN;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == SKIPPED;
    }
}
