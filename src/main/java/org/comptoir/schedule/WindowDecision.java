package org.comptoir.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer of {@link SendingRules#check} for one recipient at one instant.
 *
 * @param allowed     a message of that class may leave now
 * @param nextAllowed when allowed, the instant asked about; otherwise the earliest later instant allowed in every
 *                    time zone the recipient's number may be in
 * @param closesAt    when allowed, when the current allowed stretch ends (in the strictest candidate zone), so a
 *                    validity period can end before it; otherwise the end of the stretch that opens at
 *                    {@code nextAllowed}
 * @param reason      why it is closed now ({@link Reason#OPEN} when allowed)
 * @param detail      for a holiday, its name (e.g. "Lundi de Pentecôte"); empty otherwise
 */
public record WindowDecision(boolean allowed, Instant nextAllowed, Instant closesAt, Reason reason, String detail) {

    public WindowDecision {
        Objects.requireNonNull(nextAllowed, "nextAllowed");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        if (allowed != (reason == Reason.OPEN)) {
            throw new IllegalArgumentException("allowed and reason disagree: " + allowed + " " + reason);
        }
    }

    /** Why a window is closed. */
    public enum Reason {
        OPEN,
        /** before the morning opening or after the evening limit */
        OUTSIDE_HOURS,
        SUNDAY,
        /** a public holiday in the recipient's territory ({@link #detail} names it) */
        HOLIDAY,
        /** a weekday the chosen window does not include (a custom window) */
        CLOSED_DAY
    }
}
