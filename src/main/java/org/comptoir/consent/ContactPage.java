package org.comptoir.consent;

import java.util.List;

/** One page of contacts and how many match in all. */
public record ContactPage(List<ContactRow> rows, long total) {

    public ContactPage {
        rows = List.copyOf(rows);
    }
}
