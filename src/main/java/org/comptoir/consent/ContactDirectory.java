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
     * Every contact, with its state when it has one: a contact imported without consent has no state (no ledger
     * event), and is listed with status null ("never asked").
     */
    private static final String FROM = " FROM contact c LEFT JOIN consent_state s ON s.subject = c.subject";
    /**
     * Every person with a state, with the contact row when there is one, for a status filter: a refusal or a STOP
     * from someone never opted in creates no contact row (minimisation: only the keyed hash is kept to honour it),
     * and must still be listed under "Refus" / "Désinscrits". Written state-first: H2 keeps the written order, and
     * reads the (status, since, subject) index in order for the latest-first page.
     */
    private static final String FROM_STATE = " FROM consent_state s LEFT JOIN contact c ON c.subject = s.subject";

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

    /**
     * One page of contacts matching {@code q}, with the total count of matches. With a status filter the people
     * whose number is not kept are listed too (see {@link ContactRow}); without one, only contacts are.
     *
     * <p>Any thread but the JavaFX one; blocks on the database (a page at 100,000 contacts: docs/performance.md,
     * "Contacts screen"). Throws {@link ComptoirException} when the store fails.
     */
    public ContactPage search(ContactQuery q) {
        return db.withConnection(c -> {
            List<Object> params = new ArrayList<>();
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            boolean byStatus = !q.statuses().isEmpty();
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
            if (q.tag() != null) {
                where.append(" AND c.id IN (SELECT contact_id FROM contact_tag WHERE tag = ?)");
                params.add(q.tag());
            }
            if (byStatus) {
                where.append(" AND s.status IN (")
                        .append(String.join(", ", Collections.nCopies(q.statuses().size(), "?"))).append(')');
                params.addAll(new TreeSet<>(q.statuses()));
            }
            // H2 reads an index in order (either direction) only with its default null ordering, so no NULLS LAST.
            // Under a status filter the tie-break is the subject (a person without a contact row has no id).
            String dir = q.ascending() ? " ASC" : " DESC";
            String tie = byStatus ? ", s.subject" + dir : ", c.id" + dir;
            String order = switch (q.sort()) {
                case NAME -> "c.first_name_lc" + dir + ", c.last_name_lc" + dir;
                case NUMBER -> "c.phone_e164" + dir;
                case STATUS -> "s.status" + dir;
                case SINCE -> "s.since" + dir;
                case CREATED -> "c.created_at" + dir;
            } + tie;
            long total;
            if (where.length() == " WHERE 1 = 1".length()) {
                total = Jdbc.queryLong(c, "SELECT COUNT(*) FROM contact");
            } else if (byStatus && text.isEmpty() && q.tag() == null) {
                // the status index alone, without a join per person
                total = Jdbc.queryLong(c, "SELECT COUNT(*) FROM consent_state s" + where, params.toArray());
            } else {
                total = Jdbc.queryLong(c, "SELECT COUNT(*)" + (byStatus ? FROM_STATE : FROM) + where,
                        params.toArray());
            }
            // LIMIT and OFFSET as literals (validated ints): with parameters H2 plans without knowing it may stop
            // early, and sorts every row instead of reading the first page from an index
            String select = "SELECT c.id, COALESCE(s.subject, c.subject) AS subject, c.phone_e164, c.first_name, "
                    + "c.last_name, s.status, s.since, c.created_at";
            String sql;
            if (byStatus && q.statuses().size() == 1 && text.isEmpty() && q.tag() == null
                    && (q.sort() == ContactQuery.SortKey.SINCE || q.sort() == ContactQuery.SortKey.STATUS)) {
                // One status, latest first (the "Désinscrits" page as it opens): the page is read from the
                // (status, since, subject) index alone — with the status in the ORDER BY H2 walks it in order and
                // stops after the page — and only its rows are joined to their contacts. Joining first made H2 join
                // and sort every match (seconds at 10,000 opted out; docs/performance.md, "Contacts screen").
                sql = select + " FROM (SELECT subject, status, since FROM consent_state WHERE status = ? ORDER BY status"
                        + dir + ", since" + dir + ", subject" + dir + " LIMIT " + q.limit() + " OFFSET " + q.offset()
                        + ") s LEFT JOIN contact c ON c.subject = s.subject ORDER BY s.since" + dir + ", s.subject" + dir;
                params = new ArrayList<>(q.statuses());
            } else {
                sql = select + (byStatus ? FROM_STATE : FROM) + where + " ORDER BY " + order
                        + " LIMIT " + q.limit() + " OFFSET " + q.offset();
            }
            List<ContactRow> rows = Jdbc.query(c, sql,
                    rs -> {
                        String e164 = rs.getString("phone_e164");
                        return new ContactRow(rs.getObject("id", Long.class), rs.getString("subject"), e164 == null ? null : new PhoneNumber(e164),
                                rs.getString("first_name"), rs.getString("last_name"),
                                status(rs.getString("status")), Jdbc.instant(rs, "since"),
                                Jdbc.instant(rs, "created_at"), List.of());
                    }, params.toArray());
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

    /** A tag and how many contacts carry it. */
    public record TagCount(String name, long contacts) {
    }

    /**
     * Every tag, created or carried, sorted by name (case ignored), with its number of contacts (0 for one
     * created and not yet given). Any thread but the JavaFX one; blocks on the database.
     */
    public List<TagCount> tags() {
        return db.withConnection(c -> Jdbc.query(c, "SELECT n.name, (SELECT COUNT(*) FROM contact_tag g WHERE g.tag = n.name) "
                + "FROM (SELECT name FROM tag UNION SELECT DISTINCT tag FROM contact_tag) n "
                + "ORDER BY LOWER(n.name), n.name", rs -> new TagCount(rs.getString(1), rs.getLong(2))));
    }

    /**
     * Creates a tag nobody carries yet and returns its name as stored. A tag that differs from an existing one
     * only by case or surrounding spaces is that one (no "VIP" beside "vip"). Throws {@link ComptoirException}
     * for an empty or too long name. Any thread but the JavaFX one; blocks on the database.
     */
    public String createTag(String name) {
        String clean = cleanTag(name);
        if (clean.isEmpty()) {
            throw new ComptoirException(UserMessage.of("contact.error.tag.empty"));
        }
        return db.inTransaction(c -> {
            String existing = existingTag(c, clean);
            if (existing != null) {
                return existing;
            }
            Jdbc.update(c, "INSERT INTO tag (name, created_at) VALUES (?, CURRENT_TIMESTAMP)", clean);
            return clean;
        });
    }

    /**
     * Replaces the tags of a contact (trimmed, empty ones dropped, at most 50 characters each; a tag differing from
     * an existing one only by case is that one). Throws {@link ComptoirException} for an unknown contact or a too
     * long tag, with nothing changed. Any thread but the JavaFX one; blocks on the database.
     */
    public void setTags(long contactId, Set<String> tags) {
        write(contactId, tags, true);
    }

    /**
     * Adds {@code tags} to those a contact already carries (the till's quick choice), with the rules of
     * {@link #setTags(long, Set)}.
     */
    public void addTags(long contactId, Set<String> tags) {
        write(contactId, tags, false);
    }

    private void write(long contactId, Set<String> tags, boolean replace) {
        Set<String> clean = new TreeSet<>();
        for (String t : tags) {
            String v = cleanTag(t);
            if (!v.isEmpty()) {
                clean.add(v);
            }
        }
        db.inTransaction(c -> {
            if (Jdbc.queryLong(c, "SELECT COUNT(*) FROM contact WHERE id = ?", contactId) == 0) {
                throw new ComptoirException(UserMessage.of("contact.error.unknown", contactId));
            }
            if (replace) {
                Jdbc.update(c, "DELETE FROM contact_tag WHERE contact_id = ?", contactId);
            }
            for (String typed : clean) {
                String tag = existingTag(c, typed);
                if (tag == null) {
                    tag = typed;
                    Jdbc.update(c, "INSERT INTO tag (name, created_at) VALUES (?, CURRENT_TIMESTAMP)", tag);
                }
                Jdbc.upsert(c, "contact_tag", new String[] {"contact_id", "tag"},
                        new String[] {"contact_id", "tag"}, contactId, tag);
            }
            return null;
        });
    }

    private static String cleanTag(String t) {
        String v = t == null ? "" : t.strip();
        if (v.length() > TAG_MAX) {
            throw new ComptoirException(UserMessage.of("contact.error.tag.too.long", TAG_MAX));
        }
        return v;
    }

    /** The stored spelling of {@code tag} (case ignored), created or carried; null when there is none. */
    private static String existingTag(Connection c, String tag) throws SQLException {
        return Jdbc.queryOne(c, "SELECT name FROM (SELECT name FROM tag UNION SELECT DISTINCT tag FROM contact_tag) n "
                + "WHERE LOWER(name) = LOWER(?) ORDER BY name <> ?, name LIMIT 1", rs -> rs.getString(1), tag, tag)
                .orElse(null);
    }

    private static List<ContactRow> withTags(Connection c, List<ContactRow> rows) throws SQLException {
        List<Long> ids = rows.stream().map(ContactRow::id).filter(Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        for (String[] t : Jdbc.query(c, "SELECT contact_id, tag FROM contact_tag WHERE contact_id IN (" + in
                + ") ORDER BY tag", rs -> new String[] {rs.getString(1), rs.getString(2)}, ids.toArray())) {
            tags.computeIfAbsent(Long.parseLong(t[0]), k -> new ArrayList<>()).add(t[1]);
        }
        return rows.stream().map(r -> r.id() == null ? r : new ContactRow(r.id(), r.subject(), r.number(), r.firstName(),
                r.lastName(), r.status(), r.since(), r.createdAt(), tags.getOrDefault(r.id(), List.of()))).toList();
    }

    private static ConsentStatus status(String stored) {
        return stored == null ? null : ConsentStatus.valueOf(stored);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
