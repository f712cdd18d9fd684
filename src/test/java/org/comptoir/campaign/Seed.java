package org.comptoir.campaign;

import java.time.Instant;
import java.util.List;
import org.comptoir.AppContext;
import org.comptoir.consent.ConsentKind;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/** Writes contacts, consent states and sent messages straight into a migrated store, as the tests need them. */
final class Seed {

    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final Database db;
    private int next;

    Seed(Database db) {
        this.db = db;
    }

    /** Every feature's settings, as the application registers them. */
    static Settings settings(Database db) {
        List<SettingDefinition> all = AppContext.settingDefinitions();
        return new Settings(db, all);
    }

    /** A contact with a consent status (null: no ledger entry at all) and tags; returns its subject. */
    String contact(String firstName, String status, String... tags) {
        int n = ++next;
        String subject = String.format("%064x", n);
        String phone = String.format("+336%08d", n);
        db.inTransaction(c -> {
            long id = Jdbc.insert(c, "INSERT INTO contact (subject, phone_e164, first_name, created_at) VALUES (?, ?, ?, ?)",
                    subject, phone, firstName, NOW);
            for (String tag : tags) {
                Jdbc.update(c, "INSERT INTO contact_tag (contact_id, tag) VALUES (?, ?)", id, tag);
            }
            if (status != null) {
                Jdbc.update(c, "INSERT INTO consent_state (subject, status, since, last_seq) VALUES (?, ?, ?, ?)",
                        subject, status, NOW, n);
                // the audience reads the latest ledger event behind each state (hashes are not checked there)
                Jdbc.update(c, "INSERT INTO consent_event (seq, subject, kind, channel, occurred_at, prev_hash, hash) "
                        + "VALUES (?, ?, ?, 'TILL', ?, '', '')", n, subject, ConsentKind.leadingTo(ConsentStatus.valueOf(status)), NOW);
            }
            return null;
        });
        return subject;
    }


    /** A finished campaign of this kind with one SENT outbox row per instant for {@code subject}. */
    void sent(String subject, CampaignKind kind, Instant... sentAt) {
        db.inTransaction(c -> {
            for (Instant at : sentAt) {
                long campaign = Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, status, created_at, updated_at)"
                        + " VALUES ('old', ?, 'x', 'DONE', ?, ?)", kind, at, at);
                Jdbc.update(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding, parts,"
                        + " state, sent_at, created_at, updated_at) VALUES (?, ?, '+33600000000', 'x', 'GSM7', 1, 'SENT', ?, ?, ?)",
                        campaign, subject, at, at, at);
            }
            return null;
        });
    }
}
