package org.comptoir.schedule;

import java.time.Instant;

/**
 * When a message may reach a recipient, judged in the recipient's local time from the number: forbidden hours,
 * closed days and public holidays. A number that may be in several time zones is allowed only when every one
 * allows it. Pure and thread-safe: no I/O, the caller gives the instant.
 */
public interface SendingRules {

    /** May a message of {@code messageClass} reach {@code recipientE164} at {@code at}, and if not, from when? */
    WindowDecision check(MessageClass messageClass, String recipientE164, Instant at);
}
