package org.comptoir.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Optional;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.phone.RecipientZone;

/**
 * When a campaign's first message may leave: the earliest {@link WindowDecision#nextAllowed} over sample numbers
 * of its audience (one per territory is enough). Pure; for the editor and {@code campaign create}, not for the
 * engine, which checks each recipient right before sending.
 *
 * @param number   the sample number that may be reached first
 * @param decision its decision
 */
public record FirstSend(String number, WindowDecision decision) {

    /**
     * The recipient who may be reached first from {@code at}; empty when {@code numbers} is. Numbers that are
     * not E.164 are skipped.
     */
    public static Optional<FirstSend> earliest(SendingRules rules, MessageClass messageClass,
                                               Collection<String> numbers, Instant at) {
        FirstSend best = null;
        for (String number : numbers) {
            WindowDecision d;
            try {
                d = rules.check(messageClass, number, at);
            } catch (IllegalArgumentException notANumber) {
                continue;
            }
            if (best == null || d.nextAllowed().isBefore(best.decision().nextAllowed())) {
                best = new FirstSend(number, d);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The recipient's clock, to say "08:00 chez le destinataire" when it is not the shop's. */
    public ZoneId recipientZone() {
        return RecipientZone.zoneOf(new PhoneNumber(number));
    }

    /** {@link WindowText#firstSend} for this recipient, on {@code shown}'s clock. */
    public String text(ZoneId shown, Messages messages) {
        return WindowText.firstSend(decision, shown, recipientZone(), messages);
    }
}
