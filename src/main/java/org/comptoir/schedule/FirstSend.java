package org.comptoir.schedule;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * When a campaign's first message may leave: the earliest {@link WindowDecision#nextAllowed} over sample numbers
 * of its audience (one per territory is enough). Pure; for the editor and {@code campaign create}, not for the
 * engine, which checks each recipient right before sending.
 */
public final class FirstSend {

    private FirstSend() {
    }

    /**
     * The decision of the recipient who may be reached first from {@code at}; empty when {@code numbers} is.
     * Numbers that are not E.164 are skipped.
     */
    public static Optional<WindowDecision> earliest(SendingRules rules, MessageClass messageClass,
                                                    Collection<String> numbers, Instant at) {
        WindowDecision best = null;
        for (String number : numbers) {
            WindowDecision d;
            try {
                d = rules.check(messageClass, number, at);
            } catch (IllegalArgumentException notANumber) {
                continue;
            }
            if (best == null || d.nextAllowed().isBefore(best.nextAllowed())) {
                best = d;
            }
        }
        return Optional.ofNullable(best);
    }
}
