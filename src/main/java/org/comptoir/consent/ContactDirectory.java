package org.comptoir.consent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * The contact list: searched, filtered, sorted and paged in SQL over indexed columns, so a page comes back
 * quickly with 100,000 contacts (see docs/performance.md, "Consent ledger").
 *
 * <p>Thread-safe. Every method blocks on the database: never call from the JavaFX thread.
 */
public final class ContactDirectory {

    private static final Pattern NUMBER_LIKE = Pattern.compile("[0-9+ .\\-/()\\u00a0]+");
    private static final int TAG_MAX = 50;

    /**
     * A left join: a contact imported without consent has no state (no ledger event), and is listed with
     * status null ("never asked").
     */
    private static final String FROM = " FROM contact c LEFT JOIN consent_state s ON s.subject = c.subject";
    /**
     * The inner join written state-first: H2 keeps the written order, and only this one reads the since index.
     * Used when a status filter is set (the contacts without a state are then excluded anyway).
     */
    private static final String FROM_STATE = " FROM consent_state s JOIN contact c ON c.subject = s.subject";

    /** Most name matches inlined as an id list; above the largest prefix measured (7,500 of 100,000 contacts). */
    static final int IN_LIST_MAX = 10_000;

    private final Database db;
    private final int inListMax;

    public ContactDirectory(Database db) {
        this(db, IN_LIST_MAX);
    }

    /** With a smaller id-list bound, so tests reach the fallback without seeding thousands of contacts. */
    ContactDirectory(Database db, int inListMax) {
        this.db = Objects.requireNonNull(db, "db");
        this.inListMax = inListMax;
    }

    /** One page of contacts matching {@code q}, with the total count of matches. */
    public ContactPage search(ContactQuery q) {
        return db.withConnection(c -> {
            List<Object> params = new ArrayList<>();
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            String text = q.text();
            if (!text.isEmpty()) {
                if (NUMBER_LIKE.matcher(text).matches() && text.chars().anyMatch(Character::isDigit)) {
                    String digits = text.replaceAll("[^0-9]", "");
                    if (text.startsWith("+") || digits.startsWith("00")) {
                        where.append(" AND c.phone_e164 LIKE ?");
                        params.add("+" + (text.startsWith("+") ? digits : digits.substring(2)) + "%");
                    } else {
                        where.append(" AND c.national_digits LIKE ?");
                        params.add((digits.startsWith("0") ? digits.substring(1) : digits) + "%");
                    }
                } else {
                    nameFilter(c, escapeLike(text.toLowerCase(Locale.ROOT)) + "%", where, params);
                }
            }
            if (!q.statuses().isEmpty()) {
                where.append(" AND s.status IN (")
                        .append(String.join(", ", Collections.nCopies(q.statuses().size(), "?"))).append(')');
                params.addAll(new TreeSet<>(q.statuses()));
            }
            // H2 reads an index in order (either direction) only with its default null ordering, so no NULLS LAST
            String dir = q.ascending() ? " ASC" : " DESC";
            String order = switch (q.sort()) {
                case NAME -> "c.first_name_lc" + dir + ", c.last_name_lc" + dir;
                case NUMBER -> "c.phone_e164" + dir;
                case STATUS -> "s.status" + dir;
                case SINCE -> "s.since" + dir;
                case CREATED -> "c.created_at" + dir;
            } + ", c.id" + dir;
            long total = where.length() == " WHERE 1 = 1".length() ? Jdbc.queryLong(c, "SELECT COUNT(*) FROM contact")
                    : Jdbc.queryLong(c, "SELECT COUNT(*)" + FROM + where, params.toArray());
            // LIMIT and OFFSET as literals (validated ints): with parameters H2 plans without knowing it may stop
            // early, and sorts every row instead of reading the first page from an index
            List<ContactRow> rows = Jdbc.query(c, "SELECT c.id, c.phone_e164, c.first_name, c.last_name, s.status, "
                    + "s.since, c.created_at"
                    + ((q.sort() == ContactQuery.SortKey.SINCE || q.sort() == ContactQuery.SortKey.STATUS)
                            && !q.statuses().isEmpty() ? FROM_STATE : FROM)
                    + where + " ORDER BY " + order
                    + " LIMIT " + q.limit() + " OFFSET " + q.offset(),
                    rs -> new ContactRow(rs.getLong("id"), new PhoneNumber(rs.getString("phone_e164")),
                            rs.getString("first_name"), rs.getString("last_name"),
                            status(rs.getString("status")), Jdbc.instant(rs, "since"),
                            Jdbc.instant(rs, "created_at"), List.of()), params.toArray());
            return new ContactPage(withTags(c, rows), total);
        });
    }

    /**
     * Restricts {@code where} to contacts whose first or last name starts with {@code prefix} (LIKE-escaped).
     *
     * <p>H2 answers "first LIKE ? OR last LIKE ?", IN over a UNION and "= ANY(array)" by scanning every contact;
     * the UNION alone uses both name indexes, and an IN list of constants is answered by primary-key look-ups
     * (docs/performance.md, "Consent ledger"). The constants are ids just read as {@code long}s, so inlining
     * them cannot inject SQL. The list is bounded: past {@link #inListMax} matches (a prefix shared by a large
     * part of the contacts, where the page costs a join and sort of every match anyway) the plain OR is used,
     * so the statement never grows with the size of the store.
     */
    private void nameFilter(Connection c, String prefix, StringBuilder where, List<Object> params) throws SQLException {
        List<Long> ids = Jdbc.query(c, "SELECT id FROM contact WHERE first_name_lc LIKE ? ESCAPE '\\' "
                + "UNION SELECT id FROM contact WHERE last_name_lc LIKE ? ESCAPE '\\' LIMIT " + (inListMax + 1),
                rs -> rs.getLong(1), prefix, prefix);
        if (ids.isEmpty()) {
            where.append(" AND 1 = 0");
        } else if (ids.size() <= inListMax) {
            where.append(" AND c.id IN (").append(ids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .append(')');
        } else {
            where.append(" AND (c.first_name_lc LIKE ? ESCAPE '\\' OR c.last_name_lc LIKE ? ESCAPE '\\')");
            params.add(prefix);
            params.add(prefix);
        }
    }

    /** Replaces the tags of a contact (trimmed, empty ones dropped, at most 50 characters each). */
    public void setTags(long contactId, Set<String> tags) {
        Set<String> clean = new TreeSet<>();
        for (String t : tags) {
            String v = t == null ? "" : t.strip();
            if (v.length() > TAG_MAX) {
                throw new ComptoirException(UserMessage.of("contact.error.tag.too.long", TAG_MAX));
            }
            if (!v.isEmpty()) {
                clean.add(v);
            }
        }
        db.inTransaction(c -> {
            if (Jdbc.queryLong(c, "SELECT COUNT(*) FROM contact WHERE id = ?", contactId) == 0) {
                throw new ComptoirException(UserMessage.of("contact.error.unknown", contactId));
            }
            Jdbc.update(c, "DELETE FROM contact_tag WHERE contact_id = ?", contactId);
            for (String tag : clean) {
                Jdbc.update(c, "INSERT INTO contact_tag (contact_id, tag) VALUES (?, ?)", contactId, tag);
            }
            return null;
        });
    }

    private static List<ContactRow> withTags(Connection c, List<ContactRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        String in = String.join(", ", Collections.nCopies(rows.size(), "?"));
        for (String[] t : Jdbc.query(c, "SELECT contact_id, tag FROM contact_tag WHERE contact_id IN (" + in
                + ") ORDER BY tag", rs -> new String[] {rs.getString(1), rs.getString(2)},
                rows.stream().map(ContactRow::id).toArray())) {
            tags.computeIfAbsent(Long.parseLong(t[0]), k -> new ArrayList<>()).add(t[1]);
        }
        return rows.stream().map(r -> new ContactRow(r.id(), r.number(), r.firstName(), r.lastName(), r.status(),
                r.since(), r.createdAt(), tags.getOrDefault(r.id(), List.of()))).toList();
    }

    private static ConsentStatus status(String stored) {
        return stored == null ? null : ConsentStatus.valueOf(stored);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
