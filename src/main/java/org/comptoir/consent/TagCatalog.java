package org.comptoir.consent;

import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * Renaming and deleting the shop's tags (creating and giving them is {@link ContactDirectory}'s). A campaign not yet
 * sent that targets a tag follows its rename, so "audience by tag" stays the people the owner meant; a tag such a
 * campaign still targets cannot be deleted. Any thread but the JavaFX one; each call is one transaction.
 */
public final class TagCatalog {

    private static final int TAG_MAX = 50;
    private final Database db;

    public TagCatalog(Database db) {
        this.db = db;
    }

    /** How many contacts carry {@code tag} (exact spelling). Blocks on the database. */
    public long contacts(String tag) {
        return db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM contact_tag WHERE tag = ?", tag));
    }

    /**
     * Renames {@code from} to {@code to} on every contact and in every draft or scheduled campaign's audience, and
     * returns the new name as stored. Throws {@link ComptoirException} for an empty or too long name, an unknown tag,
     * or a name another tag already has (case ignored); nothing changes then.
     */
    public String rename(String from, String to) {
        String clean = to == null ? "" : to.strip();
        if (clean.isEmpty()) {
            throw new ComptoirException(UserMessage.of("contact.error.tag.empty"));
        }
        if (clean.length() > TAG_MAX) {
            throw new ComptoirException(UserMessage.of("contact.error.tag.too.long", TAG_MAX));
        }
        return db.inTransaction(c -> {
            if (!exists(c, from)) {
                throw new ComptoirException(UserMessage.of("contact.error.tag.unknown", from));
            }
            if (clean.equals(from)) {
                return clean;
            }
            long other = Jdbc.queryLong(c, "SELECT COUNT(*) FROM (SELECT name FROM tag UNION SELECT DISTINCT tag FROM "
                    + "contact_tag) n WHERE LOWER(name) = LOWER(?) AND name <> ?", clean, from);
            if (other > 0) {
                throw new ComptoirException(UserMessage.of("contact.error.tag.exists", clean));
            }
            Jdbc.update(c, "DELETE FROM tag WHERE name = ?", from);
            Jdbc.update(c, "INSERT INTO tag (name, created_at) VALUES (?, CURRENT_TIMESTAMP)", clean);
            Jdbc.update(c, "UPDATE contact_tag SET tag = ? WHERE tag = ?", clean, from);
            Jdbc.update(c, "UPDATE campaign SET audience_tag = ? WHERE audience_tag = ? AND status IN ('DRAFT', 'SCHEDULED')",
                    clean, from);
            return clean;
        });
    }

    /**
     * Deletes {@code tag} from every contact and from the shop's tags; returns how many contacts carried it. Throws
     * {@link ComptoirException} while a draft or scheduled campaign targets it (its audience would silently change).
     */
    public long delete(String tag) {
        return db.inTransaction(c -> {
            long campaigns = Jdbc.queryLong(c, "SELECT COUNT(*) FROM campaign WHERE audience_tag = ? "
                    + "AND status IN ('DRAFT', 'SCHEDULED')", tag);
            if (campaigns > 0) {
                throw new ComptoirException(UserMessage.of("contact.error.tag.in.use", tag, campaigns));
            }
            long carried = Jdbc.update(c, "DELETE FROM contact_tag WHERE tag = ?", tag);
            Jdbc.update(c, "DELETE FROM tag WHERE name = ?", tag);
            return carried;
        });
    }

    private static boolean exists(java.sql.Connection c, String tag) throws java.sql.SQLException {
        return Jdbc.queryLong(c, "SELECT COUNT(*) FROM (SELECT name FROM tag UNION SELECT DISTINCT tag FROM contact_tag) n "
                + "WHERE name = ?", tag) > 0;
    }
}
