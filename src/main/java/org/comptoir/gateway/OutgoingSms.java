package org.comptoir.gateway;

import java.util.Objects;

/**
 * One message to send.
 *
 * @param id                  the caller's idempotency id (an outbox row), for logs and matching
 * @param recipientE164       the recipient, already normalised to E.164 ({@code +33612345678})
 * @param text                the full text, opt-out mention included; the gateway splits it into parts
 * @param requestStatusReport ask the network for a delivery report per part
 */
public record OutgoingSms(String id, String recipientE164, String text, boolean requestStatusReport) {

    public OutgoingSms {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipientE164, "recipientE164");
        Objects.requireNonNull(text, "text");
        if (!recipientE164.matches("\\+[1-9][0-9]{5,14}")) {
            throw new IllegalArgumentException("not an E.164 number: " + recipientE164);
        }
    }
}
