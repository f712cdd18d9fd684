package org.comptoir.gateway;

/**
 * Receives a gateway's events, on the gateway's own event thread (never the FX thread). Methods should
 * return quickly, except {@link #onInbound}, which must store the message first.
 */
public interface GatewayListener {

    void onDeliveryReport(DeliveryReport report);

    /**
     * A message was received. Return only once it is stored: the gateway deletes it from the SIM after this
     * returns, and keeps it there (to be offered again) if this throws.
     */
    void onInbound(InboundSms sms);

    void onStateChanged(GatewayState state);

    /**
     * Whether {@link #onInbound} stores messages durably. A gateway whose listener does not store must neither
     * read nor delete inbound messages (nor acknowledge them to a provider): they wait where they are until an
     * owner that stores them runs (DESIGN invariant 9).
     */
    default boolean storesInbound() {
        return true;
    }

    /** A listener that ignores everything (the default until one is set); it stores nothing. */
    GatewayListener NONE = new GatewayListener() {
        @Override
        public boolean storesInbound() {
            return false;
        }

        @Override
        public void onDeliveryReport(DeliveryReport report) {
        }

        @Override
        public void onInbound(InboundSms sms) {
        }

        @Override
        public void onStateChanged(GatewayState state) {
        }
    };
}
