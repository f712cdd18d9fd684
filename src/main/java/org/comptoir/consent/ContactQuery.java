package org.comptoir.consent;

import java.util.Objects;
import java.util.Set;

/**
 * A page of the contact list to show.
 *
 * @param text      empty for all; digits (spaces, dots, + allowed) match the start of the number as typed
 *                  nationally ({@code 06 12} or {@code 612}) or internationally ({@code +33 6}, {@code 0033 6});
 *                  anything else matches the start of the first or last name, ignoring case
 * @param statuses  the statuses to keep; empty for every contact
 * @param sort      the column to sort on; ties are broken by contact id
 * @param ascending sort direction
 * @param offset    rows to skip (0 or more)
 * @param limit     rows to return (1 to 1000)
 * @param tag       only the contacts carrying this tag; null for all
 */
public record ContactQuery(String text, Set<ConsentStatus> statuses, SortKey sort, boolean ascending, int offset,
                           int limit, String tag) {

    public enum SortKey {
        NAME, NUMBER, STATUS, SINCE, CREATED
    }

    public static final int MAX_LIMIT = 1000;

    public ContactQuery {
        text = text == null ? "" : text.strip();
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        Objects.requireNonNull(sort, "sort");
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
        }
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    /** Any tag. */
    public ContactQuery(String text, Set<ConsentStatus> statuses, SortKey sort, boolean ascending, int offset,
                        int limit) {
        this(text, statuses, sort, ascending, offset, limit, null);
    }

    /** The first {@code limit} contacts matching {@code text}, by name. */
    public static ContactQuery of(String text, int limit) {
        return new ContactQuery(text, Set.of(), SortKey.NAME, true, 0, limit);
    }
}
