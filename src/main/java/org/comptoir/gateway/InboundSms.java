package org.comptoir.gateway;

import java.time.Instant;
import java.util.Objects;

/**
 * A received message, multipart messages already joined.
 *
 * @param from       sender as E.164 when numeric, else the alphanumeric name
 * @param text       the whole text
 * @param receivedAt when the network centre stamped it
 */
public record InboundSms(String from, String text, Instant receivedAt) {

    public InboundSms {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
