package org.comptoir.gateway;

/** Where a gateway stands. Only {@link #READY} sends. */
public enum GatewayState {
    /** opening the port, initialising, waiting for the network */
    CONNECTING,
    READY,
    /** the port vanished or stopped answering; a reconnect loop is trying */
    DISCONNECTED,
    /** the SIM wants a PIN and none (or no usable one) was given */
    NEEDS_PIN,
    /** needs a person: wrong PIN, SIM blocked (PUK), no SIM; never retried by itself */
    FAILED
}
