package org.comptoir.gateway;

import java.time.Instant;

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
     * The route itself recorded that {@code recipientE164} asked to stop (a STOP to a provider's short number, a
     * provider's opt-out list): the shop's own ledger must record it too, since Comptoir is the system of record.
     * Return only once it is stored; the gateway reports it again at the next collection if this throws.
     *
     * @param evidence what the provider said, for the ledger ("twilio opt-out list, 2026-12-01T10:00Z")
     */
    default void onOptOut(String recipientE164, String evidence, Instant at) {
    }

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
