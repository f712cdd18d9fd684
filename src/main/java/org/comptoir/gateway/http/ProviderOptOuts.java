package org.comptoir.gateway.http;

/**
 * Which received replies a provider already answered with its own opt-out confirmation, so the shop must not send a
 * second one (docs/http.md, "Opt-outs the provider confirms"). Only Twilio does, for its English keywords on a long
 * code; a reply Twilio does not intercept ("ARRET"), and every other route's, gets the shop's usual confirmation.
 * Pure; any thread.
 */
public final class ProviderOptOuts {

    private ProviderOptOuts() {
    }

    /**
     * @param gatewayName the route the reply came through, as {@link HttpGateway#name()} gives it and the inbound row
     *                    records it ({@code "http twilio"})
     * @param text        the reply as received
     */
    public static boolean confirmedByProvider(String gatewayName, String text) {
        return "http twilio".equals(gatewayName) && text != null && TwilioProvider.confirmsOptOut(text);
    }
}
