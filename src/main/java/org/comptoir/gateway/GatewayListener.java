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

    /** A listener that ignores everything (the default until one is set). */
    GatewayListener NONE = new GatewayListener() {
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
