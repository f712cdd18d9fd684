package org.comptoir.gateway;

import java.time.Instant;
import java.util.Objects;

/**
 * One message to send.
 *
 * @param id                  the caller's idempotency id (an outbox row), for logs, matching and the providers
 *                            that accept a client reference
 * @param recipientE164       the recipient, already normalised to E.164 ({@code +33612345678})
 * @param text                the full text, opt-out mention included; the gateway splits it into parts
 * @param requestStatusReport ask the network for a delivery report per part
 * @param validUntil          when the network must give up delivering it (a marketing SMS must not arrive after
 *                            the recipient's sending window closes); {@code null}: the gateway's default
 * @param sender              alphanumeric sender name where the route supports one; {@code null} or empty: the
 *                            gateway's own number
 */
public record OutgoingSms(String id, String recipientE164, String text, boolean requestStatusReport,
                          Instant validUntil, String sender) {

    public OutgoingSms {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipientE164, "recipientE164");
        Objects.requireNonNull(text, "text");
        if (!recipientE164.matches("\\+[1-9][0-9]{5,14}")) {
            throw new IllegalArgumentException("not an E.164 number: " + recipientE164);
        }
        sender = sender == null ? "" : sender;
    }

    /** A message with the gateway's default validity and sender. */
    public OutgoingSms(String id, String recipientE164, String text, boolean requestStatusReport) {
        this(id, recipientE164, text, requestStatusReport, null, null);
    }
}
