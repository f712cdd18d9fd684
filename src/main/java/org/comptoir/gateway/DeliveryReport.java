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
 */
public record DeliveryReport(String partReference, String recipient, Outcome outcome, Instant at) {

    public DeliveryReport {
        Objects.requireNonNull(partReference, "partReference");
        Objects.requireNonNull(outcome, "outcome");
    }

    public enum Outcome {
        DELIVERED, PENDING, FAILED
    }
}
