package org.comptoir.campaign;

import java.time.Instant;
import java.util.Objects;

/**
 * When to send: {@link #asap()} or {@link #at(Instant)}.
 *
 * @param mode ASAP or AT
 * @param at   the chosen instant for AT; null for ASAP
 */
public record ScheduleRequest(ScheduleMode mode, Instant at) {

    public ScheduleRequest {
        Objects.requireNonNull(mode, "mode");
        if (mode == ScheduleMode.AT) {
            Objects.requireNonNull(at, "at");
        } else {
            at = null;
        }
    }

    public static ScheduleRequest asap() {
        return new ScheduleRequest(ScheduleMode.ASAP, null);
    }

    public static ScheduleRequest at(Instant at) {
        return new ScheduleRequest(ScheduleMode.AT, at);
    }
}
