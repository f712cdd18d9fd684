package org.comptoir.gateway;

import java.util.List;
import java.util.Objects;

/** What became of one {@link OutgoingSms}. */
public sealed interface SendResult {

    /**
     * Every part was accepted by the network; one reference per part, in order (modem: the TP-MR), or one per
     * message where a provider gives one (HTTP providers).
     *
     * @param reportedParts the parts the route says it counted, to compare with the counter's; {@code 0} when the
     *                      route does not say (the modem's parts are its references)
     */
    record Sent(List<String> partReferences, int reportedParts) implements SendResult {
        public Sent {
            partReferences = List.copyOf(partReferences);
        }

        /** One reference per part: the parts are the references. */
        public Sent(List<String> partReferences) {
            this(partReferences, partReferences.size());
        }
    }

    /**
     * Refused before anything left. {@code retryable}: the same message may be sent again later (network
     * busy, modem reconnecting); otherwise it needs a person (bad number, SIM blocked).
     */
    record Failed(GatewayError error, boolean retryable) implements SendResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * The fate is unknown: the message may or may not have left (the modem vanished after the PDU was
     * written, the network timed out). Never resent automatically: a person decides (DESIGN invariant 5).
     */
    record Unknown(String why) implements SendResult {
    }
}
