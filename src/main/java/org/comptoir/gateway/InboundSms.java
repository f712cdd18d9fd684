package org.comptoir.gateway;

import java.time.Instant;
import java.util.Objects;

/**
 * A received message, multipart messages already joined.
 *
 * @param from       the sender as the network gave it: {@code +} and digits when its type of address says
 *                   international (TS 23.040 §9.1.2.5, TON 001); plain digits for a national or
 *                   unknown-type number ({@code 0612345678}), never with a {@code +} put in front (that would
 *                   make {@code +0612345678}, another number); the name of an alphanumeric sender. Turning
 *                   a national number into E.164 needs the shop's country: the dispatch layer does it
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
