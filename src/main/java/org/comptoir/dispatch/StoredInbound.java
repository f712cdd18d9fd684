package org.comptoir.dispatch;

import java.time.Instant;
import java.util.Objects;

/**
 * A received message once it is durably stored (a row of {@code inbound}), as handed to the {@link InboundRouter}.
 *
 * @param id         the {@code inbound} row
 * @param sender     E.164 when numeric (normalised with the {@code phone} package), else the alphanumeric name
 * @param text       the whole text, multipart replies joined (what arrived, when a part never came)
 * @param receivedAt the network centre's time stamp, or when the provider received it
 * @param gateway    which gateway received it, for the evidence ("modem /dev/ttyUSB0", "http twilio")
 */
public record StoredInbound(long id, String sender, String text, Instant receivedAt, String gateway) {

    public StoredInbound {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
