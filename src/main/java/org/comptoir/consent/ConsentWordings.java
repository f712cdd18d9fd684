package org.comptoir.consent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/**
 * The consent wordings ({@code consent_wording}) behind {@link ConsentService#currentWording(String)} and
 * {@link ConsentService#consentLanguages()}: the text a customer reads, naming the shop, one version per change and
 * never edited. Thread-safe; every method blocks on the database.
 */
final class ConsentWordings {

    private final Database db;
    private final Settings settings;
    private final Ledger ledger;
    private final LedgerClock clock;

    ConsentWordings(Database db, Settings settings, Ledger ledger, LedgerClock clock) {
        this.db = db;
        this.settings = settings;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** See {@link ConsentService#consentLanguages()}. */
    List<String> languages() {
        if (!settings.isSet(ConsentSettings.LANGUAGES)) {
            String fixed = db.withConnection(c -> latest(c)).map(ConsentWording::language)
                    .filter(l -> ConsentSettings.LANGUAGE_CHOICES.contains(l))
                    .orElse(Messages.forLanguage(settings.get(CoreSettings.UI_LANGUAGE)).locale().getLanguage());
            settings.set(ConsentSettings.LANGUAGES, fixed);
        }
        return List.of(settings.get(ConsentSettings.LANGUAGES).split(","));
    }

    /** See {@link ConsentService#currentWording(String)}. */
    ConsentWording current(String language) {
        String shop = settings.get(CoreSettings.SHOP_NAME).strip();
        if (shop.isEmpty()) {
            throw new ComptoirException(UserMessage.of("consent.error.no.shop.name"));
        }
        Messages messages = Messages.forLanguage(language);
        String lang = messages.locale().getLanguage();
        String text = messages.get("consent.wording.text", shop, settings.get(CoreSettings.OPTOUT_MENTION).strip());
        String purpose = messages.get("consent.wording.purpose");
        Optional<ConsentWording> unchanged = db.withConnection(c -> latest(c, lang))
                .filter(w -> same(w, lang, text, shop, purpose));
        if (unchanged.isPresent()) {
            return unchanged.get(); // the usual case: no lock taken
        }
        return db.inTransaction(c -> {
            ledger.lockHead(c); // two tills starting together must not both add version n+1
            Optional<ConsentWording> latest = latest(c, lang);
            if (latest.isPresent() && same(latest.get(), lang, text, shop, purpose)) {
                return latest.get();
            }
            int version = latest(c).map(w -> w.version() + 1).orElse(1);
            Instant now = clock.now(c);
            long id = Jdbc.insert(c, "INSERT INTO consent_wording (version, language, text, shop_name, purpose, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", version, lang, text, shop, purpose, now);
            return new ConsentWording(id, version, lang, text, shop, purpose, now);
        });
    }

    private static Optional<ConsentWording> latest(Connection c) throws SQLException {
        return Jdbc.queryOne(c, "SELECT * FROM consent_wording ORDER BY version DESC LIMIT 1", ConsentWordings::wording);
    }

    private static Optional<ConsentWording> latest(Connection c, String language) throws SQLException {
        return Jdbc.queryOne(c, "SELECT * FROM consent_wording WHERE language = ? ORDER BY version DESC LIMIT 1",
                ConsentWordings::wording, language);
    }

    private static boolean same(ConsentWording w, String language, String text, String shop, String purpose) {
        return w.language().equals(language) && w.text().equals(text) && w.shopName().equals(shop)
                && w.purpose().equals(purpose);
    }

    static Optional<ConsentWording> find(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT * FROM consent_wording WHERE id = ?", ConsentWordings::wording, id);
    }

    private static ConsentWording wording(ResultSet rs) throws SQLException {
        return new ConsentWording(rs.getLong("id"), rs.getInt("version"), rs.getString("language"),
                rs.getString("text"), rs.getString("shop_name"), rs.getString("purpose"),
                Jdbc.instant(rs, "created_at"));
    }
}
