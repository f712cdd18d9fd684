package org.comptoir.dispatch;

import java.time.Duration;

/**
 * The engine's fixed rules.
 *
 * @param validityMargin how long before the window closes a message's validity ends
 * @param minValidity    the shortest validity worth sending with: a GSM validity period counts in steps of 5 minutes
 *                       and the modem refuses less (it rounds down, so the message never outlives its window)
 * @param maxAttempts    sends tried for a retryable failure before the row is FAILED
 * @param firstBackoff   wait after the first retryable failure, doubled at each one
 * @param maxBackoff     the longest wait between two attempts
 * @param statusReports  ask the network for delivery reports
 */
public record EngineConfig(Duration validityMargin, Duration minValidity, int maxAttempts, Duration firstBackoff, Duration maxBackoff,
                           boolean statusReports) {

    public static EngineConfig defaults() {
        return new EngineConfig(Duration.ofMinutes(1), Duration.ofMinutes(5), 5, Duration.ofSeconds(30), Duration.ofMinutes(30), true);
    }

    public EngineConfig withStatusReports(boolean on) {
        return new EngineConfig(validityMargin, minValidity, maxAttempts, firstBackoff, maxBackoff, on);
    }

    Duration backoff(int attempts) {
        Duration d = firstBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
