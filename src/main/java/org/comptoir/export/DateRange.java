package org.comptoir.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/**
 * The register's filter: events from {@code from} to {@code to} inclusive, as days in the shop's time zone;
 * either end may be open (null).
 */
public record DateRange(LocalDate from, LocalDate to) {

    public static final DateRange ALL = new DateRange(null, null);

    public DateRange {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ComptoirException(UserMessage.of("export.error.range", from, to));
        }
    }

    boolean isAll() {
        return from == null && to == null;
    }

    /** The first instant kept, or null. */
    Instant start(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the range, or null. */
    Instant end(ZoneId zone) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
