package org.comptoir.consent;

import java.time.Instant;

/** One ledger event as shown in a person's history, with the wording it referred to (if any). */
public record ConsentEventView(long seq, ConsentKind kind, Channel channel, Integer wordingVersion, String wordingText,
                               String staff, Instant occurredAt, String evidence) {
}
