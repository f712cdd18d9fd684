package org.comptoir.gateway;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery report for one part.
 *
 * @param partReference the reference {@link SendResult.Sent} gave for that part
 * @param recipient     E.164 recipient the report is about
 * @param outcome       final success, still trying, or final failure
 * @param at            when the network delivered the part or gave up (discharge time)
 * @param networkStatus the network's or provider's own status, code and words ("TP-ST 0x46 validity period
 *                      expired"), kept on a failed message so the owner reads why; null when the route gives none
 */
public record DeliveryReport(String partReference, String recipient, Outcome outcome, Instant at, String networkStatus) {

    public DeliveryReport {
        Objects.requireNonNull(partReference, "partReference");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A report without the network's own status. */
    public DeliveryReport(String partReference, String recipient, Outcome outcome, Instant at) {
        this(partReference, recipient, outcome, at, null);
    }

    public enum Outcome {
        DELIVERED, PENDING, FAILED
    }
}
