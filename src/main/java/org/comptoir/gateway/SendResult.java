package org.comptoir.gateway;

import java.util.List;
import java.util.Objects;

/** What became of one {@link OutgoingSms}. */
public sealed interface SendResult {

    /** Every part was accepted by the network; one reference per part, in order (modem: the TP-MR). */
    record Sent(List<String> partReferences) implements SendResult {
        public Sent {
            partReferences = List.copyOf(partReferences);
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
